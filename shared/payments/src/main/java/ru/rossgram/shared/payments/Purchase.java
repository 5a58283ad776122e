package ru.rossgram.shared.payments;

import java.util.Locale;
import java.util.Optional;

/**
 * What a payment buys. Unlocking a paid post is the one kind today; subscriptions and pledges are the next.
 *
 * @param id the post's id for {@link Kind#POST}
 */
public record Purchase(Kind kind, String id) {
    public enum Kind {
        POST;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromWire(String wire) {
            for (Kind kind : values()) {
                if (kind.wire().equals(wire)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }
}
