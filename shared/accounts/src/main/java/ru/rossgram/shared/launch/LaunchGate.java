package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.AttemptLog;
import ru.rossgram.shared.accounts.Membership;
import ru.rossgram.shared.accounts.Membership.Badge;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Who may sign up while the launch is closed, and what an invitation grants: the invitation side of sign-up.
 *
 * <p>{@link #admit} decides from reads, before the account's transaction, so a wrong code costs none: no code
 * while closed is 403 {@code invitation-required}; a code is first checked against the client address's log of
 * wrong codes (429 {@code too-many-attempts} when it is full, before the code is even looked up), then looked up
 * (422 {@code invitation-unknown}, and written to the log: only wrong codes are, so a room of invited people on
 * one network never fills it) and judged (422 {@code invitation-disabled}, {@code -expired}, {@code -used-up}). {@link #addRedemption} then puts the use into the account's own transaction, conditioned on
 * the invitation still admitting, so of racing sign-ups no more succeed than it allows.
 */
@Singleton
public class LaunchGate {
    private static final int MAX_TYPED_CHARS = 64;

    private final LaunchConfig launch;
    private final OperatorsConfig operators;
    private final InvitationCodes codes;
    private final InvitationRepository invitations;
    private final FoundingNumbers foundingNumbers;
    private final AttemptLog wrongCodes;
    private final Clock clock;

    public LaunchGate(LaunchConfig launch, OperatorsConfig operators, InvitationCodes codes,
                      InvitationRepository invitations, FoundingNumbers foundingNumbers, BatchReads batchReads,
                      TransactionWriter transactions, RossgramConfig config, Clock clock) {
        this.launch = launch;
        this.operators = operators;
        this.codes = codes;
        this.invitations = invitations;
        this.foundingNumbers = foundingNumbers;
        this.clock = clock;
        this.wrongCodes = new AttemptLog(batchReads, transactions, config.table(), clock, launch.wrongCodeWindow(),
                List.of(launch.maxWrongCodesPerAddress()), "Too many invitation codes tried at once; retry shortly.");
    }

    /**
     * Decides whether a sign-up for {@code username} with {@code typedCode} (null: none) may go ahead now.
     *
     * @param sourceIp the client's address, which wrong codes are counted against
     * @throws ProblemException 400 for a code too long to be one; 403 {@code invitation-required} for no code while
     *         sign-up is closed; 429 {@code too-many-attempts} (with {@code Retry-After}) when the address has tried
     *         too many wrong codes lately; 422 {@code invitation-unknown}, {@code invitation-disabled},
     *         {@code invitation-expired}, {@code invitation-used-up}
     */
    public Admission admit(String typedCode, String username, String sourceIp) {
        boolean closed = launch.closedAt(clock.instant());
        if (typedCode == null || typedCode.isBlank()) {
            if (closed) {
                throw new ProblemException(ProblemType.INVITATION_REQUIRED,
                        "Rossgram is open by invitation until " + launch.opensAt().orElseThrow() + "; sign up with an invitation code.");
            }
            return Admission.open();
        }
        if (typedCode.length() > MAX_TYPED_CHARS) {
            throw ProblemException.invalid("inviteCode", "an invitation code such as RG-XXXX-XXXX-XXXX");
        }
        List<AttemptLog.Subject> address =
                List.of(new AttemptLog.Subject("invitation-address", sourceIp, launch.maxWrongCodesPerAddress()));
        wrongCodes.check(address, retryAfter -> new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                "Too many wrong invitation codes from your address; try again in " + retryAfter + " seconds.",
                Map.of("retryAfterSeconds", retryAfter)));
        if (isOperatorsInvitation(typedCode, username)) {
            return new Admission(null, true, closed);
        }
        Optional<Invitation> found = InvitationCodes.normalise(typedCode)
                .flatMap(code -> invitations.find(codes.idOf(code)));
        if (found.isEmpty()) {
            wrongCodes.record(address); // a guess: what the log limits
            throw unknown();
        }
        Invitation invitation = found.get();
        invitation.refusalAt(clock.instant()).ifPresent(refusal -> {
            throw refusal;
        });
        return new Admission(invitation, false, closed);
    }

    /**
     * What the admission makes of the new account: a founding member's number (drawn now, see
     * {@link FoundingNumbers}) and badge while sign-up is closed; verified creator for a creator invitation, in any
     * phase.
     */
    public Membership membership(Admission admission) {
        Invitation invitation = admission.invitation();
        boolean creator = invitation != null && invitation.kind() == InvitationKind.CREATOR;
        String invitationId = invitation == null ? null : invitation.id();
        if (!admission.founding()) {
            return new Membership(null, Set.of(), creator, invitationId, null);
        }
        Set<Badge> badges = EnumSet.of(admission.operator() ? Badge.PARTNER : invitation.kind().badge());
        return new Membership(foundingNumbers.draw(), badges, creator, invitationId, null);
    }

    /**
     * The name the admission lets its user take though it is reserved: the invitation's {@code forUsername}, or the
     * operator's own name; null for none.
     */
    public String grantedName(Admission admission, String username) {
        if (admission.operator()) {
            return username;
        }
        return admission.invitation() == null ? null : admission.invitation().forUsername();
    }

    /**
     * Adds the invitation's redemption by the new account to its sign-up transaction; when the invitation no
     * longer admits by then (a racing sign-up used it up, an operator withdrew it), the plan throws why (422).
     */
    public void addRedemption(TransactionPlan plan, Admission admission, String userId, String username) {
        Invitation invitation = admission.invitation();
        if (invitation == null) {
            return;
        }
        Instant now = clock.instant();
        invitations.addRedemption(plan, invitation.id(), new InvitationUse(userId, username, now), now,
                () -> invitations.find(invitation.id())
                        .map(again -> again.refusalAt(clock.instant())
                                .orElseGet(() -> ProblemException.busy("The invitation changed meanwhile; retry.")))
                        .orElseGet(LaunchGate::unknown));
    }

    private boolean isOperatorsInvitation(String typedCode, String username) {
        return !operators.invitation().isEmpty() && operators.isOperatorName(username)
                && MessageDigest.isEqual(typedCode.trim().getBytes(StandardCharsets.UTF_8),
                operators.invitation().getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException unknown() {
        return new ProblemException(ProblemType.INVITATION_UNKNOWN, "No invitation has this code; check it and try again.");
    }
}
