package ru.rossgram.local;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * FlakyFunction's Yandex class (storage-events test template): fails the first call of each batch (known by its
 * first message's event id), and every call of a batch holding a key containing "always-fails". Records every call.
 */
public class FlakyS3YandexFunction implements Function<TriggerBatch, String> {
    static final Queue<TriggerBatch> CALLS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentMap<String, AtomicInteger> CALLS_BY_BATCH = new ConcurrentHashMap<>();

    public FlakyS3YandexFunction() {
    }

    @Override
    public String apply(TriggerBatch batch) {
        CALLS.add(batch);
        int call = CALLS_BY_BATCH.computeIfAbsent(batch.eventIds().get(0), id -> new AtomicInteger()).incrementAndGet();
        if (batch.keys().stream().anyMatch(key -> key.contains("always-fails"))) {
            throw new IllegalStateException("always fails, call " + call);
        }
        if (call == 1) {
            throw new IllegalStateException("flaky, call " + call);
        }
        return "ok";
    }
}
