package ru.rossgram.shared.dynamo;

import static ru.rossgram.shared.dynamo.Attrs.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The two range reads several repositories make, each with keys it builds itself: a newest-first page of a gsi1
 * partition, and the due markers of a scheduled job's partition. Only the query's shape lives here; what a
 * partition is called and what its items mean stay in the repository that owns them.
 */
public final class KeyRangeQueries {
    private KeyRangeQueries() {
    }

    /**
     * Up to {@code limit} items of the gsi1 partition {@code gsi1pk} whose {@code gsi1sk} sorts below {@code before}
     * (null: from the highest), highest first. Eventually consistent, as every index read is (YDB allows no other).
     */
    public static List<Map<String, AttributeValue>> newestOnIndex(DynamoDbClient dynamo, String table, String gsi1pk,
                                                                  String before, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(gsi1pk)));
        String condition = "gsi1pk = :pk";
        if (before != null) {
            condition += " AND gsi1sk < :before";
            values.put(":before", s(before));
        }
        String keyCondition = condition;
        return dynamo.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit)).items();
    }

    /**
     * The first {@code limit} markers of the due partition {@code pk} whose sort keys ({@code <dueAt>#...}) are due
     * at {@code now}, earliest first (a consistent read: a job decides on it).
     */
    public static List<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamo, String table, String pk, Instant now,
                                                          int limit) {
        return dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk <= :now")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":now", s(now.toString() + "#~")))
                .limit(limit)).items();
    }
}
