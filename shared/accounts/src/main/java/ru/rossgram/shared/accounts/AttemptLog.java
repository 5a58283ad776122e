package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * Sliding-window logs of attempts per subject (an account, a login, a source address), race-free however many
 * requests arrive at once: what {@link SignInThrottle} limits password checks with, and the launch limits guessed
 * invitation codes with.
 *
 * <p>Each subject has one item, {@code THROTTLE#<scope>#<value>}, sort key {@code ATTEMPTS}: the instants of the
 * attempts still in the window ({@link SignInAttempts}, at most the limit) and a random {@code revision} that every
 * write replaces. An attempt is <em>reserved</em> before the thing it limits is tried: read the subjects' items
 * (consistent BatchGet), refuse if any log is full, else write every log with the attempt added (expired instants
 * dropped) in one transaction conditioned on the revisions read. Of racing reservations one commits; the others
 * re-read and decide again ({@link Contention#retry}), so no more than the limit start in any window. The refusal
 * says when the oldest counted attempt leaves the window.
 *
 * <p>An attempt that turns out not to count (a right password) is {@linkplain #release released}. Where attempts
 * that count are rare and those that do not may come in bursts from one address (invitation codes: a room of
 * invited people on one network), the log is {@linkplain #check checked} before and {@linkplain #record written}
 * only for the ones that count, so the right ones never fill it.
 * A random revision rather than a counter: TTL ({@code expiresAt}) may remove an idle item and someone recreate it,
 * and a counter restarted at 1 could match a stale read; TTL only tidies, every read drops expired instants itself.
 */
public final class AttemptLog {
    private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);
    private static final String PK_PREFIX = "THROTTLE#";
    private static final String SK = "ATTEMPTS";
    private static final String ATTEMPTS = "attempts";
    private static final String REVISION = "revision";
    /** Rounds beyond the reservations that can beat one request: room for releases meanwhile. */
    private static final int SPARE_ROUNDS = 4;

    private final BatchReads batchReads;
    private final TransactionWriter transactions;
    private final String table;
    private final Clock clock;
    private final Duration window;
    private final int rounds;
    private final String contending;

    /**
     * @param window     how long an attempt counts from when it was made
     * @param limits     the limits of every subject this log is asked about: a round is lost only to another write
     *                   that committed first on one of its items, and the reservations that can do so are bounded by
     *                   the limits, after which a round sees a full log and refuses. So a burst gets refusals, not
     *                   503s, however many requests it holds.
     * @param contending the 503's detail should contention outlast that bound all the same
     */
    public AttemptLog(BatchReads batchReads, TransactionWriter transactions, String table, Clock clock, Duration window,
                      List<Integer> limits, String contending) {
        this.batchReads = batchReads;
        this.transactions = transactions;
        this.table = table;
        this.clock = clock;
        this.window = window.isZero() || window.isNegative() ? Duration.ofSeconds(1) : window;
        this.rounds = limits.stream().mapToInt(Integer::intValue).sum() + SPARE_ROUNDS;
        this.contending = contending;
    }

    /** Whose attempts one item counts ({@code scope} says what kind of thing {@code value} is), and how many it allows. */
    public record Subject(String scope, String value, int limit) {
        public Subject {
            value = value == null ? "unknown" : value;
        }

        private Map<String, AttributeValue> key() {
            return Attrs.key(PK_PREFIX + scope + "#" + value, SK);
        }
    }

    /** An attempt counted against its subjects, until {@linkplain #release released}. */
    public static final class Reservation {
        private final List<Subject> subjects;
        private final Instant attempt;

        private Reservation(List<Subject> subjects, Instant attempt) {
            this.subjects = subjects;
            this.attempt = attempt;
        }
    }

    /** A subject's item as read: its counted attempts, and the revision a write must find (null when absent). */
    private record Stored(SignInAttempts attempts, String revision) {
    }

    /**
     * Counts one attempt against every subject, before the thing it limits is tried.
     *
     * @param full the refusal when a log is full, given the seconds until there is room (at least 1)
     * @throws ProblemException what {@code full} makes; 503 {@code busy} when the logs stay unread or contended
     *         past every retry (never an attempt uncounted)
     */
    public Reservation reserve(List<Subject> subjects, LongFunction<ProblemException> full) {
        return Contention.retry(rounds, contending, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so a release finds it
            Map<Subject, Stored> seen = read(subjects, now);
            refuseIfFull(subjects, seen, now, full);
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Subject subject : subjects) {
                writes.add(write(subject, seen.get(subject), seen.get(subject).attempts().with(now)));
            }
            return committed(writes) ? Optional.of(new Reservation(subjects, now)) : Optional.empty();
        });
    }

    /**
     * Refuses when any subject's log is full now, writing nothing: for attempts that count only once they turn out
     * wrong, {@linkplain #record recorded} then. Unlike {@link #reserve}, attempts racing past this check together
     * are all made, so a burst may exceed the limit by its own size once; each wrong one is recorded all the same,
     * and the next is refused for the window. The price of never counting the right ones, even in flight.
     *
     * @throws ProblemException what {@code full} makes, given the seconds until there is room
     */
    public void check(List<Subject> subjects, LongFunction<ProblemException> full) {
        Instant now = clock.instant();
        refuseIfFull(subjects, read(subjects, now), now, full);
    }

    /**
     * Counts one attempt against every subject, refusing nothing (see {@link #check}). Best effort only when a burst
     * contends past every retry: then some of its attempts go uncounted, and the log, full of the others, refuses
     * what follows.
     */
    public void record(List<Subject> subjects) {
        try {
            Contention.retryUntilDone(rounds, contending, () -> {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                Map<Subject, Stored> seen = read(subjects, now);
                List<TransactWriteItem> writes = new ArrayList<>();
                for (Subject subject : subjects) {
                    writes.add(write(subject, seen.get(subject), seen.get(subject).attempts().with(now)));
                }
                return committed(writes);
            });
        } catch (ProblemException busy) {
            LOG.warn("an attempt that counts went uncounted: {}", busy.getMessage());
        }
    }

    /**
     * Takes an attempt that does not count out of its subjects' logs. Best effort: when contention outlasts every
     * retry the attempt stays counted, as one that counts would, until it leaves the window.
     */
    public void release(Reservation reservation) {
        try {
            Contention.retryUntilDone(rounds, contending, () -> {
                Map<Subject, Stored> seen = read(reservation.subjects, clock.instant());
                List<TransactWriteItem> writes = new ArrayList<>();
                for (Subject subject : reservation.subjects) {
                    SignInAttempts attempts = seen.get(subject).attempts();
                    if (attempts.contains(reservation.attempt)) { // else it has left the window already
                        writes.add(write(subject, seen.get(subject), attempts.without(reservation.attempt)));
                    }
                }
                return writes.isEmpty() || committed(writes);
            });
        } catch (ProblemException busy) {
            LOG.warn("an attempt that does not count stays counted: {}", busy.getMessage());
        }
    }

    private void refuseIfFull(List<Subject> subjects, Map<Subject, Stored> seen, Instant now,
                              LongFunction<ProblemException> full) {
        Duration wait = Duration.ZERO;
        for (Subject subject : subjects) {
            Duration untilRoom = seen.get(subject).attempts().untilRoom(now, window, subject.limit());
            wait = untilRoom.compareTo(wait) > 0 ? untilRoom : wait;
        }
        if (!wait.isZero()) {
            throw full.apply(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    /** The subjects' items, consistently, with the attempts still in the window at {@code now}. */
    private Map<Subject, Stored> read(List<Subject> subjects, Instant now) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, subjects.stream().map(Subject::key).toList())) {
            items.put(Attrs.key(Attrs.string(item, "pk"), Attrs.string(item, "sk")), item);
        }
        Map<Subject, Stored> stored = new HashMap<>();
        for (Subject subject : subjects) {
            Map<String, AttributeValue> item = items.get(subject.key());
            stored.put(subject, item == null ? new Stored(SignInAttempts.NONE, null) : new Stored(new SignInAttempts(
                    item.get(ATTEMPTS).l().stream().map(v -> Instant.ofEpochMilli(Long.parseLong(v.n()))).toList())
                    .within(now, window), Attrs.string(item, REVISION)));
        }
        return stored;
    }

    /** Replaces the subject's log with {@code attempts} if its item is still as read. */
    private TransactWriteItem write(Subject subject, Stored seen, SignInAttempts attempts) {
        Map<String, AttributeValue> item = new HashMap<>(subject.key());
        item.put("type", s("attempts"));
        item.put(ATTEMPTS, AttributeValue.fromL(attempts.instants().stream().map(i -> n(i.toEpochMilli())).toList()));
        item.put(REVISION, s(Long.toUnsignedString(Entropy.random().nextLong(), 36)));
        // TTL tidies up once the newest attempt has left the window; reads never rely on it.
        Instant idleFrom = attempts.newest().orElse(clock.instant()).plus(window);
        item.put("expiresAt", n(idleFrom.getEpochSecond() + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (seen.revision() == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#revision = :seen")
                    .expressionAttributeNames(Map.of("#revision", REVISION))
                    .expressionAttributeValues(Map.of(":seen", s(seen.revision())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** Whether the writes committed; false when another request's write came first (read again). */
    private boolean committed(List<TransactWriteItem> writes) {
        List<CancellationReason> reasons = transactions.write(writes).orElse(null);
        if (reasons == null) {
            return true;
        }
        for (int i = 0; i < writes.size(); i++) {
            if (TransactionWriter.failedCondition(reasons, i)) {
                return false;
            }
        }
        throw new IllegalStateException("attempt log transaction cancelled: " + reasons);
    }
}
