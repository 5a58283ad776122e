package ru.rossgram.shared.launch;

import java.time.Instant;
import java.util.Optional;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * An invitation as stored (never its code).
 *
 * @param maxUses     how many accounts it may create
 * @param uses        how many it has created
 * @param expiresAt   after this it admits nobody; null: never (members' invitations)
 * @param forUsername a reserved name it lets its user take, if any
 * @param issuedBy    the operator who issued it, or the member who earned it
 * @param ordinal     a member's invitation's place among hers (1, 2, ...), which its code is derived from; null for
 *                    operators' invitations
 */
public record Invitation(String id, InvitationKind kind, int maxUses, int uses, Instant expiresAt, boolean disabled,
                         String forUsername, String issuedBy, String note, Instant createdAt, Integer ordinal) {

    /** Why it admits nobody at {@code now}: withdrawn, expired or used up, in that order; empty when it admits. */
    public Optional<ProblemException> refusalAt(Instant now) {
        if (disabled) {
            return Optional.of(new ProblemException(ProblemType.INVITATION_DISABLED, "This invitation was withdrawn."));
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Optional.of(new ProblemException(ProblemType.INVITATION_EXPIRED, "This invitation expired at " + expiresAt + "."));
        }
        if (uses >= maxUses) {
            return Optional.of(new ProblemException(ProblemType.INVITATION_USED_UP,
                    "This invitation has been used " + uses + (uses == 1 ? " time" : " times") + ", all it allows."));
        }
        return Optional.empty();
    }

    public boolean unused() {
        return uses == 0;
    }
}
