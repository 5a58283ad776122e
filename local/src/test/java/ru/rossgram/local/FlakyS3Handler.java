package ru.rossgram.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FlakyFunction of the storage-events test template: fails the first two attempts at each event, and
 * every attempt for a key containing "always-fails". Records every attempt. Attempts are counted per
 * event (its sequencer), not per key: an SDK client that retries a PutObject stores the object twice,
 * and S3 then sends two events, each retried on its own.
 */
public class FlakyS3Handler implements RequestHandler<S3Event, Void> {

    static final Queue<S3Received> ATTEMPTS = new ConcurrentLinkedQueue<>();
    private static final ConcurrentMap<String, AtomicInteger> ATTEMPTS_BY_EVENT = new ConcurrentHashMap<>();

    public FlakyS3Handler() {
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        S3Received received = S3Received.from(event);
        ATTEMPTS.add(received);
        int attempt = ATTEMPTS_BY_EVENT.computeIfAbsent(received.sequencer(), k -> new AtomicInteger())
                .incrementAndGet();
        if (received.urlDecodedKey().contains("always-fails")) {
            throw new IllegalStateException("always fails, attempt " + attempt);
        }
        if (attempt <= 2) {
            throw new IllegalStateException("flaky, attempt " + attempt);
        }
        return null;
    }

    static List<S3Received> attemptsFor(String urlDecodedKey) {
        return ATTEMPTS.stream().filter(r -> r.urlDecodedKey().equals(urlDecodedKey)).toList();
    }
}
