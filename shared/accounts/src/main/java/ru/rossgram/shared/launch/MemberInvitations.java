package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Invitations members earn as their accounts age, Bluesky's way: one per {@code memberInvitationInterval} of the
 * account's age, holding at most {@code maxUnusedMemberInvitations} unused at once; a member who used hers earns the
 * ones she was owed meanwhile. They are made when she lists them, no scheduler needed.
 *
 * <p>A member's n-th invitation has a fixed code ({@link InvitationCodes#memberCode}) and so a fixed id, created
 * only if absent: two listings at once, or one reading a lagging index, cannot make more than she earned.
 */
@Singleton
public class MemberInvitations {
    private final LaunchConfig launch;
    private final InvitationCodes codes;
    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final TransactionWriter transactions;
    private final CursorCodec cursors;
    private final Clock clock;

    public MemberInvitations(LaunchConfig launch, InvitationCodes codes, InvitationRepository invitations,
                             AccountRepository accounts, TransactionWriter transactions, CursorCodec cursors, Clock clock) {
        this.launch = launch;
        this.codes = codes;
        this.invitations = invitations;
        this.accounts = accounts;
        this.transactions = transactions;
        this.cursors = cursors;
        this.clock = clock;
    }

    /**
     * The caller's invitations, newest first, with any she has earned since she last looked.
     *
     * @throws ProblemException 401 when her account no longer exists; 400 for a cursor not issued for her list
     */
    public Page<MemberInvitation> of(Caller caller, PageRequest request) {
        String userId = caller.userId();
        Instant createdAt = accounts.findById(userId).map(found -> found.account().createdAt())
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED, "The account no longer exists."));
        List<Invitation> earned = new ArrayList<>(invitations.earnedBy(userId));
        earned.addAll(earnSince(userId, createdAt, earned));
        earned.sort(Comparator.comparing(Invitation::ordinal).reversed());

        String purpose = "member-invitations:" + userId;
        int before = request.cursor() == null ? Integer.MAX_VALUE
                : Integer.parseInt(cursors.decode(purpose, request.cursor()).get("before"));
        List<Invitation> after = earned.stream().filter(invitation -> invitation.ordinal() < before).toList();
        List<Invitation> page = after.subList(0, Math.min(request.limit(), after.size()));
        String next = after.size() > page.size()
                ? cursors.encode(purpose, Map.of("before", Integer.toString(page.get(page.size() - 1).ordinal()))) : null;
        return new Page<>(page.stream().map(invitation -> view(userId, invitation)).toList(), next);
    }

    /** How many of her invitations a member of {@code age} has earned in all, used or not. */
    static long earnedBy(Duration age, Duration interval) {
        return age.isNegative() ? 0 : age.toMillis() / interval.toMillis();
    }

    /** Creates the invitations she is owed beyond {@code seen}, as many as room for unused ones allows. */
    private List<Invitation> earnSince(String userId, Instant createdAt, List<Invitation> seen) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long owed = earnedBy(Duration.between(createdAt, now), launch.memberInvitationInterval());
        int highest = seen.stream().mapToInt(Invitation::ordinal).max().orElse(0);
        long unused = seen.stream().filter(invitation -> invitation.unused() && !invitation.disabled()).count();
        List<Invitation> made = new ArrayList<>();
        TransactionPlan plan = new TransactionPlan();
        for (int ordinal = highest + 1; ordinal <= owed && unused + made.size() < launch.maxUnusedMemberInvitations()
                && plan.size() < TransactionWriter.MAX_ACTIONS; ordinal++) {
            Invitation invitation = new Invitation(codes.idOf(codes.memberCode(userId, ordinal)), InvitationKind.MEMBER,
                    1, 0, null, false, null, userId, null, now, ordinal);
            invitations.addCreation(plan, invitation, null);
            made.add(invitation);
        }
        if (!made.isEmpty() && plan.commit(transactions).isPresent()) {
            // another listing made some of them first (this one read the index before they showed): theirs stand
            return List.of();
        }
        return made;
    }

    private MemberInvitation view(String userId, Invitation invitation) {
        List<MemberInvitation.UsedBy> usedBy = invitation.unused() ? List.of() : invitations.uses(invitation.id()).stream()
                .map(use -> new MemberInvitation.UsedBy(use.username(), use.usedAt())).toList();
        return new MemberInvitation(InvitationCodes.display(codes.memberCode(userId, invitation.ordinal())),
                invitation.kind().wire(), Math.max(invitation.uses(), usedBy.size()), invitation.maxUses(),
                invitation.expiresAt(), invitation.disabled(), invitation.createdAt(), usedBy);
    }
}
