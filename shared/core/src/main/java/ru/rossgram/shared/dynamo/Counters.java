package ru.rossgram.shared.dynamo;

import static ru.rossgram.shared.dynamo.Attrs.n;

import jakarta.inject.Singleton;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sequence numbers from counter items: one atomic {@code ADD value :1} answering the new value, so no two callers
 * ever get the same number, however many race. The repository that owns a counter names its item's key.
 */
@Singleton
public class Counters {
    private static final String VALUE = "value";

    private final DynamoDbClient dynamo;
    private final String table;

    public Counters(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The counter at {@code key} advanced by one: 1 the first time, then 2, 3, ... */
    public long next(Map<String, AttributeValue> key) {
        var updated = dynamo.updateItem(r -> r.tableName(table).key(key).updateExpression("ADD #n :one")
                .expressionAttributeNames(Map.of("#n", VALUE)).expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(updated.attributes().get(VALUE).n());
    }
}
