package ru.rossgram.shared.launch;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The operators' audit log: {@code AUDIT / <ulid>}, one immutable item per action, written only inside the
 * action's own transaction (so an action that fails leaves no record, and none succeeds unrecorded), never
 * updated or deleted by the code.
 *
 * <p>One partition for the whole log: operators act at a human pace (hundreds of actions a month at most), far
 * below one partition's write rate, and without a local index a partition has no size limit; in exchange one
 * Query reads it newest first across all time with a plain cursor, where month partitions would need a walk
 * over empty months and a first month to stop at.
 */
@Singleton
public class OperatorAudit {
    private static final String PK = "AUDIT";

    private final DynamoDbClient dynamo;
    private final String table;

    public OperatorAudit(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The put that records {@code entry}; its condition fails only if the id were ever reused. */
    public TransactWriteItem recordItem(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key(PK, entry.id()));
        item.put("type", s("operator-audit"));
        item.put("operatorId", s(entry.operator().id()));
        item.put("operatorUsername", s(entry.operator().username()));
        item.put("action", s(entry.action()));
        item.put("at", s(entry.at().toString()));
        if (!entry.details().isEmpty()) { // an empty map is one more thing a Document API may refuse
            item.put("details", AttributeValue.fromM(entry.details().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> s(e.getValue())))));
        }
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Entries older than {@code beforeId} (null: from the newest), newest first; consistent, from the table. */
    public List<AuditEntry> newestFirst(String beforeId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(PK)));
        String condition = "pk = :pk";
        if (beforeId != null) {
            condition = "pk = :pk AND sk < :before";
            values.put(":before", s(beforeId));
        }
        String keyCondition = condition;
        List<AuditEntry> entries = new ArrayList<>();
        for (var item : dynamo.query(r -> r.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit).consistentRead(true)).items()) {
            AttributeValue details = item.get("details");
            entries.add(new AuditEntry(string(item, "sk"),
                    new Operator(string(item, "operatorId"), string(item, "operatorUsername")),
                    string(item, "action"),
                    details == null || !details.hasM() ? Map.of()
                            : details.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().s())),
                    Instant.parse(string(item, "at"))));
        }
        return entries;
    }
}
