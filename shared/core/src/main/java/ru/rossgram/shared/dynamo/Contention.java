package ru.rossgram.shared.dynamo;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import ru.rossgram.shared.problem.ProblemException;

/**
 * The one retry loop, for work that can lose to other writers or to a throttled table: read, decide, write
 * conditioned on what was read; a round that loses goes again after a {@link Backoff} pause, and reads again.
 * The rounds are bounded, and when every one lost the client hears 503 {@code busy}, never a half-done answer.
 */
public final class Contention {
    private Contention() {
    }

    /** One round: its result, or empty when it lost (a condition failed, keys came back unprocessed) and should go again. */
    @FunctionalInterface
    public interface Round<T> {
        Optional<T> run();
    }

    /**
     * Runs {@code round} until it gives a result, at most {@code attempts} times, with {@link Backoff#BRIEF} pauses.
     *
     * @return the first result a round gave
     * @throws ProblemException 503 {@code busy} with {@code busyDetail} when every round lost; whatever a round
     *         throws, at once (a round throws for outcomes no retry changes)
     */
    public static <T> T retry(int attempts, String busyDetail, Round<T> round) {
        return retry(attempts, Backoff.BRIEF, busyDetail, round);
    }

    /** As {@link #retry(int, String, Round)}, pausing as {@code backoff} says. */
    public static <T> T retry(int attempts, Backoff backoff, String busyDetail, Round<T> round) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            backoff.pauseBefore(attempt);
            Optional<T> result = round.run();
            if (result.isPresent()) {
                return result.get();
            }
        }
        throw ProblemException.busy(busyDetail);
    }

    /**
     * As {@link #retry(int, String, Round)} for rounds with nothing to return: {@code round} answers whether it
     * is done.
     */
    public static void retryUntilDone(int attempts, String busyDetail, BooleanSupplier round) {
        retryUntilDone(attempts, Backoff.BRIEF, busyDetail, round);
    }

    /** As {@link #retryUntilDone(int, String, BooleanSupplier)}, pausing as {@code backoff} says. */
    public static void retryUntilDone(int attempts, Backoff backoff, String busyDetail, BooleanSupplier round) {
        retry(attempts, backoff, busyDetail, () -> round.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
