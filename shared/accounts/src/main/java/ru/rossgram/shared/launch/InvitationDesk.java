package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ru.rossgram.shared.accounts.AccountRules;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * The operators' side of invitations: issuing partner and creator codes, listing them with who used each, and
 * withdrawing them. The operator endpoints call it, adding their audit record to the same transaction.
 */
@Singleton
public class InvitationDesk {
    /** How long an issued code works when the order names no expiry. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
    public static final int MAX_COUNT = 20;
    static final int NOTE_MAX = 200;

    private final InvitationCodes codes;
    private final InvitationRepository invitations;
    private final CursorCodec cursors;
    private final Clock clock;

    public InvitationDesk(InvitationCodes codes, InvitationRepository invitations, CursorCodec cursors, Clock clock) {
        this.codes = codes;
        this.invitations = invitations;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * Adds {@code order}'s invitations to {@code plan} (one item each, so 20 leave room for the caller's own items
     * within a transaction's 25); the caller commits. Their codes are in the answer and nowhere else.
     *
     * @throws ProblemException 400 naming the field: a kind other than {@code partner} or {@code creator}, a count
     *         outside 1 to 20, fewer than 1 use, an expiry not in the future, a {@code forUsername} that is not a
     *         username or comes with a count above 1, a note over 200 characters
     */
    public List<IssuedInvitation> issue(InvitationOrder order, String operatorId, TransactionPlan plan) {
        InvitationKind kind = InvitationKind.fromWire(order.kind()).filter(k -> k != InvitationKind.MEMBER)
                .orElseThrow(() -> ProblemException.invalid("kind", "partner or creator (members' invitations are only earned)"));
        int count = order.count() == null ? 1 : order.count();
        if (count < 1 || count > MAX_COUNT) {
            throw ProblemException.invalid("count", "a number from 1 to " + MAX_COUNT);
        }
        int maxUses = order.maxUses() == null ? 1 : order.maxUses();
        if (maxUses < 1) {
            throw ProblemException.invalid("maxUses", "at least 1");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = order.expiresAt() == null ? now.plus(DEFAULT_VALIDITY) : order.expiresAt().truncatedTo(ChronoUnit.MILLIS);
        if (!expiresAt.isAfter(now)) {
            throw ProblemException.invalid("expiresAt", "a moment in the future");
        }
        String forUsername = order.forUsername() == null || order.forUsername().isBlank() ? null : username(order.forUsername());
        if (forUsername != null && count != 1) {
            throw ProblemException.invalid("forUsername", "one name is granted by one code: order a count of 1");
        }
        String note = order.note() == null || order.note().isBlank() ? null : order.note().trim();
        if (note != null && note.length() > NOTE_MAX) {
            throw ProblemException.invalid("note", "at most " + NOTE_MAX + " characters");
        }
        List<IssuedInvitation> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = codes.draw();
            Invitation invitation = new Invitation(codes.idOf(code), kind, maxUses, 0, expiresAt, false, forUsername,
                    operatorId, note, now, null);
            invitations.addCreation(plan, invitation,
                    () -> new IllegalStateException("an invitation code was drawn twice: " + invitation.id()));
            issued.add(new IssuedInvitation(invitation.id(), InvitationCodes.display(code), kind.wire(), maxUses,
                    expiresAt, forUsername, note, now));
        }
        return issued;
    }

    /**
     * Operators' invitations, newest first, with their uses and who used each; never their codes.
     *
     * @param kind  {@code partner} or {@code creator}; null: both
     * @param limit 1 to 50
     * @throws ProblemException 400 for another kind, or a cursor not issued for this listing
     */
    public Page<InvitationView> list(String kind, String cursor, int limit) {
        InvitationKind wanted = kind == null ? null : InvitationKind.fromWire(kind).filter(k -> k != InvitationKind.MEMBER)
                .orElseThrow(() -> ProblemException.invalid("kind", "partner or creator"));
        String purpose = "invitations:issued:" + (kind == null ? "all" : kind);
        String before = cursor == null ? null : cursors.decode(purpose, cursor).get("before");
        List<Invitation> found = invitations.issued(wanted, before, limit);
        List<Invitation> page = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit
                ? cursors.encode(purpose, Map.of("before", InvitationRepository.position(page.get(page.size() - 1)))) : null;
        return new Page<>(page.stream().map(this::view).toList(), next);
    }

    /**
     * Adds withdrawing the invitation {@code invitationId} to {@code plan}: from the commit on, its code admits
     * nobody (422 {@code invitation-disabled}). Withdrawing one twice is harmless.
     *
     * @throws ProblemException (from the commit) 404 {@code not-found} when no invitation has that id
     */
    public void disable(String invitationId, TransactionPlan plan) {
        Supplier<ProblemException> unknown =
                () -> new ProblemException(ProblemType.NOT_FOUND, "No invitation has the id " + ProblemException.quote(invitationId) + ".");
        if (!InvitationCodes.isId(invitationId)) {
            throw unknown.get(); // names nothing we store, and may be too long for a key
        }
        invitations.addDisabling(plan, invitationId, unknown);
    }

    private static String username(String name) {
        try {
            return AccountRules.username(name);
        } catch (ProblemException e) {
            throw ProblemException.invalid("forUsername", "a username: 3 to 30 Latin or Cyrillic letters of one alphabet,"
                    + " 0-9, '.' and '_'");
        }
    }

    private InvitationView view(Invitation invitation) {
        List<InvitationView.UsedBy> usedBy = invitation.unused() ? List.of() : invitations.uses(invitation.id()).stream()
                .map(use -> new InvitationView.UsedBy(use.userId(), use.username(), use.usedAt())).toList();
        return new InvitationView(invitation.id(), invitation.kind().wire(), invitation.maxUses(),
                Math.max(invitation.uses(), usedBy.size()), invitation.expiresAt(), invitation.disabled(),
                invitation.forUsername(), invitation.note(), invitation.issuedBy(), invitation.createdAt(), usedBy);
    }
}
