package ru.rossgram.shared.payments;

import java.util.Locale;

/**
 * What a crowdfunding payment ({@link Purchase.Kind#PLEDGE}, purchase id = the campaign's id) does for its pledge:
 * settling it applies exactly this to the pledge, whenever its notification comes.
 *
 * @param pledgeId which of the backer's pledges to the campaign it is for (a backer who cancelled and pledged again
 *                 has a new one; a late notification for the old one must not touch the new)
 * @param attempt  1 for the first try, 2, 3, ... for the retries of a declined deadline charge (each its own
 *                 payment, so each has its own idempotency key at the provider)
 */
public record PledgeCharge(String pledgeId, Reason reason, int attempt) {
    public enum Reason {
        /**
         * All or nothing, at pledge time: a minimal payment that saves the backer's method for the charge at the
         * deadline. Its money is not the creator's: it is returned (refunded) as soon as it succeeded.
         */
        VERIFY,
        /** Keep what you raise: the pledge itself, paid through checkout, the creator's as it comes. */
        PLEDGE,
        /** All or nothing, after the goal was met: the saved method charged for the pledge by the closing job. */
        COLLECT,
        /** All or nothing: the backer pays an errored pledge through checkout within its fix window. */
        FIX;

        /**
         * Whether the money is the creator's (a sale: fee, creator's line, referral rewards); a verification's is
         * only held for the backer and returned.
         */
        public boolean isSale() {
            return this != VERIFY;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }
}
