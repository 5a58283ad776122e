package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.LookalikeBackfill;
import ru.rossgram.shared.accounts.ReservedName;
import ru.rossgram.shared.accounts.ReservedNames;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * What operators do through the API. Every method first checks the caller is an operator ({@link OperatorRole});
 * every action that changes something commits one transaction holding the change and its {@link AuditEntry}, so
 * the log has exactly the actions that happened. Reads are not recorded. A request body is read only once the
 * caller is known to be an operator, so everyone else gets 403 whatever they send, and learns nothing of its shape.
 */
@Singleton
public class OperatorActions {
    private static final String AUDIT_CURSOR = "operator-audit";
    private static final int MAX_REASON_CHARS = 500;

    private final OperatorRole role;
    private final OperatorAudit audit;
    private final AccountRepository accounts;
    private final InvitationDesk invitations;
    private final ReservedNames reservedNames;
    private final LookalikeBackfill lookalikeBackfill;
    private final TransactionWriter transactions;
    private final CursorCodec cursors;
    private final IdGenerator ids;
    private final Clock clock;

    public OperatorActions(OperatorRole role, OperatorAudit audit, AccountRepository accounts, InvitationDesk invitations,
                           ReservedNames reservedNames, LookalikeBackfill lookalikeBackfill, TransactionWriter transactions,
                           CursorCodec cursors, IdGenerator ids, Clock clock) {
        this.role = role;
        this.audit = audit;
        this.accounts = accounts;
        this.invitations = invitations;
        this.reservedNames = reservedNames;
        this.lookalikeBackfill = lookalikeBackfill;
        this.transactions = transactions;
        this.cursors = cursors;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Marks {@code username}'s account a verified creator ({@code verified}), or withdraws the mark.
     *
     * @throws ProblemException 403 {@code operators-only}; 404 for no such account; 409 {@code concurrent-update}
     *         when the profile changed between the read and the write
     */
    public CreatorMark markCreator(Caller caller, String username, boolean verified) {
        Operator operator = role.require(caller);
        Account account = accounts.findByUsername(username).map(AccountRepository.StoredAccount::account)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "No account is named '" + ProblemException.quote(username) + "'."));
        TransactionPlan plan = new TransactionPlan();
        plan.add(accounts.verifiedCreatorItem(account.userId(), verified, account.version()),
                () -> new ProblemException(ProblemType.CONCURRENT_UPDATE, "The account changed meanwhile; try again."));
        commit(plan, operator, verified ? "creators.mark" : "creators.unmark",
                Map.of("userId", account.userId(), "username", account.username()));
        return new CreatorMark(account.userId(), account.username(), verified);
    }

    /**
     * Issues partner or creator invitations; their codes are in the answer only (the log names their ids).
     *
     * @param body the order, read once the caller is known to be an operator
     * @throws ProblemException 403 {@code operators-only}; 400 naming the field the order gets wrong
     */
    public IssuedInvitations issueInvitations(Caller caller, Supplier<InvitationOrder> body) {
        Operator operator = role.require(caller);
        InvitationOrder order = body.get();
        TransactionPlan plan = new TransactionPlan();
        List<IssuedInvitation> issued = invitations.issue(order, operator.id(), plan);
        IssuedInvitation first = issued.get(0);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", first.kind());
        details.put("count", Integer.toString(issued.size()));
        details.put("maxUses", Integer.toString(first.maxUses()));
        details.put("expiresAt", first.expiresAt().toString());
        if (first.forUsername() != null) {
            details.put("forUsername", first.forUsername());
        }
        if (first.note() != null) {
            details.put("note", first.note());
        }
        details.put("invitationIds", String.join(",", issued.stream().map(IssuedInvitation::id).toList()));
        commit(plan, operator, "invitations.issue", details);
        return new IssuedInvitations(issued);
    }

    /**
     * Operators' invitations, newest first, with who used each; never their codes.
     *
     * @param kind {@code partner}, {@code creator}, or null for both
     * @throws ProblemException 403 {@code operators-only}; 400 for another kind or a foreign cursor
     */
    public Page<InvitationView> invitations(Caller caller, String kind, PageRequest request) {
        role.require(caller);
        return invitations.list(kind == null || kind.isEmpty() ? null : kind, request.cursor(), request.limit());
    }

    /**
     * Withdraws an invitation: its code admits nobody from now on. Withdrawing one twice is harmless (and recorded).
     *
     * @throws ProblemException 403 {@code operators-only}; 404 when no invitation has that id (nothing recorded)
     */
    public void disableInvitation(Caller caller, String invitationId) {
        Operator operator = role.require(caller);
        TransactionPlan plan = new TransactionPlan();
        invitations.disable(invitationId, plan);
        commit(plan, operator, "invitations.disable", Map.of("invitationId", invitationId));
    }

    /**
     * Reserves names (and the names that look like them) so that only an invitation issued for one takes it.
     * Accounts that already have such a name keep it.
     *
     * @param body the names and the reason, read once the caller is known to be an operator
     * @throws ProblemException 403 {@code operators-only}; 400 for no names, more than 20, one that cannot be a
     *         username, or a reason over 500 characters
     */
    public NameReservation reserveNames(Caller caller, Supplier<NameReservation> body) {
        Operator operator = role.require(caller);
        NameReservation request = body.get();
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.length() > MAX_REASON_CHARS) { // it is kept with every name and in the log
            throw ProblemException.invalid("reason", "at most " + MAX_REASON_CHARS + " characters");
        }
        TransactionPlan plan = new TransactionPlan();
        List<String> reserved = reservedNames.reserve(request.names(), reason, operator.id(), clock.instant(), plan);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("names", String.join(",", reserved)); // usernames hold no commas
        if (!reason.isEmpty()) {
            details.put("reason", reason);
        }
        commit(plan, operator, "reserved-names.reserve", details);
        return new NameReservation(reserved, reason);
    }

    /**
     * The operators' reservations, in name order (the repository's list and the operators' own names are not in
     * it: they are in the code and the configuration).
     *
     * @throws ProblemException 403 {@code operators-only}; 400 {@code invalid-cursor}
     */
    public Page<ReservedName> reservedNames(Caller caller, PageRequest request) {
        role.require(caller);
        return reservedNames.page(request.cursor(), request.limit());
    }

    /**
     * Runs one step of the look-alike migration (existing accounts' skeleton claims) and records its report. The
     * migration is idempotent, not one transaction, so the entry is written after the step: a step that fails
     * midway is not recorded, and running it again does the rest.
     *
     * @throws ProblemException 403 {@code operators-only}; 400 for a limit or cursor the migration refuses
     */
    public LookalikeBackfill.Report backfillLookalikes(Caller caller, MigrationStep step) {
        Operator operator = role.require(caller);
        LookalikeBackfill.Report report = lookalikeBackfill.step(step.cursor(), step.limit());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", step.cursor() == null ? "start" : "cursor");
        details.put("scanned", Integer.toString(report.scanned()));
        details.put("claimed", Integer.toString(report.claimed()));
        details.put("alreadyClaimed", Integer.toString(report.alreadyClaimed()));
        details.put("collisions", Integer.toString(report.collisions().size()));
        details.put("done", Boolean.toString(report.nextCursor() == null));
        commit(new TransactionPlan(), operator, "migrations.lookalikes", details);
        return report;
    }

    /**
     * The audit log, newest first.
     *
     * @throws ProblemException 403 {@code operators-only}; 400 {@code invalid-cursor}
     */
    public Page<AuditEntry> audit(Caller caller, PageRequest request) {
        role.require(caller);
        String before = request.cursor() == null ? null : cursors.decode(AUDIT_CURSOR, request.cursor()).get("before");
        List<AuditEntry> entries = audit.newestFirst(before, request.limit());
        String next = entries.size() == request.limit()
                ? cursors.encode(AUDIT_CURSOR, Map.of("before", entries.get(entries.size() - 1).id())) : null;
        return new Page<>(entries, next);
    }

    /** Adds the audit entry of {@code action} to {@code plan} and commits the two together. */
    private void commit(TransactionPlan plan, Operator operator, String action, Map<String, String> details) {
        record(plan, operator, action, details);
        plan.commit(transactions).ifPresent(reasons -> {
            throw new IllegalStateException(action + " was cancelled for reasons no party claimed: " + reasons);
        });
    }

    private void record(TransactionPlan plan, Operator operator, String action, Map<String, String> details) {
        AuditEntry entry = new AuditEntry(ids.newId(), operator, action, details, clock.instant());
        plan.add(audit.recordItem(entry), () -> new IllegalStateException("audit id " + entry.id() + " was reused"));
    }
}
