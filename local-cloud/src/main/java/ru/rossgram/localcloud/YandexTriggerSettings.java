package ru.rossgram.localcloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How an Object Storage trigger of Yandex Cloud Functions groups and retries its messages, within the documented
 * ranges: a batch of 1 to 10 messages is sent when it is full or {@code batchCutoff} (1 to 60 s) after its first
 * message; a batch the function fails on is sent again whole, up to {@code retryAttempts} (1 to 5) more times,
 * {@code retryInterval} (10 to 60 s) apart, then dropped (no dead-letter queue here).
 *
 * <p>{@link #deployed()} is the one source of the values the Yandex deploy gives its triggers and the local runner's
 * Yandex mode plays them with; the runner waits {@link #localRetryInterval()} between attempts, the interval sped up
 * as it speeds up Lambda's S3 retries (a minute there, a second here).
 *
 * @param batchSize     messages per call at most, 1..10
 * @param batchCutoff   the longest a message waits for its batch to fill, 1..60 s
 * @param retryAttempts calls after a failed one, 1..5
 * @param retryInterval the wait before each of them on Yandex, 10..60 s
 */
public record YandexTriggerSettings(int batchSize, Duration batchCutoff, int retryAttempts, Duration retryInterval) {
    /** Local waits are this many times shorter than the cloud's, as the runner's S3 retries are to Lambda's. */
    public static final int LOCAL_SPEED_UP = 60;

    /**
     * @throws IllegalArgumentException naming the setting that is outside its documented range
     */
    public YandexTriggerSettings {
        Objects.requireNonNull(batchCutoff, "batchCutoff");
        Objects.requireNonNull(retryInterval, "retryInterval");
        check("batch size", batchSize, 1, 10);
        check("batch cutoff (s)", batchCutoff.toMillis() / 1000.0, 1, 60);
        check("retry attempts", retryAttempts, 1, 5);
        check("retry interval (s)", retryInterval.toMillis() / 1000.0, 10, 60);
    }

    /**
     * What the deploy gives every trigger: one object a call, as S3 notifications arrive on AWS (the template's
     * timeouts are sized for one photo or one fan-out step, and a batch shares one call's timeout and is retried
     * whole); two retries 30 s apart, as Lambda retries an asynchronous S3 event twice (the handlers are idempotent).
     */
    public static YandexTriggerSettings deployed() {
        return new YandexTriggerSettings(1, Duration.ofSeconds(1), 2, Duration.ofSeconds(30));
    }

    /** The wait between attempts here: {@link #retryInterval()} sped up {@value #LOCAL_SPEED_UP} times. */
    public Duration localRetryInterval() {
        return retryInterval.dividedBy(LOCAL_SPEED_UP);
    }

    public YandexTriggerSettings withBatchSize(int batchSize) {
        return new YandexTriggerSettings(batchSize, batchCutoff, retryAttempts, retryInterval);
    }

    public YandexTriggerSettings withBatchCutoff(Duration batchCutoff) {
        return new YandexTriggerSettings(batchSize, batchCutoff, retryAttempts, retryInterval);
    }

    public YandexTriggerSettings withRetryAttempts(int retryAttempts) {
        return new YandexTriggerSettings(batchSize, batchCutoff, retryAttempts, retryInterval);
    }

    public YandexTriggerSettings withRetryInterval(Duration retryInterval) {
        return new YandexTriggerSettings(batchSize, batchCutoff, retryAttempts, retryInterval);
    }

    private static void check(String name, double value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("the trigger's " + name + " must be " + min + " to " + max
                    + " (as Yandex documents it), was " + (value == Math.rint(value) ? String.valueOf((long) value) : value));
        }
    }
}
