package ru.rossgram.shared.imports.uploads;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Each account's current import, so an account has one import at a time however many requests race to start one:
 * {@code IMPORTING#<ownerId> / IMPORTING} names it (importId). It is written in the same transaction as the import it
 * names, and replaced only when the import it named has finished; nothing needs to release it, which keeps the
 * processing steps free of it.
 */
@Singleton
public class ImportClaims {
    private final DynamoDbClient dynamo;
    private final String table;

    public ImportClaims(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The import the owner started last, if any (consistent). */
    public Optional<String> current(String ownerId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(ownerId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attrs.string(item, "importId"));
    }

    /**
     * Claims the owner's current import for {@code importId}, on condition that the claim is still as read: absent
     * ({@code replacing} null), or naming {@code replacing}, a finished import. Of racing claims, one commits.
     */
    public TransactWriteItem claimItem(String ownerId, String importId, String replacing) {
        Map<String, AttributeValue> item = new HashMap<>(key(ownerId));
        item.put("type", s("import-claim"));
        item.put("importId", s(importId));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (replacing == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("importId = :replacing").expressionAttributeValues(Map.of(":replacing", s(replacing)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static Map<String, AttributeValue> key(String ownerId) {
        return Attrs.key("IMPORTING#" + ownerId, "IMPORTING");
    }
}
