package ru.rossgram.shared.imports.audience;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * Links of accounts to Instagram names (docs/data-model.md, rows 34 to 34b): the claim {@code IGNAME#<handle>} /
 * {@code IGNAME} -> userId that makes a name one account's; the link {@code USER#<uid>} / {@code INSTAGRAM} (handle,
 * linkedAt, list sizes); the mark {@code USER#<uid>} / {@code INSTAGRAMUNLINKING} while an unlink's cleanup runs;
 * and the counter of Instagram followers here, {@code USER#<uid>} / {@code IGAUDIENCE#<0..7>} (shards, as profile
 * counters are: a blogger's newcomers add to it from many functions at once).
 */
@Singleton
public class InstagramLinkRepository {
    static final int SHARDS = 8;
    private static final String LINK = "INSTAGRAM";
    private static final String UNLINKING = "INSTAGRAMUNLINKING";
    private static final String AUDIENCE = "IGAUDIENCE#";
    private static final String FOLLOWERS_HERE = "followersHere";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;

    public InstagramLinkRepository(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** The account's link, read strongly consistently. */
    public Optional<InstagramLink> find(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(linkKey(userId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstagramLink(string(item, "handle"), Instant.parse(string(item, "linkedAt")),
                Attrs.number(item, HandleList.FOLLOWERS.word()).orElse(0L),
                Attrs.number(item, HandleList.FOLLOWING.word()).orElse(0L)));
    }

    /** The account holding {@code handle}, read strongly consistently. */
    public Optional<String> holder(String handle) {
        var item = dynamo.getItem(r -> r.tableName(table).key(claimKey(handle)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(string(item, "userId"));
    }

    /** The holders of those of {@code handles} that are linked here, handle -> userId (BatchGet, 100 keys a call). */
    public Map<String, String> holders(Collection<String> handles) {
        List<Map<String, AttributeValue>> keys = handles.stream().map(InstagramLinkRepository::claimKey).toList();
        Map<String, String> holders = new HashMap<>();
        for (Map<String, AttributeValue> claim : batchReads.consistent(table, keys)) {
            holders.put(string(claim, "pk").substring(claimPk("").length()), string(claim, "userId"));
        }
        return holders;
    }

    /** Whether an unlink's cleanup still runs for the account (a new link waits for it). */
    public boolean unlinking(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(unlinkingKey(userId)).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    // --- transaction items ---------------------------------------------------------------------------------------

    /** Claims {@code handle} for the account; fails the transaction if any account holds it. */
    public TransactWriteItem claimItem(String handle, String userId) {
        return put(Map.of("pk", s(claimPk(handle)), "sk", s("IGNAME"), "type", s("claim"), "userId", s(userId)));
    }

    /** The account's link; fails the transaction if it has one. */
    public TransactWriteItem linkItem(String userId, String handle, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(linkKey(userId));
        item.put("type", s("instagramLink"));
        item.put("handle", s(handle));
        item.put("linkedAt", s(at.toString()));
        return put(item);
    }

    /** Fails the transaction while an unlink's cleanup runs for the account. */
    public TransactWriteItem notUnlinkingItem(String userId) {
        return check(unlinkingKey(userId), "attribute_not_exists(pk)");
    }

    /** Fails the transaction unless the account is linked (a match with an account that unlinked meanwhile). */
    public TransactWriteItem linkedItem(String userId) {
        return check(linkKey(userId), "attribute_exists(pk)");
    }

    /** Releases {@code handle}, if this account holds it, else fails the transaction. */
    public TransactWriteItem releaseItem(String handle, String userId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(claimKey(handle))
                .conditionExpression("userId = :me").expressionAttributeValues(Map.of(":me", s(userId))).build()).build();
    }

    /** Removes the account's link; fails the transaction if there is none. */
    public TransactWriteItem unlinkItem(String userId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(linkKey(userId))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    /** Marks the cleanup of {@code handle}'s lists and matches as running. */
    public TransactWriteItem unlinkingItem(String userId, String handle, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(unlinkingKey(userId));
        item.put("type", s("instagramUnlinking"));
        item.put("handle", s(handle));
        item.put("at", s(at.toString()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** Adds {@code delta} to the account's count of Instagram followers who are here, on a random shard. */
    public TransactWriteItem followersHereItem(String userId, long delta) {
        // from Entropy: containers restored from one snapshot spread, not all on one shard
        int shard = Entropy.random().nextInt(SHARDS);
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(audienceKey(userId, shard))
                .updateExpression("SET #type = :type ADD #n :d")
                .expressionAttributeNames(Map.of("#type", "type", "#n", FOLLOWERS_HERE))
                .expressionAttributeValues(Map.of(":type", s("instagramAudience"), ":d", n(delta))).build()).build();
    }

    // --- plain writes --------------------------------------------------------------------------------------------

    /**
     * Records that {@code size} handles of {@code list} are stored, if the account is still linked and no call got
     * further (a call repeated from an earlier index must not shrink it).
     */
    public void recordListSize(String userId, HandleList list, long size) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(linkKey(userId))
                    .updateExpression("SET #list = :n")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#list) OR #list < :n)")
                    .expressionAttributeNames(Map.of("#list", list.word()))
                    .expressionAttributeValues(Map.of(":n", n(size))));
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            // unlinked meanwhile, or a size as large recorded already
        }
    }

    /** Ends an unlink's cleanup: the counter shards and the mark go, and the name may be linked again. */
    public void finishUnlinking(String userId) {
        for (int shard = 0; shard < SHARDS; shard++) {
            int s = shard;
            dynamo.deleteItem(r -> r.tableName(table).key(audienceKey(userId, s)));
        }
        dynamo.deleteItem(r -> r.tableName(table).key(unlinkingKey(userId)));
    }

    /** How many of the account's Instagram followers (its followers list) linked their name here. */
    public long followersHere(String userId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(audienceKey(userId, shard));
        }
        return batchReads.consistent(table, keys).stream()
                .mapToLong(item -> Attrs.number(item, FOLLOWERS_HERE).orElse(0L)).sum();
    }

    // --- keys ----------------------------------------------------------------------------------------------------

    /** The key of the account's link, for reads batched with other items. */
    public static Map<String, AttributeValue> linkKey(String userId) {
        return Attrs.key(AccountRepository.userPk(userId), LINK);
    }

    /** Whether an item of a batch read is a link. */
    public static boolean isLink(Map<String, AttributeValue> item) {
        return LINK.equals(string(item, "sk"));
    }

    private static String claimPk(String handle) {
        return "IGNAME#" + handle;
    }

    private static Map<String, AttributeValue> claimKey(String handle) {
        return Attrs.key(claimPk(handle), "IGNAME");
    }

    private static Map<String, AttributeValue> unlinkingKey(String userId) {
        return Attrs.key(AccountRepository.userPk(userId), UNLINKING);
    }

    private static Map<String, AttributeValue> audienceKey(String userId, int shard) {
        return Attrs.key(AccountRepository.userPk(userId), AUDIENCE + shard);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem check(Map<String, AttributeValue> key, String condition) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition).build()).build();
    }
}
