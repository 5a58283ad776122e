package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * Follower, following and post counts (docs/data-model.md, row 14). Each user's counts are spread over
 * {@value #SHARDS} items, {@code COUNT#<userId>#<shard>} / {@code COUNTS}, and each change {@code ADD}s its delta
 * to one shard picked at random, so a popular account's followers write to eight partitions, not one.
 *
 * <p>Counts are exact because a change is never written alone: it is an item of the same transaction that puts
 * the follow edge ({@code attribute_not_exists}) or deletes it ({@code attribute_exists}), or publishes or
 * deletes the post, so it commits exactly when the change it counts does. A single shard may go below zero (the
 * follow landed on one shard, the unfollow on another); only the sum means anything.
 */
@Singleton
public class ProfileCounters {
    public static final int SHARDS = 8;
    private static final String SHARD_SK = "COUNTS";

    private final BatchReads batchReads;
    private final String table;

    public ProfileCounters(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** The write that adds {@code delta} to one of {@code userId}'s counters, for the transaction that changes it. */
    public TransactWriteItem changeItem(String userId, Counter counter, long delta) {
        return changeItems(new CounterChanges().add(userId, counter, delta)).get(0);
    }

    /** One write per user with a non-zero delta, each on a random shard of that user's counters. */
    public List<TransactWriteItem> changeItems(CounterChanges changes) {
        List<TransactWriteItem> items = new ArrayList<>();
        changes.byUser().forEach((userId, deltas) -> {
            StringBuilder add = new StringBuilder();
            Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Attrs.s("counter")));
            deltas.forEach((counter, delta) -> {
                add.append(add.isEmpty() ? " ADD " : ", ").append('#').append(counter.attribute())
                        .append(" :").append(counter.attribute());
                names.put("#" + counter.attribute(), counter.attribute());
                values.put(":" + counter.attribute(), Attrs.n(delta));
            });
            // from Entropy: containers restored from one snapshot spread, not all on one shard
            int shard = Entropy.random().nextInt(SHARDS);
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(shardKey(userId, shard))
                    .updateExpression("SET #type = :type" + add)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values).build()).build());
        });
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no counter changes");
        }
        return items;
    }

    /** {@code userId}'s counts: one consistent BatchGet of its shards. */
    public Counts read(String userId) {
        return sum(batchReads.consistent(table, shardKeys(userId)));
    }

    /** The keys of {@code userId}'s shards, for a caller that reads them along with other items. */
    public static List<Map<String, AttributeValue>> shardKeys(String userId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(SHARDS);
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(shardKey(userId, shard));
        }
        return keys;
    }

    /** One of a user's counter shards ({@code shard} from 0 to {@link #SHARDS} - 1). */
    public static Map<String, AttributeValue> shardKey(String userId, int shard) {
        return Attrs.key("COUNT#" + userId + "#" + shard, SHARD_SK);
    }

    /** Whether an item of a batch read is a counter shard. */
    public static boolean isShard(Map<String, AttributeValue> item) {
        return SHARD_SK.equals(Attrs.string(item, "sk"));
    }

    /** The counts in {@code shards} (items of one user's shards; absent shards count 0), each at least 0. */
    public static Counts sum(List<Map<String, AttributeValue>> shards) {
        long followers = 0;
        long following = 0;
        long posts = 0;
        for (Map<String, AttributeValue> shard : shards) {
            followers += Attrs.number(shard, Counter.FOLLOWERS.attribute()).orElse(0L);
            following += Attrs.number(shard, Counter.FOLLOWING.attribute()).orElse(0L);
            posts += Attrs.number(shard, Counter.POSTS.attribute()).orElse(0L);
        }
        // Exact by construction; the clamp only keeps a hand-edited or half-migrated table from showing "-1".
        return new Counts(Math.max(0, followers), Math.max(0, following), Math.max(0, posts));
    }
}
