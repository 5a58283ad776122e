package ru.rossgram.shared.payments.referrals;

import java.time.Instant;
import java.util.Locale;
import ru.rossgram.shared.money.Money;

/**
 * One sale of a referred creator as its referrer's history shows it.
 *
 * @param rewardId   time-ordered: the history's order
 * @param referredId the creator who sold
 * @param amount     what was credited (zero when ineligible)
 * @param reason     why it earned nothing, when {@link State#INELIGIBLE}
 * @param reversedAt when a refund reversed it, else null
 */
public record ReferralReward(String rewardId, String referredId, String paymentId, String postId, Money amount,
                             State state, Reason reason, Instant at, Instant reversedAt) {

    /** As stored; pending and available are told apart by time (see {@link ReferralRewards}). */
    public enum State {
        CREDITED, INELIGIBLE, REVERSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** Why a sale earned its referrer nothing. */
    public enum Reason {
        /** The referrer bought from the account it referred. */
        BUYER_IS_REFERRER,
        /** The buyer paid with a card the referrer has paid with. */
        REFERRER_CARD,
        /** The referred account has earned its referrer the whole cap already. */
        CAP_REACHED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Reason fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
