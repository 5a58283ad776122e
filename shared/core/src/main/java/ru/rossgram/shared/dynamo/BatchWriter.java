package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem for any number of idempotent writes: 25 per call (the API's limit), and the items DynamoDB
 * hands back unprocessed (throttling) retried with {@link Backoff#PATIENT} pauses, a bounded number of times.
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
     * @throws ProblemException 503 {@code busy} when some writes stay unprocessed after every retry (the caller's
     *         invocation should fail and be retried; the writes are idempotent)
     */
    public void write(String table, List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH) {
            List<WriteRequest> pending = new ArrayList<>(writes.subList(from, Math.min(writes.size(), from + BATCH)));
            Contention.retryUntilDone(MAX_ROUNDS, Backoff.PATIENT, "Too much load to finish writing; retry shortly.", () -> {
                List<WriteRequest> batch = List.copyOf(pending);
                var response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
                pending.clear();
                pending.addAll(response.unprocessedItems().getOrDefault(table, List.of()));
                return pending.isEmpty();
            });
        }
    }
}
