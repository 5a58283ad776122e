package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.launch.OperatorsConfig;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Names nobody takes, by sign-up or rename, without an invitation issued for that name: those of the repository's
 * list ({@link ReservedNameList}), the operators' own usernames ({@link OperatorsConfig}) and those operators
 * reserve at run time ({@link ReservedNameRepository}). All match by look-alike skeleton, so reserving
 * {@code buzova} keeps out {@code buz0va} too.
 */
@Singleton
public class ReservedNames {
    /** The most names one operator call reserves (each is a put in one transaction of at most 25 actions). */
    public static final int MAX_PER_CALL = 20;
    private static final String CURSOR_PURPOSE = "reserved-names";

    private final ReservedNameList list;
    private final Set<String> operatorSkeletons;
    private final ReservedNameRepository repository;
    private final CursorCodec cursors;

    public ReservedNames(ReservedNameList list, OperatorsConfig operators, ReservedNameRepository repository,
                         CursorCodec cursors) {
        this.list = list;
        this.operatorSkeletons = operators.usernames().stream().map(UsernameSkeleton::of).collect(Collectors.toSet());
        this.repository = repository;
        this.cursors = cursors;
    }

    /**
     * Lets {@code username} be taken in {@code plan}'s transaction only if it is not reserved, or is the name an
     * invitation was issued for ({@code grantedName}, null for none; any look-alike of it counts as it).
     *
     * @throws ProblemException 409 {@code username-reserved} at once when the list or an operator's name reserves
     *         it; otherwise the plan's commit throws it if an operator reserves it before the transaction lands
     */
    public void guard(TransactionPlan plan, String username, String grantedName) {
        String skeleton = UsernameSkeleton.of(username);
        if (grantedName != null && skeleton.equals(UsernameSkeleton.of(grantedName))) {
            return;
        }
        if (list.contains(skeleton) || operatorSkeletons.contains(skeleton)) {
            throw reserved(username);
        }
        plan.add(repository.absent(skeleton), () -> reserved(username));
    }

    /** Whether {@code username}, or a name it looks like, is reserved (by the list, an operator's name, or an operator). */
    public boolean isReserved(String username) {
        String skeleton = UsernameSkeleton.of(username);
        return list.contains(skeleton) || operatorSkeletons.contains(skeleton) || repository.exists(skeleton);
    }

    /**
     * Adds to {@code plan} the reservation of each name (reserving again replaces the reason and the operator).
     * An account that already has a reserved name keeps it; the reservation stops only new ones.
     *
     * @return the names as reserved (trimmed, NFC), one per skeleton, in the order given
     * @throws ProblemException 400 {@code invalid-request} for no names, more than {@value #MAX_PER_CALL}, or one that
     *         is not a username's shape (naming it as {@code names[i]})
     */
    public List<String> reserve(List<String> names, String reason, String operatorId, Instant at, TransactionPlan plan) {
        if (names == null || names.isEmpty() || names.size() > MAX_PER_CALL) {
            throw ProblemException.invalid("names", "1 to " + MAX_PER_CALL + " names");
        }
        Map<String, String> bySkeleton = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name;
            try {
                name = AccountRules.username(names.get(i));
            } catch (ProblemException e) {
                throw ProblemException.invalid("names[" + i + "]", "not a username: 3 to 30 Latin or Cyrillic letters"
                        + " of one alphabet, 0-9, '.' and '_'");
            }
            bySkeleton.putIfAbsent(UsernameSkeleton.of(name), name);
        }
        String why = reason == null ? "" : reason.strip();
        for (String name : bySkeleton.values()) {
            plan.add(repository.put(new ReservedName(name, why, operatorId, at)));
        }
        return List.copyOf(bySkeleton.values());
    }

    /**
     * Adds to {@code plan} the end of {@code name}'s operator reservation (of its skeleton).
     *
     * @return false, adding nothing, when the table does not reserve it (the list and operators' names stay reserved)
     */
    public boolean release(String name, TransactionPlan plan) {
        String skeleton = UsernameSkeleton.of(name);
        if (!repository.exists(skeleton)) {
            return false;
        }
        plan.add(repository.delete(skeleton));
        return true;
    }

    /**
     * The operators' reservations, by skeleton, a page at a time. Read from gsi1, so eventually consistent: a name
     * reserved a moment ago may be missing for a moment (it is reserved all the same).
     *
     * @throws ProblemException 400 {@code invalid-cursor} for a cursor this list did not issue
     */
    public Page<ReservedName> page(String cursor, int limit) {
        String after = cursor == null ? null : cursors.decode(CURSOR_PURPOSE, cursor).get("after");
        ReservedNameRepository.Slice slice = repository.list(after, limit);
        String next = slice.lastSkeleton() == null ? null : cursors.encode(CURSOR_PURPOSE, Map.of("after", slice.lastSkeleton()));
        return new Page<>(new ArrayList<>(slice.names()), next);
    }

    private static ProblemException reserved(String username) {
        return new ProblemException(ProblemType.USERNAME_RESERVED, "The username '" + username
                + "' is reserved; it can be taken only with an invitation issued for it.");
    }
}
