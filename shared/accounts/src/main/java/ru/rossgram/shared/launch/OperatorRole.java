package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Who may use the operator endpoints: a signed-in account whose current username {@link OperatorsConfig} names.
 * The list comes from the deployment's configuration only, so no API call can make anyone an operator; the
 * username is read from the account (consistently), not from the token, so renaming an account away from an
 * operator's name ends its powers at once.
 */
@Singleton
public class OperatorRole {
    private final AccountRepository accounts;
    private final OperatorsConfig config;

    public OperatorRole(AccountRepository accounts, OperatorsConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** @throws ProblemException 403 {@code operators-only} for any other account, or one that no longer exists */
    public Operator require(Caller caller) {
        return accounts.findById(caller.userId())
                .map(AccountRepository.StoredAccount::account)
                .filter(account -> config.isOperatorName(account.username()))
                .map(account -> new Operator(account.userId(), account.username()))
                .orElseThrow(() -> new ProblemException(ProblemType.OPERATORS_ONLY,
                        "Only Rossgram's operators may do this."));
    }
}
