package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.config.SignInThrottleConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Limits password checks per account and per source address in a sliding window, however many requests race: an
 * {@link AttemptLog} of subjects {@code account#<userId>} (or {@code login#<lower-login>} for a login that names no
 * account, throttled alike so it cannot be told apart) and {@code address#<ip>}.
 *
 * <p>A sign-in reserves its attempt before the password is checked. A failed check leaves its reservation
 * standing: that is the failure counted. A successful one {@linkplain #release releases} it from both logs, so
 * successes never count, and failures made before it keep counting (clearing them would hand an attacker racing
 * the owner fresh guesses).
 */
@Singleton
public class SignInThrottle {
    private final SignInThrottleConfig limits;
    private final AttemptLog log;

    public SignInThrottle(BatchReads batchReads, TransactionWriter transactions, RossgramConfig config,
                          SignInThrottleConfig limits, Clock clock) {
        this.limits = limits;
        this.log = new AttemptLog(batchReads, transactions, config.table(), clock, limits.window(),
                List.of(limits.maxFailuresPerAccount(), limits.maxFailuresPerAddress()),
                "Too many sign-ins at once; retry shortly.");
    }

    /**
     * Counts one attempt against the account ({@code userId}, or {@code login} when it names no account) and the
     * address, before its password is checked.
     *
     * @throws ProblemException 429 {@code too-many-attempts} with {@code Retry-After} when either log is full;
     *         503 {@code busy} when the logs stay unread or contended past every retry (never an attempt uncounted)
     */
    public AttemptLog.Reservation reserve(Optional<String> userId, String login, String address) {
        return log.reserve(List.of(
                userId.map(id -> new AttemptLog.Subject("account", id, limits.maxFailuresPerAccount()))
                        .orElseGet(() -> new AttemptLog.Subject("login", normalized(login), limits.maxFailuresPerAccount())),
                new AttemptLog.Subject("address", address == null ? null : normalized(address), limits.maxFailuresPerAddress())),
                retryAfter -> new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                        "Too many failed sign-ins; try again in " + retryAfter + " seconds.",
                        Map.of("retryAfterSeconds", retryAfter)));
    }

    /**
     * Takes a successful sign-in's attempt out of both logs. Best effort: when contention outlasts every retry the
     * attempt stays counted, as a failure would, until it leaves the window (the sign-in itself stands).
     */
    public void release(AttemptLog.Reservation reservation) {
        log.release(reservation);
    }

    private static String normalized(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
