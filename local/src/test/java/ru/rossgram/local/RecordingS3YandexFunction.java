package ru.rossgram.local;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** RecordingFunction's Yandex class (storage-events test template): records each batch it is called with. */
public class RecordingS3YandexFunction implements Function<TriggerBatch, String> {
    static final Queue<TriggerBatch> RECEIVED = new ConcurrentLinkedQueue<>();

    public RecordingS3YandexFunction() {
    }

    @Override
    public String apply(TriggerBatch batch) {
        RECEIVED.add(batch);
        return "ok";
    }
}
