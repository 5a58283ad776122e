package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** Finds the account a URL's {@code {username}} names. */
@Singleton
public class UserLookup {
    private final AccountRepository accounts;

    public UserLookup(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** @throws ProblemException 404 {@code not-found} when no account has that username (ignoring case) */
    public Account byUsername(String username) {
        return accounts.findByUsername(username).map(AccountRepository.StoredAccount::account)
                .orElseThrow(() -> notFound(username));
    }

    /** The answer for an account that does not exist, or that the caller may not know exists: the same. */
    public static ProblemException notFound(String username) {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no user '" + ProblemException.quote(username) + "'.");
    }

    /** What the 503 says when follows, requests or blocks between two accounts keep changing under every round. */
    static final String CHANGING_TOO_FAST = "The account is changing too fast; retry shortly.";
}
