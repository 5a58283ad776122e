package ru.rossgram.shared.payments;

import java.util.Locale;

/**
 * Where a payment stands, and what a provider's verified event does to it. Providers deliver events late, twice
 * and out of order, so every state answers every event:
 *
 * <ul>
 *   <li>a success credits the money and grants access, from {@code pending} or from {@code canceled} (a late
 *       capture is real money); after {@code succeeded} or {@code refunded} it is stale;</li>
 *   <li>a cancellation only closes a {@code pending} payment; once money moved, only a refund undoes it;</li>
 *   <li>a refund reverses the credit and revokes access after {@code succeeded}; from {@code pending} or
 *       {@code canceled} (the success not heard yet, or never) it closes the payment with no money moved, and
 *       the success that may still arrive is stale.</li>
 * </ul>
 */
public enum PaymentState {
    PENDING, SUCCEEDED, CANCELED, REFUNDED;

    /** What happened at the provider, as a verified notification says. */
    public enum Event { SUCCEEDED, CANCELED, REFUNDED }

    /** What an event does to the money and the buyer's access. */
    public enum Effect { NONE, CREDIT, REVERSE }

    /** The state after {@code event} and the effect on the ledger; {@code null} when the event changes nothing. */
    public record Transition(PaymentState to, Effect effect) {
    }

    /** @return the transition {@code event} makes from this state, or null when it is stale here */
    public Transition on(Event event) {
        return switch (event) {
            case SUCCEEDED -> this == PENDING || this == CANCELED ? new Transition(SUCCEEDED, Effect.CREDIT) : null;
            case CANCELED -> this == PENDING ? new Transition(CANCELED, Effect.NONE) : null;
            case REFUNDED -> switch (this) {
                case SUCCEEDED -> new Transition(REFUNDED, Effect.REVERSE);
                case PENDING, CANCELED -> new Transition(REFUNDED, Effect.NONE);
                case REFUNDED -> null;
            };
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentState fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
