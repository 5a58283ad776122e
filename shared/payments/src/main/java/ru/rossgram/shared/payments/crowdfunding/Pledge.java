package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.util.Locale;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;

/**
 * A backer's pledge to a campaign: one per backer and campaign at a time ({@code pledgeId} tells a pledge made again
 * after a cancel from the one before it).
 *
 * @param rewardId       the reward claimed, or null
 * @param paymentId      the payment in progress or last made for it (verification, pledge, charge or fix)
 * @param savedMethod    all or nothing: the provider's reference for charging the backer's method at the
 *                       deadline (as the verification's success reported it); null otherwise, and once released
 * @param verificationId all or nothing: the verification payment, refunded by the closing job once it succeeded
 * @param attempts       charges of the saved method made so far (the first at the deadline, then retries)
 * @param fixBy          errored pledges: the end of the window to fix the payment, after which it is dropped
 * @param dueAt          when the closing job must look at it (expiry of a pending pledge's reward hold, the
 *                       verification's refund, a retry, the end of its fix window), or null
 */
public record Pledge(
        String campaignId,
        String backerId,
        String pledgeId,
        Money amount,
        String rewardId,
        PaymentProvider provider,
        State state,
        String paymentId,
        String savedMethod,
        String verificationId,
        int attempts,
        Instant fixBy,
        Instant dueAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * Where a pledge stands. Each state contributes to the campaign's totals ({@link #pledged}, {@link #collected},
     * {@link #dropped}, {@link #backer}); a transition adds the difference to one total shard in the same
     * transaction, so the totals are exact whatever order notifications come in.
     */
    public enum State {
        /** Its first payment (verification or pledge) is not settled yet; the reward is held. */
        PENDING(false, false, false),
        /** All or nothing: the method is saved; charged at the deadline if the goal is met. */
        SAVED(true, false, false),
        /** All or nothing, after the goal was met: the charge was sent; its notification settles it. */
        CHARGING(true, false, false),
        /** A charge was declined: retried, and the backer may fix it until {@code fixBy}. */
        ERRORED(true, false, false),
        /** Paid: the money is the creator's. */
        COLLECTED(true, true, false),
        /** Errored past its fix window: not counted, nobody charged. */
        DROPPED(false, false, true),
        /** All or nothing, the goal not met: nobody charged, the saved method forgotten. Still what was pledged. */
        RELEASED(true, false, false),
        /** Cancelled by the backer (or with the campaign) before any money moved, or its first payment failed. */
        CANCELLED(false, false, false),
        /** Paid, then returned (a cancelled pledge or campaign, or the provider's refund). */
        REFUNDED(false, false, false);

        private final boolean pledged;
        private final boolean collected;
        private final boolean dropped;

        State(boolean pledged, boolean collected, boolean dropped) {
            this.pledged = pledged;
            this.collected = collected;
            this.dropped = dropped;
        }

        /** Whether a pledge here counts in the campaign's pledged total and backer count. */
        public boolean pledged() {
            return pledged;
        }

        public boolean collected() {
            return collected;
        }

        public boolean dropped() {
            return dropped;
        }

        /** Whether it holds its reward: every state but the ones that gave it up. */
        public boolean holdsReward() {
            return this != DROPPED && this != CANCELLED && this != REFUNDED;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public Pledge with(State next, Instant at) {
        return new Pledge(campaignId, backerId, pledgeId, amount, rewardId, provider, next, paymentId, savedMethod,
                verificationId, attempts, fixBy, dueAt, createdAt, at, version + 1);
    }

    public Pledge withPayment(String nextPaymentId) {
        return new Pledge(campaignId, backerId, pledgeId, amount, rewardId, provider, state, nextPaymentId, savedMethod,
                verificationId, attempts, fixBy, dueAt, createdAt, updatedAt, version);
    }

    public Pledge withSavedMethod(String method, String verificationPaymentId) {
        return new Pledge(campaignId, backerId, pledgeId, amount, rewardId, provider, state, paymentId, method,
                verificationPaymentId, attempts, fixBy, dueAt, createdAt, updatedAt, version);
    }

    public Pledge withAttempts(int count, Instant nextFixBy) {
        return new Pledge(campaignId, backerId, pledgeId, amount, rewardId, provider, state, paymentId, savedMethod,
                verificationId, count, nextFixBy, dueAt, createdAt, updatedAt, version);
    }

    /** The pledge without its reward: one that counts again after it gave the reward up (a late payment). */
    public Pledge withoutReward() {
        return new Pledge(campaignId, backerId, pledgeId, amount, null, provider, state, paymentId, savedMethod,
                verificationId, attempts, fixBy, dueAt, createdAt, updatedAt, version);
    }

    /** Whether it stands: not given up (cancelled, refunded, dropped), so the backer cannot pledge again. */
    public boolean stands() {
        return state != State.CANCELLED && state != State.REFUNDED && state != State.DROPPED;
    }

    public Pledge withDueAt(Instant next) {
        return new Pledge(campaignId, backerId, pledgeId, amount, rewardId, provider, state, paymentId, savedMethod,
                verificationId, attempts, fixBy, next, createdAt, updatedAt, version);
    }
}
