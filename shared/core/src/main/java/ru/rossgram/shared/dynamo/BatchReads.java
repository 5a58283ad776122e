package ru.rossgram.shared.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads items of one table by key with {@code BatchGetItem}: 100 keys per call (the API's limit), and keys the
 * service left unprocessed (throttling) asked again after a short pause, so the caller gets every item that exists.
 */
public final class BatchReads {
    private static final int KEYS_PER_CALL = 100;
    private static final int ROUNDS = 8;

    private BatchReads() {
    }

    /**
     * @param keys may name an item more than once
     * @return the items that exist among {@code keys}, read strongly consistently, in no particular order
     * @throws ProblemException 503 when keys stay unprocessed past every retry
     */
    public static List<Map<String, AttributeValue>> consistent(DynamoDbClient dynamo, String table,
                                                                List<Map<String, AttributeValue>> keys) {
        keys = keys.stream().distinct().toList(); // BatchGetItem refuses a request that names a key twice
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_CALL) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_CALL));
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build());
            for (int round = 1; !request.isEmpty(); round++) {
                if (round > ROUNDS) {
                    throw new ProblemException(ProblemType.BUSY, "The table is throttling reads; retry shortly.",
                            Map.of("retryAfterSeconds", 1));
                }
                if (round > 1) {
                    pause(round);
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    private static void pause(int round) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 10L << round)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.BUSY, "Interrupted; retry shortly.");
        }
    }
}
