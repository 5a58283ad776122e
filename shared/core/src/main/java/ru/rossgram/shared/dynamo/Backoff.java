package ru.rossgram.shared.dynamo;

import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * The pause before a retry: a random time up to a ceiling that doubles each round, from {@code firstMillis} before
 * the first retry to at most {@code maxMillis} ("full jitter"), so callers that collided once do not collide again
 * in step, and a throttled table gets room.
 */
public record Backoff(long firstMillis, long maxMillis) {
    /** For retries inside one API request: pauses of at most 200 ms, so eight rounds wait 0.9 s at the most. */
    public static final Backoff BRIEF = new Backoff(20, 200);
    /** For batch writes a table throttles, where waiting longer is what lets them through. */
    public static final Backoff PATIENT = new Backoff(40, 1000);

    public Backoff {
        if (firstMillis < 0 || maxMillis < firstMillis) {
            throw new IllegalArgumentException("need 0 <= firstMillis <= maxMillis, not " + firstMillis + ", " + maxMillis);
        }
    }

    /** The longest pause before round {@code attempt}: 0 before the first, {@code firstMillis} before the second. */
    long ceilingMillis(int attempt) {
        if (attempt <= 1) {
            return 0;
        }
        int doublings = Math.min(attempt - 2, 20); // well past any maxMillis; keeps the shift from overflowing
        return Math.min(maxMillis, firstMillis << doublings);
    }

    /** @throws ProblemException 503 {@code busy} when interrupted (the container is stopping: let the client retry) */
    void pauseBefore(int attempt) {
        long ceiling = ceilingMillis(attempt);
        if (ceiling == 0) {
            return;
        }
        try {
            Thread.sleep(Entropy.random().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.busy("Interrupted; retry shortly.");
        }
    }
}
