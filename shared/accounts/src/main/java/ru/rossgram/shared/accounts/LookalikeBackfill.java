package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.problem.ProblemException;

/**
 * The migration that gives accounts from before look-alike claims their {@code LOOKALIKE} claim, one resumable step
 * at a time, run by an operator. Existing accounts keep their names: one whose skeleton another account already
 * holds gets no claim and is reported as a collision for people to settle. Reads the table with a Scan, which only
 * this operator-run migration may do, never a user's request. Repeating a step, or the whole run, changes nothing.
 */
@Singleton
public class LookalikeBackfill {
    /** The most table items one step scans (a step must end well within a function's time). */
    public static final int MAX_LIMIT = 1000;
    private static final String CURSOR_PURPOSE = "lookalike-backfill";

    private final AccountRepository accounts;
    private final CursorCodec cursors;

    public LookalikeBackfill(AccountRepository accounts, CursorCodec cursors) {
        this.accounts = accounts;
        this.cursors = cursors;
    }

    /**
     * Claims the skeletons of the profiles among the next {@code limit} table items after {@code cursor}.
     *
     * @param cursor the previous report's {@code nextCursor}, or null to start
     * @return what it found; {@code nextCursor} null when the whole table is done
     * @throws ProblemException 400 for a limit outside 1 to {@value #MAX_LIMIT} or a cursor this migration did not issue
     */
    public Report step(String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "a number from 1 to " + MAX_LIMIT);
        }
        Map<String, String> start = cursor == null ? null : cursors.decode(CURSOR_PURPOSE, cursor);
        AccountRepository.ProfileScan scan = accounts.scanProfiles(start, limit);
        int claimed = 0;
        int alreadyClaimed = 0;
        List<Collision> collisions = new ArrayList<>();
        for (Account account : scan.profiles()) {
            String skeleton = UsernameSkeleton.of(account.username());
            String before = accounts.lookalikeHolder(skeleton).orElse(null);
            if (account.userId().equals(before)) {
                alreadyClaimed++;
                continue;
            }
            String holder = before != null ? before : accounts.claimLookalike(account).orElse(null);
            if (holder == null) {
                continue; // renamed since the Scan read it: the rename claimed the new name
            }
            if (holder.equals(account.userId())) {
                claimed++;
            } else {
                collisions.add(new Collision(account.username(), account.userId(), new Holder(holderName(holder), holder)));
            }
        }
        String next = scan.next() == null ? null : cursors.encode(CURSOR_PURPOSE, scan.next());
        return new Report(scan.profiles().size(), claimed, alreadyClaimed, collisions, next);
    }

    private String holderName(String userId) {
        return accounts.findById(userId).map(stored -> stored.account().username()).orElse(null);
    }

    /**
     * One step's findings.
     *
     * @param scanned        profiles read in this step (one renamed during the step is in none of the counts below)
     * @param claimed        of them, those given their claim now
     * @param alreadyClaimed of them, those that had it
     * @param collisions     of them, those whose skeleton another account holds: they keep their names, unclaimed
     */
    public record Report(int scanned, int claimed, int alreadyClaimed, List<Collision> collisions, String nextCursor) {
        public Report {
            collisions = List.copyOf(collisions);
        }
    }

    /** An account whose name looks like another's, and that other. */
    public record Collision(String username, String userId, Holder collidesWith) {
    }

    /** The account holding a skeleton ({@code username} null if it was deleted since). */
    public record Holder(String username, String userId) {
    }
}
