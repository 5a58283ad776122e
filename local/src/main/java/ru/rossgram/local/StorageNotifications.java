package ru.rossgram.local;

import java.time.Duration;
import ru.rossgram.localcloud.ObjectCreated;

/**
 * What the runner does with each object stored in a bucket: the cloud's way of telling the subscribed functions
 * (S3 event notifications to Lambda, {@link StorageEvents}; Object Storage triggers to Yandex Cloud Functions,
 * {@link YandexStorageTriggers}).
 */
public interface StorageNotifications extends AutoCloseable {
    /** Schedules the calls {@code object} causes and returns at once; they count as under way when it returns. */
    void deliver(ObjectCreated object);

    /**
     * Waits until no call is under way or waiting (retries included).
     *
     * @return true when idle, false when {@code timeout} passed first
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /** Stops accepting, waits a little for the calls under way, then abandons the rest, logging how many. */
    @Override
    void close();
}
