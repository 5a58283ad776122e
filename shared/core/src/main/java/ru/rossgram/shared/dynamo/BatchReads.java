package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The one way to read items by key: {@code BatchGetItem}, 100 keys per call (the API's limit), the calls sent at
 * once so a page's hundred-odd keys cost one round trip. Keys the table leaves unprocessed (throttling) are asked
 * again after a {@link Backoff} pause, a bounded number of times: the caller gets every item that exists, or 503.
 */
@Singleton
public class BatchReads {
    private static final int KEYS_PER_CALL = 100;
    private static final int ROUNDS = 8;

    private final DynamoDbClient dynamo;
    private final ConcurrentReads concurrently;

    public BatchReads(DynamoDbClient dynamo, ConcurrentReads concurrently) {
        this.dynamo = dynamo;
        this.concurrently = concurrently;
    }

    /**
     * @param keys may name an item more than once
     * @return the items that exist among {@code keys}, read strongly consistently, in no particular order
     * @throws ProblemException 503 {@code busy} when keys stay unprocessed past every retry
     */
    public List<Map<String, AttributeValue>> consistent(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> distinct = keys.stream().distinct().toList(); // a repeated key is refused
        List<List<Map<String, AttributeValue>>> calls = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += KEYS_PER_CALL) {
            calls.add(distinct.subList(from, Math.min(distinct.size(), from + KEYS_PER_CALL)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        concurrently.map(calls, call -> everyItem(table, call)).forEach(items::addAll);
        return items;
    }

    /** One call's keys, asked again while some come back unprocessed. */
    private List<Map<String, AttributeValue>> everyItem(String table, List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<Map<String, AttributeValue>> unread = new ArrayList<>(keys);
        return Contention.retry(ROUNDS, "The table is throttling reads; retry shortly.", () -> {
            KeysAndAttributes asked = KeysAndAttributes.builder().keys(List.copyOf(unread)).consistentRead(true).build();
            var response = dynamo.batchGetItem(r -> r.requestItems(Map.of(table, asked)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            unread.clear();
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            if (unprocessed != null) {
                unread.addAll(unprocessed.keys());
            }
            return unread.isEmpty() ? Optional.of(items) : Optional.empty();
        });
    }
}
