package ru.rossgram.shared.feeds;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Home feeds: {@code FEED#<userId> / <postId>} (author, TTL), one item per post a user should see, newest
 * first by key because post ids are ULIDs. Writes are plain puts and deletes of fixed keys, so doing one
 * twice is harmless: a fan-out step that is repeated never gives anyone a post twice.
 */
@Singleton
public class FeedRepository {
    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final String table;

    public FeedRepository(DynamoDbClient dynamo, BatchWriter batches, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.table = config.table();
    }

    /**
     * One post in a feed.
     *
     * @param paid whether the post is paid, so that a page reads its reader's access in the same batch as the post
     */
    public record FeedItem(String postId, String authorId, boolean paid) {
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
        if (feedItem.paid()) {
            item.put("paid", AttributeValue.fromBool(true));
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
     * The newest items of {@code userId}'s feed older than {@code beforePostId} (null: from the newest).
     * Eventually consistent is enough: a feed is a best-effort view, and the posts are read consistently after.
     */
    public List<FeedItem> newest(String userId, String beforePostId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk(userId)));
        String condition = "pk = :pk";
        if (beforePostId != null) {
            condition += " AND sk < :before";
            values.put(":before", s(beforePostId));
        }
        String keyCondition = condition;
        var response = dynamo.query(r -> r.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit));
        return response.items().stream().map(item -> new FeedItem(item.get("sk").s(), Attrs.string(item, "authorId"),
                item.containsKey("paid") && Boolean.TRUE.equals(item.get("paid").bool()))).toList();
    }

    private static Map<String, AttributeValue> key(String userId, String postId) {
        return Attrs.key(pk(userId), postId);
    }

    private static String pk(String userId) {
        return "FEED#" + userId;
    }
}
