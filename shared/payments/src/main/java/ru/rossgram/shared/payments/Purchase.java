package ru.rossgram.shared.payments;

import java.util.Locale;
import java.util.Optional;

/**
 * What a payment buys: unlocking a paid post, a period of a subscription to a creator, or a pledge to a campaign.
 *
 * @param id the post's id for {@link Kind#POST}; the tier's id for {@link Kind#SUBSCRIPTION}; the campaign's id for
 *           {@link Kind#PLEDGE}
 */
public record Purchase(Kind kind, String id) {
    public enum Kind {
        POST, SUBSCRIPTION, PLEDGE;

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
