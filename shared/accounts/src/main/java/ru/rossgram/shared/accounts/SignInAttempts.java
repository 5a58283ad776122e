package ru.rossgram.shared.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in attempts counted against one subject (an account, a login that names none, a source address): their
 * instants, oldest first. A sliding window: an attempt counts for exactly {@code window} after it was made, so any
 * stretch of that length holds at most the limit, wherever it starts.
 */
record SignInAttempts(List<Instant> instants) {
    static final SignInAttempts NONE = new SignInAttempts(List.of());

    SignInAttempts {
        instants = instants.stream().sorted().toList();
    }

    /** The attempts still counted at {@code now}: those made after {@code now - window}. */
    SignInAttempts within(Instant now, Duration window) {
        Instant start = now.minus(window);
        return new SignInAttempts(instants.stream().filter(start::isBefore).toList());
    }

    /**
     * How long until one more attempt fits under {@code limit}: until the attempt that has to leave the window for
     * it (the oldest, when the log is full) does. Zero when there is room now. Call on {@link #within} the window.
     */
    Duration untilRoom(Instant now, Duration window, int limit) {
        if (instants.size() < limit) {
            return Duration.ZERO;
        }
        Instant leaves = instants.get(instants.size() - limit).plus(window);
        return leaves.isAfter(now) ? Duration.between(now, leaves) : Duration.ZERO;
    }

    SignInAttempts with(Instant attempt) {
        List<Instant> more = new ArrayList<>(instants);
        more.add(attempt);
        return new SignInAttempts(more);
    }

    /** Without one attempt made at {@code attempt} (two made in the same instant are alike: either may go). */
    SignInAttempts without(Instant attempt) {
        List<Instant> fewer = new ArrayList<>(instants);
        fewer.remove(attempt);
        return new SignInAttempts(fewer);
    }

    boolean contains(Instant attempt) {
        return instants.contains(attempt);
    }

    Optional<Instant> newest() {
        return instants.isEmpty() ? Optional.empty() : Optional.of(instants.get(instants.size() - 1));
    }
}
