package ru.rossgram.shared.subscriptions;

import java.time.Instant;
import java.util.Locale;
import ru.rossgram.shared.money.Money;

/**
 * One of a creator's subscription tiers.
 *
 * @param rank          its order among the creator's tiers, 1 the lowest: a subscriber of rank r sees every post for
 *                      rank r and below. Posts store the rank they need, never a tier id, so reordering or archiving
 *                      tiers does not break them.
 * @param price         the monthly price new subscribers pay, in kopecks
 * @param priceSince    when {@code price} was set: a rise applies to an existing subscriber's renewals only after the
 *                      notice period has passed since then (README, Payments: Subscriptions)
 * @param state         {@code active} (offered), {@code hidden} (not offered to new subscribers, kept by existing ones)
 *                      or {@code archived} (gone from the creator's list; existing subscribers keep it)
 */
public record Tier(String tierId, String name, String description, Money price, Instant priceSince, int rank,
                   State state, Instant createdAt) {

    public enum State {
        ACTIVE, HIDDEN, ARCHIVED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** Whether a new subscriber may choose it. */
    public boolean offered() {
        return state == State.ACTIVE;
    }
}
