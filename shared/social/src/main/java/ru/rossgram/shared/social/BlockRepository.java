package ru.rossgram.shared.social;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Blocks and mutes (docs/data-model.md, row 16): {@code USER#<uid>} / {@code BLOCKS#<other>} and
 * {@code USER#<uid>} / {@code MUTES#<other>}, read by key (see {@link Relationships}). A block is written in the
 * transaction that also removes the follow edges and requests between the two; mutes are single writes.
 */
@Singleton
public class BlockRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public BlockRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** Records that {@code blockerId} blocks {@code blockedId} (rewriting it if it exists). */
    public TransactWriteItem putBlockItem(String blockerId, String blockedId, Instant now) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(item(SocialKeys.blocks(blockerId, blockedId), "block", blockerId, blockedId, now)).build()).build();
    }

    public void deleteBlock(String blockerId, String blockedId) {
        dynamo.deleteItem(r -> r.tableName(table).key(SocialKeys.blocks(blockerId, blockedId)));
    }

    /** Records that {@code muterId} mutes {@code mutedId}; keeps the first time if it already does. */
    public void putMute(String muterId, String mutedId, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(SocialKeys.mutes(muterId, mutedId))
                .updateExpression("SET #type = :type, userId = :user, otherId = :other, "
                        + "createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("mute"), ":user", s(muterId), ":other", s(mutedId),
                        ":now", s(now.toString()))));
    }

    public void deleteMute(String muterId, String mutedId) {
        dynamo.deleteItem(r -> r.tableName(table).key(SocialKeys.mutes(muterId, mutedId)));
    }

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> key, String type, String userId,
                                                    String otherId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", s(type));
        item.put("userId", s(userId));
        item.put("otherId", s(otherId));
        item.put("createdAt", s(now.toString()));
        return item;
    }
}
