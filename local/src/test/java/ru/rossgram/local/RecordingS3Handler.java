package ru.rossgram.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** RecordingFunction of the storage-events test template: records each event it is invoked with. */
public class RecordingS3Handler implements RequestHandler<S3Event, Void> {

    static final Queue<S3Received> RECEIVED = new ConcurrentLinkedQueue<>();
    /** Keys containing "slow" wait for this before returning, to show that nothing else waits for them. */
    static volatile CountDownLatch slowKeys = new CountDownLatch(0);

    public RecordingS3Handler() {
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        S3Received received = S3Received.from(event);
        RECEIVED.add(received);
        if (received.urlDecodedKey().contains("slow")) {
            try {
                slowKeys.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    static List<S3Received> receivedFor(String urlDecodedKey) {
        return RECEIVED.stream().filter(r -> r.urlDecodedKey().equals(urlDecodedKey)).toList();
    }
}
