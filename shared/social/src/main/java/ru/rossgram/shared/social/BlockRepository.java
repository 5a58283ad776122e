package ru.rossgram.shared.social;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.feeds.FeedContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Blocks and mutes (docs/data-model.md, row 16): {@code USER#<uid>} / {@code BLOCKS#<other>} and
 * {@code USER#<uid>} / {@code MUTES#<other>}, read by key (see {@link Relationships}). A block is written in the
 * transaction that also removes the follow edges and requests between the two. A mute is written in one
 * transaction with the muter's set of muted ids in her {@link FeedContext}, which the home feed reads.
 */
@Singleton
public class BlockRepository {
    /** Mutes per account: bounds the set item a feed page reads (27 bytes an id, so about 27 KB at most). */
    public static final int MAX_MUTES = 1000;
    private static final String BLOCKS = "BLOCKS#";
    private static final String MUTES = "MUTES#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionWriter transactions;

    public BlockRepository(DynamoDbClient dynamo, RossgramConfig config, TransactionWriter transactions) {
        this.dynamo = dynamo;
        this.table = config.table();
        this.transactions = transactions;
    }

    /** Records that {@code blockerId} blocks {@code blockedId} (rewriting it if it exists). */
    public TransactWriteItem putBlockItem(String blockerId, String blockedId, Instant now) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(item(blockKey(blockerId, blockedId), "block", blockerId, blockedId, now)).build()).build();
    }

    public void deleteBlock(String blockerId, String blockedId) {
        dynamo.deleteItem(r -> r.tableName(table).key(blockKey(blockerId, blockedId)));
    }

    /**
     * Records that {@code muterId} mutes {@code mutedId}; keeps the first time if it already does.
     *
     * @return false, writing nothing, when the muter already mutes {@link #MAX_MUTES} other accounts
     */
    public boolean putMute(String muterId, String mutedId, Instant now) {
        TransactWriteItem edge = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(muteKey(muterId, mutedId))
                .updateExpression("SET #type = :type, userId = :user, otherId = :other, "
                        + "createdAt = if_not_exists(createdAt, :now)")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("mute"), ":user", s(muterId), ":other", s(mutedId),
                        ":now", s(now.toString()))).build()).build();
        TransactWriteItem set = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(FeedContext.key(muterId))
                .updateExpression("SET #type = :type ADD #ids :one")
                .conditionExpression("attribute_not_exists(#ids) OR size(#ids) < :max OR contains(#ids, :id)")
                .expressionAttributeNames(Map.of("#type", "type", "#ids", FeedContext.MUTED))
                .expressionAttributeValues(Map.of(":type", s(FeedContext.TYPE), ":one", AttributeValue.fromSs(List.of(mutedId)),
                        ":id", s(mutedId), ":max", AttributeValue.fromN(Integer.toString(MAX_MUTES)))).build()).build();
        return !TransactionWriter.failedCondition(transactions.write(List.of(edge, set)).orElse(null), 1);
    }

    public void deleteMute(String muterId, String mutedId) {
        TransactWriteItem edge = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(muteKey(muterId, mutedId)).build()).build();
        TransactWriteItem set = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(FeedContext.key(muterId)).updateExpression("DELETE #ids :one")
                .expressionAttributeNames(Map.of("#ids", FeedContext.MUTED))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromSs(List.of(mutedId)))).build()).build();
        transactions.write(List.of(edge, set));
    }

    /** {@code blocker} blocks {@code blocked}. */
    public static Map<String, AttributeValue> blockKey(String blocker, String blocked) {
        return Attrs.key(AccountRepository.userPk(blocker), BLOCKS + blocked);
    }

    /** {@code muter} mutes {@code muted}. */
    public static Map<String, AttributeValue> muteKey(String muter, String muted) {
        return Attrs.key(AccountRepository.userPk(muter), MUTES + muted);
    }

    /** Whether an item of a batch read is a block. */
    public static boolean isBlock(Map<String, AttributeValue> item) {
        return Attrs.string(item, "sk").startsWith(BLOCKS);
    }

    /** Whether an item of a batch read is a mute. */
    public static boolean isMute(Map<String, AttributeValue> item) {
        return Attrs.string(item, "sk").startsWith(MUTES);
    }

    /** The account a block or mute item ties {@code me} to: the one blocked or muted by me, or the one blocking me. */
    public static String otherParty(Map<String, AttributeValue> item, String me) {
        String userId = Attrs.string(item, "userId");
        return me.equals(userId) ? Attrs.string(item, "otherId") : userId;
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
