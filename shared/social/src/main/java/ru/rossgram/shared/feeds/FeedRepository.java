package ru.rossgram.shared.feeds;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.posts.Post;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Home feeds: {@code FEED#<userId> / <postId>} (author, TTL), one item per post a user should see, newest
 * first by key because post ids are ULIDs, and above them the reader's {@link FeedContext}. Writes are plain
 * puts and deletes of fixed keys, or additions to and removals from a set, so doing one twice is harmless: a
 * fan-out step that is repeated never gives anyone a post twice.
 */
@Singleton
public class FeedRepository {
    private static final String GATED = "paid";

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final TransactionWriter transactions;
    private final String table;

    public FeedRepository(DynamoDbClient dynamo, BatchWriter batches, TransactionWriter transactions, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.transactions = transactions;
        this.table = config.table();
    }

    /**
     * One post in a feed.
     *
     * @param gated whether the post is on sale or for subscribers ({@link Post#gated}), so that a page reads what may
     *              open it for its reader in the same batch as the post. Stored as {@code paid}, the name it had when
     *              only sales gated posts, so that items written before keep their meaning.
     */
    public record FeedItem(String postId, String authorId, boolean gated) {
        public static FeedItem of(Post post) {
            return new FeedItem(post.postId(), post.authorId(), post.gated());
        }
    }

    /**
     * A Query's worth of a feed.
     *
     * @param context the reader's context, when the Query started at the top of the feed (null otherwise)
     */
    public record Slice(FeedContext context, List<FeedItem> items) {
    }

    /** Puts {@code post} into each of {@code userIds}' feeds. */
    public void add(List<String> userIds, FeedItem post, Instant expiresAt) {
        batches.write(table, userIds.stream().map(userId -> put(userId, post, expiresAt)).toList());
    }

    /** Puts {@code items} into {@code userId}'s feed. */
    public void addPosts(String userId, List<FeedItem> items, Instant expiresAt) {
        batches.write(table, items.stream().map(item -> put(userId, item, expiresAt)).toList());
    }

    private static WriteRequest put(String userId, FeedItem feedItem, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId, feedItem.postId()));
        item.put("type", s("feed"));
        item.put("authorId", s(feedItem.authorId()));
        if (feedItem.gated()) {
            item.put(GATED, AttributeValue.fromBool(true));
        }
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    /** Takes {@code postId} out of each of {@code userIds}' feeds; absent items are fine. */
    public void remove(List<String> userIds, String postId) {
        batches.write(table, userIds.stream().map(userId -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key(userId, postId)).build()).build()).toList());
    }

    /**
     * The newest items of {@code userId}'s feed older than {@code beforePostId}; from the newest when it is null,
     * and then the reader's context comes in the same Query (it sorts first). Read consistently, so that a mute
     * hides its account from the very next page.
     */
    public Slice newest(String userId, String beforePostId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk(userId)));
        String condition = "pk = :pk";
        if (beforePostId != null) {
            condition += " AND sk < :before";
            values.put(":before", s(beforePostId));
        }
        String keyCondition = condition;
        int fetch = beforePostId == null ? limit + 1 : limit; // the context, if the reader has one, is the first
        var response = dynamo.query(r -> r.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(fetch).consistentRead(true));
        FeedContext context = beforePostId == null ? FeedContext.EMPTY : null;
        List<FeedItem> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            if (FeedContext.isContext(item)) {
                context = FeedContext.from(item);
            } else if (items.size() < limit) {
                items.add(new FeedItem(item.get("sk").s(), Attrs.string(item, "authorId"),
                        item.containsKey(GATED) && Boolean.TRUE.equals(item.get(GATED).bool())));
            }
        }
        return new Slice(context, items);
    }

    /** {@code userId}'s context, for a page that does not start at the top (read consistently, as the items). */
    public FeedContext context(String userId) {
        return FeedContext.from(dynamo.getItem(r -> r.tableName(table).key(FeedContext.key(userId)).consistentRead(true))
                .item());
    }

    /**
     * Notes in each of {@code followerIds}' contexts that they follow the celebrity {@code celebrityId}: updates
     * of up to {@link TransactionWriter#MAX_ACTIONS} items a request (a transaction, the one batch call that takes
     * updates). Nothing here needs the slice to be atomic: each update adds an id to a set, so when a request fails
     * half-way the step is retried from its cursor and notes again those it had noted, changing nothing.
     */
    public void noteCelebrity(List<String> followerIds, String celebrityId) {
        int chunk = TransactionWriter.MAX_ACTIONS;
        for (int from = 0; from < followerIds.size(); from += chunk) {
            List<TransactWriteItem> updates = followerIds.subList(from, Math.min(followerIds.size(), from + chunk))
                    .stream().map(followerId -> celebrityUpdate(followerId, celebrityId, "ADD")).toList();
            transactions.write(updates).ifPresent(reasons -> {
                throw new IllegalStateException("feed contexts not updated: " + reasons); // no condition to fail
            });
        }
    }

    /** Notes one new follow of a celebrity: a plain update, half a transaction's write units. */
    public void noteCelebrity(String followerId, String celebrityId) {
        Update note = celebrityUpdate(followerId, celebrityId, "ADD").update();
        dynamo.updateItem(r -> r.tableName(table).key(note.key()).updateExpression(note.updateExpression())
                .expressionAttributeNames(note.expressionAttributeNames())
                .expressionAttributeValues(note.expressionAttributeValues()));
    }

    /** Takes {@code celebrityId} out of {@code followerId}'s context, in the transaction that deletes the edge. */
    public TransactWriteItem forgetCelebrityItem(String followerId, String celebrityId) {
        return celebrityUpdate(followerId, celebrityId, "DELETE");
    }

    private TransactWriteItem celebrityUpdate(String followerId, String celebrityId, String action) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(FeedContext.key(followerId))
                .updateExpression("SET #type = :type " + action + " #ids :id")
                .expressionAttributeNames(Map.of("#type", "type", "#ids", FeedContext.CELEBRITIES))
                .expressionAttributeValues(Map.of(":type", s(FeedContext.TYPE), ":id", AttributeValue.fromSs(List.of(celebrityId))))
                .build()).build();
    }

    private static Map<String, AttributeValue> key(String userId, String postId) {
        return Attrs.key(pk(userId), postId);
    }

    static String pk(String userId) {
        return "FEED#" + userId;
    }
}
