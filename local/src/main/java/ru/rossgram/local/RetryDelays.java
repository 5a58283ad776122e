package ru.rossgram.local;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an asynchronous invocation waits before retrying a function that failed, as Lambda does
 * for events from S3: two retries after the first attempt, the first after about a minute, the
 * second after about two.
 */
@FunctionalInterface
public interface RetryDelays {

    /**
     * @param retry 1 for the first retry (the second attempt), 2 for the second (the third attempt)
     * @return how long to wait before that retry; zero or positive
     */
    Duration before(int retry);

    /** @return 1 s before the first retry, 2 s before the second: Lambda's rhythm, sped up for a laptop */
    static RetryDelays local() {
        return retry -> Duration.ofSeconds(retry);
    }

    /** @return 1 min before the first retry, 2 min before the second, roughly what Lambda waits */
    static RetryDelays lambda() {
        return retry -> Duration.ofMinutes(retry);
    }

    /**
     * @param delay the wait before every retry, e.g. a few milliseconds in tests
     * @return the same delay before each retry
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    static RetryDelays fixed(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return retry -> delay;
    }
}
