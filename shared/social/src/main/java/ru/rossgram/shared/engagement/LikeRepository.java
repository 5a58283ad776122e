package ru.rossgram.shared.engagement;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.posts.PostRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Likes in the single table: {@code POST#<postId> / LIKE#<userId>}, in the post's partition (docs/data-model.md,
 * row 20). The like and the post's {@code likeCount} change in one transaction, each write conditioned on the
 * like's presence, so a repeated like or unlike changes nothing and the count never drifts.
 */
@Singleton
public class LikeRepository {
    /** Sort keys of likes begin with this. */
    public static final String SK_PREFIX = "LIKE#";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;

    public LikeRepository(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** The write that records {@code userId}'s like; fails the transaction if it is already there. */
    public TransactWriteItem addItem(String postId, String userId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key(postId, userId));
        item.put("type", s("like"));
        item.put("postId", s(postId));
        item.put("userId", s(userId));
        item.put("createdAt", s(at.toString()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The write that removes {@code userId}'s like; fails the transaction if there is none. */
    public TransactWriteItem removeItem(String postId, String userId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(postId, userId))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    /** Whether {@code userId} likes the post (consistent read). */
    public boolean likes(String userId, String postId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId, userId)).consistentRead(true)
                .projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }

    /** Which of {@code postIds} {@code userId} likes: consistent BatchGets of 100 keys. */
    public Set<String> likedAmong(String userId, Collection<String> postIds) {
        List<Map<String, AttributeValue>> keys = postIds.stream().distinct().map(postId -> key(postId, userId)).toList();
        Set<String> liked = new HashSet<>();
        batchReads.consistent(table, keys).forEach(item -> liked.add(likedPostOf(item)));
        return liked;
    }

    /** The key of {@code userId}'s like of {@code postId}, for reads batched with other items (a feed page). */
    public static Map<String, AttributeValue> key(String postId, String userId) {
        return Attrs.key(PostRepository.partitionKey(postId), SK_PREFIX + userId);
    }

    /** Whether an item of a batch read is a like. */
    public static boolean isLike(Map<String, AttributeValue> item) {
        return Attrs.string(item, "sk").startsWith(SK_PREFIX);
    }

    /** Who a like item's like is by. */
    public static String likerOf(Map<String, AttributeValue> like) {
        return Attrs.string(like, "userId");
    }

    /** The post a like item is of. */
    public static String likedPostOf(Map<String, AttributeValue> like) {
        return Attrs.string(like, "postId");
    }
}
