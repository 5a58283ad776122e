package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.auth.PasswordPolicy;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.launch.Admission;
import ru.rossgram.shared.launch.LaunchGate;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.referrals.Referrals;

/**
 * Sign-up: validates, admits (the invitation, while the launch is closed), hashes, and creates the account with its
 * first session and its invitation's redemption in one transaction.
 */
@Singleton
public class AccountRegistrar {
    private final AccountViews views;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SessionIssuer sessionIssuer;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwordHasher;
    private final IdGenerator ids;
    private final TransactionWriter transactions;
    private final Clock clock;
    private final ReservedNames reservedNames;
    private final LaunchGate launch;
    private final Referrals referrals;
    private final List<ProfileSideEffects> sideEffects;

    public AccountRegistrar(AccountRepository accounts, SessionRepository sessions, SessionIssuer sessionIssuer,
                            PasswordPolicy passwordPolicy, PasswordHasher passwordHasher, IdGenerator ids, Clock clock, AccountViews views,
                            TransactionWriter transactions, ReservedNames reservedNames, LaunchGate launch, Referrals referrals,
                            List<ProfileSideEffects> sideEffects) {
        this.sideEffects = sideEffects;
        this.referrals = referrals;
        this.transactions = transactions;
        this.launch = launch;
        this.reservedNames = reservedNames;
        this.views = views;
        this.accounts = accounts;
        this.sessions = sessions;
        this.sessionIssuer = sessionIssuer;
        this.passwordPolicy = passwordPolicy;
        this.passwordHasher = passwordHasher;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param sourceIp the client's address, as the gateway saw it
     * @throws ProblemException 400 for invalid fields or a refused password; 403, 422 and 429 for the invitation
     *         ({@link LaunchGate#admit}, and 422 when a racing sign-up used it up first); 409 when the username
     *         (case-insensitively) or the email is taken, the name looks like a taken one, or it is reserved;
     *         422 {@code referral-code-unknown} when the referral code is no account's (or its account no longer
     *         exists)
     */
    public SignedInAccount signUp(SignUpRequest request, String sourceIp) {
        String username = AccountRules.username(request.username());
        String email = AccountRules.email(request.email());
        String displayName = AccountRules.displayName(request.displayName());
        String password = AccountRules.required("password", request.password());
        String referralCode = AccountRules.optionalCode("referralCode", request.referralCode());
        passwordPolicy.check(password, username, email);
        Admission admission = launch.admit(request.inviteCode(), username, sourceIp);
        String referrer = referrals.referrerNamedBy(referralCode);
        TransactionPlan plan = new TransactionPlan();
        reservedNames.guard(plan, username, launch.grantedName(admission, username));
        String passwordHash = passwordHasher.hash(password);

        Account account = new Account(ids.newId(), username, email, displayName, "", clock.instant(), 1, null, false,
                launch.membership(admission).withReferredBy(referrer));
        SessionIssuer.NewSession session = sessionIssuer.open(account.userId());
        accounts.addCreation(plan, account, passwordHash);
        launch.addRedemption(plan, admission, account.userId(), username);
        plan.add(sessions.createItem(session.session()));
        referrals.addSignUp(plan, account);
        plan.commit(transactions).ifPresent(reasons -> {
            throw new IllegalStateException("sign-up transaction cancelled: " + reasons);
        });
        sideEffects.forEach(effect -> effect.named(account));
        return new SignedInAccount(views.of(account), session.tokens());
    }
}
