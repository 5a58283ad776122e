package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Operators' reservations: {@code RESERVED#<skeleton> / RESERVED} (name, reason, reservedBy, reservedAt), keyed by
 * the name's look-alike skeleton so that a sign-up's condition on that one key covers every look-alike. All of them
 * also sit in one {@code gsi1} partition, {@code RESERVEDNAMES}, sorted by skeleton, for the operators' list (a few
 * thousand names at most, so one partition does not grow hot: it is read by operators only).
 */
@Singleton
public class ReservedNameRepository {
    private static final String LIST = "RESERVEDNAMES";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReservedNameRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** A transaction item that fails unless nobody reserved {@code skeleton}. */
    TransactWriteItem absent(String skeleton) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key(skeleton)).conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Puts (or puts again, replacing reason and operator) the reservation of {@code reserved}'s skeleton. */
    TransactWriteItem put(ReservedName reserved) {
        String skeleton = UsernameSkeleton.of(reserved.name());
        Map<String, AttributeValue> item = new HashMap<>(key(skeleton));
        item.put("type", s("reserved-name"));
        item.put("name", s(reserved.name()));
        if (!reserved.reason().isEmpty()) { // empty strings are not stored on every cloud
            item.put("reason", s(reserved.reason()));
        }
        item.put("reservedBy", s(reserved.reservedBy()));
        item.put("reservedAt", s(reserved.reservedAt().toString()));
        item.put("gsi1pk", s(LIST));
        item.put("gsi1sk", s(skeleton));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** Deletes the reservation of {@code skeleton} if there is one (a transaction item that never fails). */
    TransactWriteItem delete(String skeleton) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(skeleton)).build()).build();
    }

    /** Whether {@code skeleton} is reserved (consistent read). */
    boolean exists(String skeleton) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(skeleton)).consistentRead(true)
                .projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }

    /**
     * Reservations by skeleton, after {@code afterSkeleton} (null: from the first). Read from gsi1, so eventually
     * consistent: a name reserved a moment ago may be missing from the list (never from {@link #exists}).
     */
    Slice list(String afterSkeleton, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(LIST)))
                .limit(limit + 1); // one more tells whether another page exists
        if (afterSkeleton != null) {
            Map<String, AttributeValue> start = new HashMap<>(key(afterSkeleton));
            start.put("gsi1pk", s(LIST));
            start.put("gsi1sk", s(afterSkeleton));
            query.exclusiveStartKey(start);
        }
        var response = dynamo.query(query.build());
        List<Map<String, AttributeValue>> items = response.items();
        List<ReservedName> names = items.stream().limit(limit).map(item -> new ReservedName(string(item, "name"),
                item.containsKey("reason") ? string(item, "reason") : "", string(item, "reservedBy"),
                Instant.parse(string(item, "reservedAt")))).toList();
        String last = items.size() > limit ? string(items.get(limit - 1), "gsi1sk") : null;
        return new Slice(names, last);
    }

    /** Reservations of one page, and the skeleton the next page starts after (null: none). */
    record Slice(List<ReservedName> names, String lastSkeleton) {
    }

    private static Map<String, AttributeValue> key(String skeleton) {
        return Attrs.key("RESERVED#" + skeleton, "RESERVED");
    }
}
