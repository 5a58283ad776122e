package ru.rossgram.shared.payments;

import java.util.Locale;

/**
 * What a subscription payment pays for ({@link Purchase.Kind#SUBSCRIPTION}): settling it applies exactly this to the
 * subscription, whenever its notification comes.
 *
 * @param period  the period it pays: 1 for the first, n + 1 for the renewal after period n; for an upgrade, the
 *                period it upgrades
 * @param attempt 1 for the first try at a renewal, 2, 3, ... for the retries after declines (each its own payment,
 *                so that each has its own idempotency key at the provider)
 */
public record SubscriptionCharge(Reason reason, int period, int attempt) {
    public enum Reason {
        /** The subscriber subscribed (or pays again after the end or a decline) through checkout. */
        START,
        /** The renewal job charged the saved method for the next period. */
        RENEWAL,
        /** The price difference of an upgrade for the rest of the period. */
        UPGRADE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }
}
