package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.config.SignInThrottleConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Limits password checks per account and per source address in a sliding window, however many requests race.
 *
 * <p>Each subject has one item, {@code THROTTLE#account#<userId>} (or {@code THROTTLE#login#<lower-login>} for a
 * login that names no account, throttled alike so it cannot be told apart) and {@code THROTTLE#address#<ip>}, sort
 * key {@code ATTEMPTS}: the instants of the attempts still in the window ({@link SignInAttempts}, at most the limit)
 * and a random {@code revision} that every write replaces. A sign-in <em>reserves</em> its attempt before the
 * password is checked: it reads both items (consistent BatchGet), refuses with 429 if either log is full, else
 * writes both logs with its instant added (expired instants dropped) in one transaction conditioned on the revisions
 * it read. Of racing reservations one commits; the others re-read and decide again ({@link Contention#retry}), so
 * no more than the limit of checks start in any window. {@code Retry-After} is when the oldest counted attempt
 * leaves the window.
 *
 * <p>A failed check leaves its reservation standing: that is the failure counted. A successful one
 * {@linkplain #release releases} it from both logs, so successes never count, and failures made before it keep
 * counting (clearing them would hand an attacker racing the owner fresh guesses). A random revision rather than a
 * counter: TTL ({@code expiresAt}) may remove an idle item and someone recreate it, and a counter restarted at 1
 * could match a stale read; TTL only tidies, every read drops expired instants itself.
 */
@Singleton
public class SignInThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
    private static final String PK_PREFIX = "THROTTLE#";
    private static final String SK = "ATTEMPTS";
    private static final String ATTEMPTS = "attempts";
    private static final String REVISION = "revision";
    /** Rounds beyond the reservations that can beat one request: room for successes releasing theirs meanwhile. */
    private static final int SPARE_ROUNDS = 4;
    private static final String CONTENDING = "Too many sign-ins at once; retry shortly.";

    private final BatchReads batchReads;
    private final TransactionWriter transactions;
    private final String table;
    private final SignInThrottleConfig limits;
    private final Clock clock;
    /**
     * A round is lost only to another write that committed first on one of its two items; the reservations that can
     * do so are bounded by the two limits, after which a round sees a full log and answers 429. So a burst gets
     * 429s, not 503s, however many requests it holds.
     */
    private final int rounds;

    public SignInThrottle(BatchReads batchReads, TransactionWriter transactions, RossgramConfig config,
                          SignInThrottleConfig limits, Clock clock) {
        this.batchReads = batchReads;
        this.transactions = transactions;
        this.table = config.table();
        this.limits = limits;
        this.clock = clock;
        this.rounds = limits.maxFailuresPerAccount() + limits.maxFailuresPerAddress() + SPARE_ROUNDS;
    }

    /** An attempt counted against its account (or unknown login) and address, until {@linkplain #release released}. */
    public static final class Reservation {
        private final List<Subject> subjects;
        private final Instant attempt;

        private Reservation(List<Subject> subjects, Instant attempt) {
            this.subjects = subjects;
            this.attempt = attempt;
        }
    }

    /** Whose attempts one item counts, and how many it allows. */
    private record Subject(Map<String, AttributeValue> key, int limit) {
    }

    /** A subject's item as read: its counted attempts, and the revision a write must find (null when absent). */
    private record Stored(SignInAttempts attempts, String revision) {
    }

    /**
     * Counts one attempt against the account ({@code userId}, or {@code login} when it names no account) and the
     * address, before its password is checked.
     *
     * @throws ProblemException 429 {@code too-many-attempts} with {@code Retry-After} when either log is full;
     *         503 {@code busy} when the logs stay unread or contended past every retry (never an attempt uncounted)
     */
    public Reservation reserve(Optional<String> userId, String login, String address) {
        List<Subject> subjects = List.of(
                new Subject(userId.map(id -> key("account", id)).orElseGet(() -> key("login", normalized(login))),
                        limits.maxFailuresPerAccount()),
                new Subject(key("address", address == null ? "unknown" : normalized(address)), limits.maxFailuresPerAddress()));
        return Contention.retry(rounds, CONTENDING, () -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so a release finds it
            Map<Subject, Stored> seen = read(subjects, now);
            Duration wait = Duration.ZERO;
            for (Subject subject : subjects) {
                Duration untilRoom = seen.get(subject).attempts().untilRoom(now, window(), subject.limit());
                wait = untilRoom.compareTo(wait) > 0 ? untilRoom : wait;
            }
            if (!wait.isZero()) {
                long retryAfter = Math.max(1, (wait.toMillis() + 999) / 1000);
                throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                        "Too many failed sign-ins; try again in " + retryAfter + " seconds.",
                        Map.of("retryAfterSeconds", retryAfter));
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            for (Subject subject : subjects) {
                writes.add(write(subject, seen.get(subject), seen.get(subject).attempts().with(now)));
            }
            return committed(writes) ? Optional.of(new Reservation(subjects, now)) : Optional.empty();
        });
    }

    /**
     * Takes a successful sign-in's attempt out of both logs. Best effort: when contention outlasts every retry the
     * attempt stays counted, as a failure would, until it leaves the window (the sign-in itself stands).
     */
    public void release(Reservation reservation) {
        try {
            Contention.retryUntilDone(rounds, CONTENDING, () -> {
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
            LOG.warn("a successful sign-in's attempt stays counted: {}", busy.getMessage());
        }
    }

    /** Both subjects' items, consistently, with the attempts still in the window at {@code now}. */
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
                    .within(now, window()), Attrs.string(item, REVISION)));
        }
        return stored;
    }

    /** Replaces the subject's log with {@code attempts} if its item is still as read. */
    private TransactWriteItem write(Subject subject, Stored seen, SignInAttempts attempts) {
        Map<String, AttributeValue> item = new HashMap<>(subject.key());
        item.put("type", s("sign-in-attempts"));
        item.put(ATTEMPTS, AttributeValue.fromL(attempts.instants().stream().map(i -> n(i.toEpochMilli())).toList()));
        item.put(REVISION, s(Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)));
        // TTL tidies up once the newest attempt has left the window; reads never rely on it.
        Instant idleFrom = attempts.newest().orElse(clock.instant()).plus(window());
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
        throw new IllegalStateException("sign-in throttle transaction cancelled: " + reasons);
    }

    private Duration window() {
        return limits.window().isZero() || limits.window().isNegative() ? Duration.ofSeconds(1) : limits.window();
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, AttributeValue> key(String scope, String value) {
        return Attrs.key(PK_PREFIX + scope + "#" + value, SK);
    }
}
