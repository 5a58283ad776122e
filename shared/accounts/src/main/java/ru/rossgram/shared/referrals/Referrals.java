package ru.rossgram.shared.referrals;

import jakarta.inject.Singleton;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Every account's referral code, and the attribution a new account names at sign-up. The attribution is set in
 * the sign-up transaction and never again: nothing else writes {@code referredBy} or the referrer's edge.
 *
 * <p>A code that names no account, or an account that no longer exists, is refused ({@code 422
 * referral-code-unknown}) rather than ignored: the person followed a link expecting its referrer to be credited,
 * and would rather fix the code or sign up without one than lose that silently. Naming yourself cannot happen: a
 * new account has no code until its own sign-up commits.
 */
@Singleton
public class Referrals {
    private static final int ATTEMPTS = 4;

    private final ReferralRepository referrals;
    private final AccountRepository accounts;
    private final TransactionWriter transactions;

    public Referrals(ReferralRepository referrals, AccountRepository accounts, TransactionWriter transactions) {
        this.referrals = referrals;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /**
     * The account whose code a sign-up names; null when it names none.
     *
     * @throws ProblemException 422 {@code referral-code-unknown} when no account has that code
     */
    public String referrerNamedBy(String code) {
        if (code == null) {
            return null;
        }
        return referrals.ownerOf(ReferralCodes.normalized(code)).orElseThrow(Referrals::unknownCode);
    }

    /**
     * Adds to the sign-up's transaction the new account's own code and, when it names a referrer, the check that
     * the referrer still exists (failing with 422 {@code referral-code-unknown}) and the referrer's edge to it.
     */
    public void addSignUp(TransactionPlan plan, Account account) {
        String code = ReferralCodes.newCode();
        // 31^10 codes: a collision with an existing one is a broken random source, not a case to handle.
        plan.add(referrals.claimItem(account.userId(), code), () -> new IllegalStateException("referral code collision"));
        plan.add(referrals.pointerItem(account.userId(), code));
        String referrer = account.membership().referredBy();
        if (referrer != null) {
            plan.add(accounts.profileExistsCheck(referrer), Referrals::unknownCode);
            plan.add(referrals.referralItem(referrer, account.userId(), account.createdAt()));
        }
    }

    /**
     * {@code userId}'s code, given it on first asking when the account predates codes. Two first askings at once
     * both end with the one code that won: the pointer is put only if absent.
     *
     * @throws ProblemException 503 {@code busy} when codes keep colliding (a broken random source)
     */
    public String codeOf(String userId) {
        return referrals.codeOf(userId).orElseGet(() -> Contention.retry(ATTEMPTS, "Try again.", () -> {
            String code = ReferralCodes.newCode();
            TransactionPlan plan = new TransactionPlan()
                    .add(referrals.claimItem(userId, code))
                    .add(referrals.pointerItem(userId, code));
            if (plan.commit(transactions).isEmpty()) {
                return Optional.of(code);
            }
            return referrals.codeOf(userId); // another first asking won; else the code collided: another one
        }));
    }

    private static ProblemException unknownCode() {
        return new ProblemException(ProblemType.REFERRAL_CODE_UNKNOWN, "No account has this referral code.");
    }
}
