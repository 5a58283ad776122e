package ru.rossgram.shared.activity;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import ru.rossgram.shared.dynamo.KeyRangeQueries;
import ru.rossgram.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Activity inboxes in the single table (docs/data-model.md, rows 37-37a): {@code ACTIVITY#<recipient>} /
 * {@code <KIND>#<subject>}, one item per (recipient, kind, subject), with {@code gsi1pk = ACTIVITY#<recipient>},
 * {@code gsi1sk = <activityId>} giving the inbox's newest-first order; and the read marker
 * {@code ACTIVITY#<recipient>} / {@code ~READ} (not in the index).
 *
 * <p>Items are written inside the transaction of the action that causes them (a like, a comment, a follow, a
 * settlement), beside that action's own conditional write: a lost action writes nothing, a repeated one fails its
 * condition and writes nothing twice. Because the key is fixed per subject, a put written again (a retried
 * fan-out step) replaces rather than duplicates.
 */
@Singleton
public class ActivityRepository {
    private static final String PK_PREFIX = "ACTIVITY#";
    private static final String READ_MARKER = "~READ";
    private static final Map<ActivityKind, String> SK_WORDS = Map.of(
            ActivityKind.LIKE, "LIKES#",
            ActivityKind.COMMENT, "COMMENTED#",
            ActivityKind.REPLY, "REPLIED#",
            ActivityKind.MENTION, "MENTIONED#",
            ActivityKind.FOLLOW, "FOLLOWED#",
            ActivityKind.FOLLOW_REQUEST, "REQUESTED#",
            ActivityKind.FOLLOW_APPROVED, "APPROVED#",
            ActivityKind.PURCHASE, "PURCHASED#",
            ActivityKind.SUBSCRIBER, "SUBSCRIBED#",
            ActivityKind.PLEDGE, "PLEDGED#");
    private static final String NONE = "-";
    private static final String TYPE = "activity";

    /**
     * A page of an inbox: its items newest first, whether older ones exist, and the {@code activityId} of the last
     * item read (shown or skipped), where the next page starts below.
     */
    public record Slice(List<Activity> items, boolean more, String last) {
    }

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final String table;

    public ActivityRepository(DynamoDbClient dynamo, BatchWriter batches, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.table = config.table();
    }

    /**
     * The write that adds {@code likerId}'s like to the author's like item of {@code postId}: one more like, the
     * liker first among the newest, the item moved to the top of the inbox (a new {@code activityId}). Committed
     * with the like's own conditional put, so a repeated like adds nothing.
     */
    public TransactWriteItem likedItem(String authorId, String postId, String likerId, String activityId, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":gsi1pk", s(pk(authorId)));
        values.put(":id", s(activityId));
        values.put(":kind", s(ActivityKind.LIKE.wire()));
        values.put(":post", s(postId));
        values.put(":actor", s(likerId));
        values.put(":at", s(at.toString()));
        values.put(":none", s(NONE));
        values.put(":one", n(1));
        values.put(":type", s(TYPE));
        // actor1..3 are slots shifted down on each like: a bounded "newest likers" list that needs no read first
        // (every operand of an update is read from the item as it was before it, so the shift is one step).
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(authorId, ActivityKind.LIKE, postId))
                .updateExpression("SET #type = :type, gsi1pk = :gsi1pk, gsi1sk = :id, #kind = :kind, postId = :post, "
                        + "actorId = :actor, #at = :at, actor3 = if_not_exists(actor2, :none), "
                        + "actor2 = if_not_exists(actor1, :none), actor1 = :actor ADD likes :one")
                .expressionAttributeNames(Map.of("#at", "at", "#kind", "kind", "#type", "type"))
                .expressionAttributeValues(values).build()).build();
    }

    /**
     * The write that takes one like off the author's like item of {@code postId}, committed with the unlike's
     * conditional delete. The inbox keeps its position; an item left with no likes is not shown or counted.
     */
    public TransactWriteItem unlikedItem(String authorId, String postId) {
        // Never below zero from nothing: a like from before inboxes existed has no item to take off. Such an item
        // (no kind, no index key) is invisible until a like fills it in.
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(authorId, ActivityKind.LIKE, postId))
                .updateExpression("SET likes = if_not_exists(likes, :one) - :one")
                .expressionAttributeValues(Map.of(":one", n(1))).build()).build();
    }

    /** The write that puts a single-event item (not {@link ActivityKind#LIKE}), replacing one of the same subject. */
    public TransactWriteItem putItem(Activity activity) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(activity)).build()).build();
    }

    /** The write that removes an item (absent: nothing happens). */
    public TransactWriteItem deleteItem(String recipientId, ActivityKind kind, String subject) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(recipientId, kind, subject))
                .build()).build();
    }

    /** {@link #deleteItem(String, ActivityKind, String)} of one key. */
    public TransactWriteItem deleteItem(ActivityKey item) {
        return deleteItem(item.recipientId(), item.kind(), item.subject());
    }

    /** Puts single-event items outside a transaction (idempotent: fixed keys), 25 a call. */
    public void putAll(List<Activity> activities) {
        batches.write(table, activities.stream().map(a -> WriteRequest.builder()
                .putRequest(PutRequest.builder().item(toItem(a)).build()).build()).toList());
    }

    /** Removes items outside a transaction (absent ones: nothing), 25 a call. */
    public void deleteAll(String recipientId, ActivityKind kind, List<String> subjects) {
        batches.write(table, subjects.stream().distinct().map(subject -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key(recipientId, kind, subject)).build()).build()).toList());
    }

    /** Removes the items of {@code keys} outside a transaction (absent ones: nothing), 25 a call. */
    public void deleteAll(List<ActivityKey> keys) {
        batches.write(table, keys.stream().distinct().map(k -> WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key(k.recipientId(), k.kind(), k.subject())).build()).build())
                .toList());
    }

    /**
     * The inbox's items with an {@code activityId} below {@code beforeActivityId} (null: from the newest), newest
     * first: one Query of gsi1 (eventually consistent, as index reads are). Like items with no likes left are
     * skipped but still use up the page's {@code limit}, so a page may be short while {@code more} is true.
     */
    public Slice newest(String recipientId, String beforeActivityId, int limit) {
        List<Map<String, AttributeValue>> items =
                KeyRangeQueries.newestOnIndex(dynamo, table, pk(recipientId), beforeActivityId, limit + 1);
        boolean more = items.size() > limit;
        List<Activity> found = new ArrayList<>();
        List<Map<String, AttributeValue>> read = items.subList(0, Math.min(limit, items.size()));
        for (Map<String, AttributeValue> item : read) {
            Activity activity = fromItem(item);
            if (activity.kind() != ActivityKind.LIKE || activity.likes() > 0) {
                found.add(activity);
            }
        }
        return new Slice(found, more, read.isEmpty() ? null : string(read.get(read.size() - 1), "gsi1sk"));
    }

    /**
     * How many items are newer than {@code readUpTo} (null: all), at most {@code cap}: one Query of gsi1 that
     * returns only a count ({@code Select COUNT}), like items with no likes left not counted.
     */
    public int unreadCount(String recipientId, String readUpTo, int cap) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(recipientId)), ":zero", n(0),
                ":like", s(ActivityKind.LIKE.wire())));
        String condition = "gsi1pk = :pk";
        if (readUpTo != null) {
            condition += " AND gsi1sk > :read";
            values.put(":read", s(readUpTo));
        }
        var page = dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression(condition).expressionAttributeValues(values)
                .filterExpression("#kind <> :like OR likes > :zero")
                .expressionAttributeNames(Map.of("#kind", "kind"))
                .select(Select.COUNT).limit(cap).build());
        return Math.min(cap, page.count());
    }

    /** The newest {@code activityId} its owner has marked read, if any (consistent read). */
    public Optional<String> readUpTo(String recipientId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Attrs.key(pk(recipientId), READ_MARKER)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(string(item, "readUpTo"));
    }

    /**
     * Marks everything up to {@code activityId} read. The marker only moves forward: marking an older item read
     * (a second device behind the first) changes nothing.
     */
    public void markRead(String recipientId, String activityId, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Attrs.key(pk(recipientId), READ_MARKER))
                    .updateExpression("SET readUpTo = :upTo, #at = :at")
                    .conditionExpression("attribute_not_exists(readUpTo) OR readUpTo < :upTo")
                    .expressionAttributeNames(Map.of("#at", "at"))
                    .expressionAttributeValues(Map.of(":upTo", s(activityId), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // Another call marked a newer item read: keep it.
        }
    }

    private Map<String, AttributeValue> toItem(Activity a) {
        if (a.kind() == ActivityKind.LIKE) {
            throw new IllegalArgumentException("like items are written by likedItem, not put whole");
        }
        Map<String, AttributeValue> item = new HashMap<>(key(a.recipientId(), a.kind(), a.subject()));
        item.put("type", s(TYPE));
        item.put("gsi1pk", s(pk(a.recipientId())));
        item.put("gsi1sk", s(a.activityId()));
        item.put("kind", s(a.kind().wire()));
        item.put("actorId", s(a.actorId()));
        item.put("at", s(a.at().toString()));
        if (a.postId() != null) {
            item.put("postId", s(a.postId()));
        }
        if (a.commentId() != null) {
            item.put("commentId", s(a.commentId()));
        }
        if (a.text() != null) {
            item.put("text", s(a.text()));
        }
        if (a.amount() != null) {
            item.put("amount", n(a.amount().minor()));
            item.put("currency", s(a.amount().currency()));
        }
        return item;
    }

    private static Activity fromItem(Map<String, AttributeValue> item) {
        ActivityKind kind = ActivityKind.fromWire(string(item, "kind")).orElseThrow();
        String sk = string(item, "sk");
        String subject = sk.substring(sk.indexOf('#') + 1);
        List<String> recent = new ArrayList<>();
        for (String slot : List.of("actor1", "actor2", "actor3")) {
            String actor = string(item, slot);
            if (actor != null && !actor.equals(NONE) && !recent.contains(actor)) { // liked, unliked, liked again
                recent.add(actor);
            }
        }
        Money amount = Attrs.number(item, "amount").map(minor -> new Money(minor, string(item, "currency"))).orElse(null);
        return new Activity(pk(item).substring(PK_PREFIX.length()), kind, subject, string(item, "gsi1sk"),
                string(item, "actorId"), recent, Attrs.number(item, "likes").orElse(0L), string(item, "postId"),
                string(item, "commentId"), string(item, "text"), amount, Instant.parse(string(item, "at")));
    }

    private static String pk(Map<String, AttributeValue> item) {
        return string(item, "pk");
    }

    private static String pk(String recipientId) {
        return PK_PREFIX + recipientId;
    }

    private static Map<String, AttributeValue> key(String recipientId, ActivityKind kind, String subject) {
        return Attrs.key(pk(recipientId), SK_WORDS.get(kind) + subject);
    }
}
