package ru.rossgram.shared.hashtags;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.BatchWriter;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.search.SearchText;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The hashtag index in the single table (docs/data-model.md, rows 38a and 39): {@code TAG#<tag>} / {@code <postId>}
 * (authorId) per tagged post, {@code TAG#<tag>} / {@code ~COUNT} (posts, the rank its search items are written at),
 * which sorts after every post id; and the tag's search items {@code TAGSEARCH#<prefix>} / {@code <rank>#<tag>}
 * (tag, key), one per prefix of 1 to 12 letters of its {@link SearchText#key}, so a prefix's tags read most used
 * first.
 *
 * <p>A post joins or leaves a tag in one transaction with the count's {@code ADD}, conditional on the post's item
 * being absent (present), so the count moves exactly once per post however often a step is retried and however
 * many posts are tagged at once.
 */
@Singleton
public class HashtagRepository {
    private static final String PK_PREFIX = "TAG#";
    private static final String COUNT_SK = "~COUNT";
    private static final String SEARCH_PREFIX = "TAGSEARCH#";
    private static final String POSTS = "posts";
    private static final String INDEXED_RANK = "indexedRank";

    /** A post filed under a tag. */
    public record Tagged(String postId, String authorId) {
    }

    /**
     * A tag's count item as read.
     *
     * @param indexedRank the rank its search items are written at; null when it has none
     */
    public record Counted(long posts, Integer indexedRank) {
    }

    private final DynamoDbClient dynamo;
    private final TransactionWriter transactions;
    private final BatchWriter batches;
    private final BatchReads batchReads;
    private final String table;

    public HashtagRepository(DynamoDbClient dynamo, TransactionWriter transactions, BatchWriter batches,
                             BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.batches = batches;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** Files {@code postId} under {@code tag}, counting it once. @return false when it was filed there already */
    public boolean add(String tag, String postId, String authorId) {
        Map<String, AttributeValue> item = new HashMap<>(key(tag, postId));
        item.put("type", s("tagged"));
        item.put("authorId", s(authorId));
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(sk)").build()).build();
        return committed(put, tag, 1);
    }

    /** Takes {@code postId} off {@code tag}, counting it once. @return false when it was not filed there */
    public boolean remove(String tag, String postId) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(key(tag, postId)).conditionExpression("attribute_exists(sk)").build()).build();
        return committed(delete, tag, -1);
    }

    private boolean committed(TransactWriteItem postItem, String tag, long delta) {
        TransactWriteItem count = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(key(tag, COUNT_SK)).updateExpression("SET #type = :type, tag = :tag ADD posts :delta")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("tagcount"), ":tag", s(tag), ":delta", n(delta)))
                .build()).build();
        var reasons = transactions.write(List.of(postItem, count));
        if (reasons.isEmpty()) {
            return true;
        }
        if (TransactionWriter.failedCondition(reasons.get(), 0)) {
            return false; // a retried step: this post was counted already
        }
        throw new IllegalStateException("hashtag transaction cancelled: " + reasons.get());
    }

    /** The tag's count item (consistent read); zero posts and no rank for a tag never used. */
    public Counted counted(String tag) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(tag, COUNT_SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new Counted(0, null);
        }
        return new Counted(Attrs.number(item, POSTS).orElse(0L),
                Attrs.number(item, INDEXED_RANK).map(Long::intValue).orElse(null));
    }

    /** How many posts each of {@code tags} has (absent: none), in one BatchGet. */
    public Map<String, Long> counts(Collection<String> tags) {
        Map<String, Long> counts = new HashMap<>();
        List<Map<String, AttributeValue>> keys = tags.stream().distinct().map(tag -> key(tag, COUNT_SK)).toList();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            counts.put(string(item, "tag"), Attrs.number(item, POSTS).orElse(0L));
        }
        return counts;
    }

    /**
     * The posts filed under {@code tag} older than {@code beforePostId} (null: from the newest), newest first, at most
     * {@code limit}: one consistent Query below the count item.
     */
    public List<Tagged> newest(String tag, String beforePostId, int limit) {
        var page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk < :before")
                .expressionAttributeValues(Map.of(":pk", s(pk(tag)),
                        ":before", s(beforePostId == null ? COUNT_SK : beforePostId)))
                .scanIndexForward(false).limit(limit).build());
        return page.items().stream().map(item -> new Tagged(string(item, "sk"), string(item, "authorId"))).toList();
    }

    /**
     * Moves {@code tag}'s search items from rank {@code from} to rank {@code to} (either null: none), then records
     * {@code to} on the count item unless another writer recorded a different rank meanwhile. Idempotent: a
     * repeated or interrupted move is finished by the next one.
     */
    public void reindex(String tag, Integer from, Integer to) {
        List<String> prefixes = SearchText.prefixes(SearchText.key(tag));
        List<WriteRequest> writes = new ArrayList<>();
        if (to != null) {
            for (String prefix : prefixes) {
                Map<String, AttributeValue> item = new HashMap<>(searchKey(prefix, to, tag));
                item.put("type", s("tagsearch"));
                item.put("tag", s(tag));
                item.put("key", s(SearchText.key(tag)));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
        }
        if (from != null && !from.equals(to)) {
            prefixes.forEach(prefix -> writes.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder().key(searchKey(prefix, from, tag)).build()).build()));
        }
        batches.write(table, writes);
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_not_exists(indexedRank)";
        if (from != null) {
            condition = "indexedRank = :from";
            values.put(":from", n(from));
        }
        String update = to == null ? "REMOVE indexedRank" : "SET indexedRank = :to";
        if (to != null) {
            values.put(":to", n(to));
        }
        try {
            String conditionExpression = condition;
            dynamo.updateItem(r -> r.tableName(table).key(key(tag, COUNT_SK)).updateExpression(update)
                    .conditionExpression(conditionExpression)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            // Another step moved it after reading a newer count: its rank stands until the tag's next use.
        }
    }

    /**
     * The tags whose search key starts with {@code key}, most used first (by order of magnitude, then by tag), at
     * most {@code limit}: one Query of the partition of the key's first {@value SearchText#MAX_PREFIX} letters
     * (a longer key is matched in full by a filter, so its answer may be short).
     */
    public List<String> tagsStartingWith(String key, int limit) {
        String prefix = key.substring(0, Math.min(SearchText.MAX_PREFIX, key.length()));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .limit(Math.min(100, 2 * limit)); // room for a tag met twice while its rank moves
        if (key.length() > prefix.length()) {
            query.filterExpression("begins_with(#key, :key)").expressionAttributeNames(Map.of("#key", "key"))
                    .expressionAttributeValues(Map.of(":pk", s(SEARCH_PREFIX + prefix), ":key", s(key)));
        } else {
            query.expressionAttributeValues(Map.of(":pk", s(SEARCH_PREFIX + prefix)));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : dynamo.query(query.build()).items()) {
            tags.add(string(item, "tag"));
        }
        return tags.stream().limit(limit).toList();
    }

    /** The rank a tag with {@code posts} posts is found at: 9 minus the count's decimal order; null for none. */
    public static Integer rank(long posts) {
        if (posts <= 0) {
            return null;
        }
        return Math.max(0, 9 - (Long.toString(posts).length() - 1));
    }

    private static String pk(String tag) {
        return PK_PREFIX + tag;
    }

    private static Map<String, AttributeValue> key(String tag, String sk) {
        return Attrs.key(pk(tag), sk);
    }

    private static Map<String, AttributeValue> searchKey(String prefix, int rank, String tag) {
        return Attrs.key(SEARCH_PREFIX + prefix, rank + "#" + tag);
    }
}
