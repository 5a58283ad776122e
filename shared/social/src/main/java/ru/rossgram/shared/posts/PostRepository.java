package ru.rossgram.shared.posts;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.KeyRangeQueries;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.media.PhotoRecordItems;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Posts in the single table: {@code POST#<postId> / POST}, one item holding the photos too. A published post
 * also carries {@code gsi1pk = POSTS#<authorId>, gsi1sk = <postId>} (the author's grid, newest first), so
 * posts still processing or failed are not in the index at all.
 *
 * <p>{@code readyCount} counts processed photos. Every change to it is conditioned on the count and status
 * the writer read, so concurrent results for sibling photos serialise, and exactly one of them (the one that
 * makes the count reach the number of photos) publishes. {@code version} counts only the author's edits, so
 * processing results never make an edit fail.
 *
 * <p>The post's partition also holds its likes and comments ({@code LIKE#<userId>}, {@code COMMENT#<commentId>},
 * see {@code ru.rossgram.shared.engagement}); {@code likeCount} and {@code commentCount} on the post item move
 * in the same transaction as the item they count, so they are exact. Absent means 0.
 *
 * <p>An imported post ({@code imported = true}, absent otherwise) carries its original date as {@code createdAt}
 * and an id whose time part is that date, so the grid's {@code gsi1sk} order puts it among the author's own posts
 * where it was first posted.
 */
@Singleton
public class PostRepository {
    private static final String SK = "POST";
    private static final Map<String, String> STATUS = Map.of("#status", "status");
    /** A subscriber-only post's lowest rank of the author's tiers that opens it; absent on other posts. */
    private static final String MIN_TIER_RANK = "minTierRank";
    /** The id of the campaign a post shares (an id only: the campaign's items are CampaignRepository's). */
    private static final String CAMPAIGN_ID = "campaignId";

    /** The counters on a post that move with the items they count. */
    public enum Counter {
        LIKES("likeCount"),
        COMMENTS("commentCount");

        private final String attribute;

        Counter(String attribute) {
            this.attribute = attribute;
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public PostRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The write that creates {@code post}, committed with the attachment of its uploads. */
    public TransactWriteItem createItem(Post post) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(post))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public Optional<Post> find(String postId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Whether the post exists (consistent read of its key only). */
    public boolean exists(String postId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId)).consistentRead(true).projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }

    /** The current value of {@code counter} (consistent read); empty when the post does not exist. */
    public Optional<Long> count(String postId, Counter counter) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId)).consistentRead(true)
                .projectionExpression("pk, " + counter.attribute)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attrs.number(item, counter.attribute).orElse(0L));
    }

    /**
     * The write that moves {@code counter} by {@code delta}, committed with the like or comment it counts. Fails
     * the transaction unless the post exists and is published (only published posts are liked and commented on;
     * publishing is final, so this also holds for unliking and deleting a comment).
     */
    public TransactWriteItem counterItem(String postId, Counter counter, long delta) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(postId))
                .updateExpression("ADD #counter :delta")
                .conditionExpression("attribute_exists(pk) AND #status = :published")
                .expressionAttributeNames(Map.of("#counter", counter.attribute, "#status", "status"))
                .expressionAttributeValues(Map.of(":delta", n(delta), ":published", s(PostStatus.PUBLISHED.wire())))
                .build()).build();
    }

    /** A check, in another aggregate's transaction, that the post exists and is published (not deleted since read). */
    public TransactWriteItem publishedCheck(String postId) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key(postId))
                .conditionExpression("attribute_exists(pk) AND #status = :published")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":published", s(PostStatus.PUBLISHED.wire())))
                .build()).build();
    }

    /**
     * {@code authorId}'s published posts older than {@code beforePostId} (null: from the newest), newest first:
     * one Query of the author's grid on gsi1, which projects whole items. Eventually consistent, as every
     * index read is: a post published a moment ago may show a moment later.
     */
    public List<Post> newestBy(String authorId, String beforePostId, int limit) {
        return KeyRangeQueries.newestOnIndex(dynamo, table, gridPk(authorId), beforePostId, limit).stream()
                .map(PostRepository::fromItem).toList();
    }

    /**
     * Stores the author's caption (with its tags) and alt texts, if no other edit came since {@code expectedVersion}.
     *
     * @throws ProblemException 409 {@code concurrent-update} when another edit came first, or the post is gone
     */
    public Post updateText(Post changed, long expectedVersion) {
        StringBuilder set = new StringBuilder("SET caption = :caption, hashtags = :hashtags, mentions = :mentions, version = :next");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":caption", s(changed.caption()),
                ":hashtags", strings(changed.hashtags()),
                ":mentions", strings(changed.mentions()),
                ":next", n(expectedVersion + 1),
                ":expected", n(expectedVersion)));
        for (int i = 0; i < changed.photos().size(); i++) {
            set.append(", photos[").append(i).append("].altText = :alt").append(i);
            values.put(":alt" + i, s(changed.photos().get(i).altText()));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(changed.postId()))
                    .updateExpression(set.toString())
                    .conditionExpression("version = :expected")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(ProblemType.CONCURRENT_UPDATE, "The post changed meanwhile; read it again and retry.");
        }
        return changed.atVersion(expectedVersion + 1);
    }

    /**
     * Records photo {@code index} as processed and, if it is the last one of a processing post, publishes the
     * post. Fails the transaction if the ready count or status changed since {@code seen} was read.
     */
    public TransactWriteItem photoReadyItem(Post seen, int index, PhotoRecord photo, Instant now) {
        StringBuilder set = new StringBuilder("SET readyCount = :next, photos[" + index + "].#result = :result");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":next", n(seen.readyCount() + 1L),
                ":result", PhotoRecordItems.toAttribute(photo),
                ":seenReady", n(seen.readyCount()),
                ":seenStatus", s(seen.status().wire())));
        if (publishesWithOneMorePhoto(seen)) {
            set.append(", #status = :published, publishedAt = :now, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk");
            values.put(":published", s(PostStatus.PUBLISHED.wire()));
            values.put(":now", s(now.toString()));
            values.put(":gsi1pk", s(gridPk(seen.authorId())));
            values.put(":gsi1sk", s(seen.postId()));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(seen.postId()))
                .updateExpression(set.toString())
                .conditionExpression("readyCount = :seenReady AND #status = :seenStatus")
                .expressionAttributeNames(Map.of("#status", "status", "#result", "result"))
                .expressionAttributeValues(values).build()).build();
    }

    /** Whether one more ready photo completes {@code post} and so publishes it. */
    static boolean publishesWithOneMorePhoto(Post post) {
        return post.status() == PostStatus.PROCESSING && post.readyCount() + 1 == post.photos().size();
    }

    /** Fails the (unpublished) post; the first reason recorded stays. */
    public TransactWriteItem photoRejectedItem(String postId, String reason) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(postId))
                .updateExpression("SET #status = :failed, failureReason = if_not_exists(failureReason, :reason)")
                .conditionExpression("attribute_exists(pk) AND #status <> :published")
                .expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":failed", s(PostStatus.FAILED.wire()), ":reason", s(reason),
                        ":published", s(PostStatus.PUBLISHED.wire()))).build()).build();
    }

    /** Deletes the post as {@code seen}: fails the transaction if a photo was processed or its status changed since. */
    public TransactWriteItem deleteItem(Post seen) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(seen.postId()))
                .conditionExpression("authorId = :author AND readyCount = :seenReady AND #status = :seenStatus")
                .expressionAttributeNames(STATUS)
                .expressionAttributeValues(Map.of(":author", s(seen.authorId()), ":seenReady", n(seen.readyCount()),
                        ":seenStatus", s(seen.status().wire()))).build()).build();
    }

    /** The partition key of a post: its item's, and that of its likes and comments. */
    public static String partitionKey(String postId) {
        return "POST#" + postId;
    }

    private static String gridPk(String authorId) {
        return "POSTS#" + authorId;
    }

    /** The post item's key, for reads batched with other items (a feed page). */
    public static Map<String, AttributeValue> key(String postId) {
        return Attrs.key(partitionKey(postId), SK);
    }

    /** Whether an item of a batch read is a post. */
    public static boolean isPost(Map<String, AttributeValue> item) {
        return SK.equals(string(item, "sk"));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attrs::s).toList());
    }

    private static Map<String, AttributeValue> toItem(Post post) {
        Map<String, AttributeValue> item = new HashMap<>(key(post.postId()));
        item.put("type", s("post"));
        item.put("postId", s(post.postId()));
        item.put("authorId", s(post.authorId()));
        item.put("caption", s(post.caption()));
        item.put("hashtags", strings(post.hashtags()));
        item.put("mentions", strings(post.mentions()));
        if (post.location() != null) {
            item.put("location", s(post.location()));
        }
        item.put("status", s(post.status().wire()));
        if (post.price() != null) {
            item.put("price", n(post.price().minor()));
            item.put("currency", s(post.price().currency()));
        }
        if (post.minTierRank() != null) {
            item.put(MIN_TIER_RANK, n(post.minTierRank()));
        }
        item.put("createdAt", s(post.createdAt().toString()));
        if (post.campaignId() != null) {
            item.put(CAMPAIGN_ID, s(post.campaignId()));
        }
        if (post.imported()) { // absent on the posts made here, which are nearly all
            item.put("imported", AttributeValue.fromBool(true));
        }
        if (post.publishedAt() != null) {
            item.put("publishedAt", s(post.publishedAt().toString()));
            item.put("gsi1pk", s(gridPk(post.authorId())));
            item.put("gsi1sk", s(post.postId()));
        }
        List<AttributeValue> photos = new ArrayList<>();
        for (Photo photo : post.photos()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            map.put("uploadId", s(photo.uploadId()));
            map.put("altText", s(photo.altText()));
            if (photo.result() != null) {
                map.put("result", PhotoRecordItems.toAttribute(photo.result()));
            }
            photos.add(AttributeValue.fromM(map));
        }
        item.put("photos", AttributeValue.fromL(photos));
        item.put("photoCount", n(post.photos().size()));
        item.put("readyCount", n(post.readyCount()));
        item.put("version", n(post.version()));
        return item;
    }

    /** The post a post item (read by {@link #key}) holds. */
    public static Post postFrom(Map<String, AttributeValue> item) {
        return fromItem(item);
    }

    private static Post fromItem(Map<String, AttributeValue> item) {
        List<Photo> photos = item.get("photos").l().stream().map(AttributeValue::m).map(m -> new Photo(
                m.get("uploadId").s(),
                m.containsKey("altText") ? m.get("altText").s() : "",
                PhotoRecordItems.fromAttribute(m.get("result")))).toList();
        String publishedAt = string(item, "publishedAt");
        return new Post(
                string(item, "postId"),
                string(item, "authorId"),
                string(item, "caption"),
                item.get("hashtags").l().stream().map(AttributeValue::s).toList(),
                item.get("mentions").l().stream().map(AttributeValue::s).toList(),
                string(item, "location"),
                PostStatus.fromWire(string(item, "status")),
                string(item, "failureReason"),
                Instant.parse(string(item, "createdAt")),
                publishedAt == null ? null : Instant.parse(publishedAt),
                photos,
                Attrs.number(item, "readyCount").orElse(0L).intValue(),
                Attrs.number(item, "version").orElse(0L),
                Attrs.number(item, Counter.LIKES.attribute).orElse(0L),
                Attrs.number(item, Counter.COMMENTS.attribute).orElse(0L),
                Attrs.number(item, "price").map(kopecks -> new Money(kopecks, string(item, "currency"))).orElse(null),
                item.containsKey("imported") && Boolean.TRUE.equals(item.get("imported").bool()),
                Attrs.number(item, MIN_TIER_RANK).map(Long::intValue).orElse(null),
                string(item, CAMPAIGN_ID));
    }
}
