package ru.rossgram.shared.launch;

import java.util.Locale;
import java.util.Optional;
import ru.rossgram.shared.accounts.Membership.Badge;

/** Who an invitation is for, and the badge it gives a founding member. */
public enum InvitationKind {
    /** Sponsors and investors; issued by operators. */
    PARTNER(Badge.PARTNER),
    /** Top bloggers; issued by operators; the account becomes a verified creator. */
    CREATOR(Badge.CREATOR),
    /** Earned by members as their accounts age. */
    MEMBER(Badge.EARLY);

    private final Badge badge;

    InvitationKind(Badge badge) {
        this.badge = badge;
    }

    public Badge badge() {
        return badge;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a request names ({@code partner}, {@code creator}, {@code member}), if it names one. */
    public static Optional<InvitationKind> fromWire(String wire) {
        for (InvitationKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
