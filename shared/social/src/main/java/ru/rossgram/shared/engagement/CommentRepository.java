package ru.rossgram.shared.engagement;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.posts.PostRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Comments in the single table: {@code POST#<postId> / COMMENT#<commentId>} (docs/data-model.md, row 21), in the
 * post's partition, so one {@code Query} with {@code begins_with(sk, COMMENT#)} reads them oldest first (ids are
 * ULIDs). Each is written and deleted in one transaction with the post's {@code commentCount}.
 */
@Singleton
public class CommentRepository {
    /** Sort keys of comments begin with this. */
    public static final String SK_PREFIX = "COMMENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public CommentRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The write that stores a new comment; fails the transaction if its id is taken. */
    public TransactWriteItem createItem(Comment comment) {
        Map<String, AttributeValue> item = new HashMap<>(key(comment.postId(), comment.commentId()));
        item.put("type", s("comment"));
        item.put("commentId", s(comment.commentId()));
        item.put("postId", s(comment.postId()));
        item.put("authorId", s(comment.authorId()));
        item.put("text", s(comment.text()));
        item.put("createdAt", s(comment.createdAt().toString()));
        putIfPresent(item, "replyTo", comment.replyTo());
        putIfPresent(item, "replyToAuthorId", comment.replyToAuthorId());
        putIfPresent(item, "postAuthorId", comment.postAuthorId());
        if (!comment.mentionedIds().isEmpty()) {
            item.put("mentionedIds", AttributeValue.builder().ss(comment.mentionedIds()).build());
        }
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The write that deletes a comment; fails the transaction if it is already gone. */
    public TransactWriteItem deleteItem(String postId, String commentId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(postId, commentId))
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    public Optional<Comment> find(String postId, String commentId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId, commentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Up to {@code limit} comments of the post, oldest first, after the comment {@code afterCommentId} (null: from
     * the first). One consistent {@code Query} for {@code limit + 1} items, so {@code more} is exact and the last
     * page never promises another.
     */
    public Slice page(String postId, String afterCommentId, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(PostRepository.partitionKey(postId)), ":prefix", s(SK_PREFIX)))
                .scanIndexForward(true)
                .consistentRead(true)
                .limit(limit + 1);
        if (afterCommentId != null) {
            query.exclusiveStartKey(key(postId, afterCommentId));
        }
        List<Comment> found = dynamo.query(query.build()).items().stream().map(CommentRepository::fromItem).toList();
        boolean more = found.size() > limit;
        return new Slice(more ? found.subList(0, limit) : found, more);
    }

    /** One page of comments, and whether any come after it. */
    public record Slice(List<Comment> comments, boolean more) {
        public Slice {
            comments = List.copyOf(comments);
        }
    }

    private static Map<String, AttributeValue> key(String postId, String commentId) {
        return Attrs.key(PostRepository.partitionKey(postId), SK_PREFIX + commentId);
    }

    /** Whether an item of the post's partition is a whole comment (not a key alone). */
    public static boolean isComment(Map<String, AttributeValue> item) {
        String sk = string(item, "sk");
        return sk != null && sk.startsWith(SK_PREFIX) && item.containsKey("commentId") && item.containsKey("createdAt");
    }

    /** A comment read with other items of its post's partition (see {@link #isComment}). */
    public static Comment fromItem(Map<String, AttributeValue> item) {
        AttributeValue mentioned = item.get("mentionedIds");
        return new Comment(string(item, "commentId"), string(item, "postId"), string(item, "authorId"),
                string(item, "text"), Instant.parse(string(item, "createdAt")), string(item, "replyTo"),
                string(item, "replyToAuthorId"), string(item, "postAuthorId"), mentioned == null ? List.of() : mentioned.ss());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
