package ru.rossgram.shared.launch;

import java.time.Instant;
import java.util.List;

/**
 * An invitation a member earned, as she lists it ({@code GET /v1/me/invitations}): its code, which she can see
 * again whenever she lists it, and who used it.
 *
 * @param expiresAt null: members' invitations do not expire
 */
public record MemberInvitation(String code, String kind, int uses, int maxUses, Instant expiresAt, boolean disabled,
                               Instant createdAt, List<UsedBy> usedBy) {
    public MemberInvitation {
        usedBy = List.copyOf(usedBy);
    }

    /** An account the invitation created, by its name. */
    public record UsedBy(String username, Instant usedAt) {
    }
}
