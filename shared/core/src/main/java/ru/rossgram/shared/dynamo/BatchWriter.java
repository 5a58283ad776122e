package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem for any number of idempotent writes: 25 per call (the API's limit), and the items DynamoDB
 * hands back unprocessed (throttling) retried with backoff until all are written.
 */
@Singleton
public class BatchWriter {
    static final int BATCH = 25;
    private static final int MAX_ROUNDS = 12;

    private final DynamoDbClient dynamo;

    public BatchWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * @throws IllegalStateException when some writes stay unprocessed after every retry (the caller's
     *         invocation should fail and be retried; the writes are idempotent)
     */
    public void write(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH) {
            List<WriteRequest> pending = new ArrayList<>(writes.subList(from, Math.min(writes.size(), from + BATCH)));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException(pending.size() + " writes to " + table + " stayed unprocessed");
                }
                if (round > 0) {
                    backOff(round);
                }
                List<WriteRequest> batch = pending;
                var response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            }
        }
    }

    private static void backOff(int round) {
        long ceilingMillis = Math.min(1000, 20L << round);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceilingMillis / 2, ceilingMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a batch", e);
        }
    }
}
