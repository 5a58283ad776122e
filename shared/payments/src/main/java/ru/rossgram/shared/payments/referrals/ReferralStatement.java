package ru.rossgram.shared.payments.referrals;

import java.time.Instant;
import java.util.List;

/**
 * A referrer's view of the program ({@code GET /v1/me/referrals}).
 *
 * @param code       the caller's referral code
 * @param link       the link that signs people up with it
 * @param referred   the accounts the caller referred, newest first (the newest {@value ReferralStatements#REFERRED_SHOWN})
 * @param rewards    totals: pending (on hold), available (the ledger balance less what is pending; negative
 *                   after a refund of a reward already available, until later rewards settle it), reversed
 * @param items      one page of the history, newest first
 * @param nextCursor where the next page starts; null on the last
 */
public record ReferralStatement(String code, String link, List<ReferredAccount> referred, Totals rewards,
                                List<Line> items, String nextCursor) {

    public record Amount(long amount, String currency) {
    }

    /** @param username its name now (null if the account is gone) */
    public record ReferredAccount(String id, String username, Instant joinedAt) {
    }

    public record Totals(Amount pending, Amount available, Amount reversed) {
    }

    /**
     * One sale of a referred creator.
     *
     * @param state       {@code pending}, {@code available}, {@code reversed} or {@code ineligible}
     * @param reason      why ineligible: {@code buyer-is-referrer}, {@code referrer-card}, {@code cap-reached}; else null
     * @param availableAt when a credited reward is (or became) available; null otherwise
     */
    public record Line(String id, ReferredAccount referred, String paymentId, String postId, Amount amount, String state,
                       String reason, Instant createdAt, Instant availableAt) {
    }
}
