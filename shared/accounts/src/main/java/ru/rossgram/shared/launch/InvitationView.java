package ru.rossgram.shared.launch;

import java.time.Instant;
import java.util.List;

/** An operator-issued invitation as operators list it: its standing and who used it, never its code. */
public record InvitationView(String id, String kind, int maxUses, int uses, Instant expiresAt, boolean disabled,
                             String forUsername, String note, String issuedBy, Instant createdAt, List<UsedBy> usedBy) {
    public InvitationView {
        usedBy = List.copyOf(usedBy);
    }

    /** An account the invitation created. */
    public record UsedBy(String userId, String username, Instant usedAt) {
    }
}
