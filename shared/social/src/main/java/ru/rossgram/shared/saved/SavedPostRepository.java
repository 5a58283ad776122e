package ru.rossgram.shared.saved;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Saved posts (docs/data-model.md, row 41), two items a save: {@code USER#<uid> / SAVED#<postId>} (saveId,
 * savedAt) answers "is this post saved" by key and makes a second save fail its condition, and
 * {@code SAVES#<uid> / <saveId>} (postId, authorId, gated) orders the list newest first, saveIds being ULIDs.
 * Both are written and deleted in one transaction, so neither outlives the other.
 */
@Singleton
public class SavedPostRepository {
    private static final String SAVED = "SAVED#";
    private static final String GATED = "gated";

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final String table;

    public SavedPostRepository(DynamoDbClient dynamo, BatchWriter batches, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.table = config.table();
    }

    /**
     * One saved post in the list.
     *
     * @param gated whether the post is on sale or for subscribers when saved (fixed at creation), so that a page
     *              reads what may open it in the same batch as the post
     */
    public record SavedItem(String saveId, String postId, String authorId, boolean gated) {
    }

    /**
     * The two puts of a save, each conditioned on its item's absence: a second save of the post fails the first
     * and cancels the transaction, so saving twice counts once.
     */
    public List<TransactWriteItem> saveItems(String userId, SavedItem saved, Instant at) {
        Map<String, AttributeValue> marker = new HashMap<>(markerKey(userId, saved.postId()));
        marker.put("type", s("saved"));
        marker.put("saveId", s(saved.saveId()));
        marker.put("savedAt", s(at.toString()));
        Map<String, AttributeValue> entry = new HashMap<>(entryKey(userId, saved.saveId()));
        entry.put("type", s("save"));
        entry.put("postId", s(saved.postId()));
        entry.put("authorId", s(saved.authorId()));
        if (saved.gated()) {
            entry.put(GATED, AttributeValue.fromBool(true));
        }
        return List.of(put(marker), put(entry));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /**
     * The two deletes of an unsave of the save {@code saveId}: the marker only if it still names that save (an
     * unsave and a save again meanwhile made another), so a race never deletes one save's marker with another's
     * entry.
     */
    public List<TransactWriteItem> unsaveItems(String userId, String postId, String saveId) {
        TransactWriteItem marker = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(markerKey(userId, postId)).conditionExpression("saveId = :seen")
                .expressionAttributeValues(Map.of(":seen", s(saveId))).build()).build();
        TransactWriteItem entry = TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(entryKey(userId, saveId)).build()).build();
        return List.of(marker, entry);
    }

    /**
     * Deletes the saves of posts that no longer exist, both items of each, unconditionally: a deleted post is never
     * published again (ids are not reused), so nothing can save it meanwhile.
     */
    public void forgetDeleted(String userId, List<SavedItem> gone) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (SavedItem item : gone) {
            deletes.add(delete(markerKey(userId, item.postId())));
            deletes.add(delete(entryKey(userId, item.saveId())));
        }
        batches.write(table, deletes);
    }

    private static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    /** The id of {@code userId}'s save of {@code postId}, if she saved it (consistent read). */
    public Optional<String> saveIdOf(String userId, String postId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(markerKey(userId, postId)).consistentRead(true)
                .projectionExpression("saveId")).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attrs.string(item, "saveId"));
    }

    /**
     * Up to {@code limit} + 1 of {@code userId}'s saves made before {@code beforeSaveId} (null: from the newest),
     * newest first, read consistently so that a save or unsave shows on the very next page. The extra one tells
     * whether there is a next page.
     */
    public List<SavedItem> newest(String userId, String beforeSaveId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(entriesPk(userId)));
        String condition = "pk = :pk";
        if (beforeSaveId != null) {
            condition += " AND sk < :before";
            values.put(":before", s(beforeSaveId));
        }
        String keyCondition = condition;
        var response = dynamo.query(r -> r.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit + 1).consistentRead(true));
        List<SavedItem> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(new SavedItem(Attrs.string(item, "sk"), Attrs.string(item, "postId"),
                    Attrs.string(item, "authorId"), item.containsKey(GATED) && Boolean.TRUE.equals(item.get(GATED).bool())));
        }
        return items;
    }

    private static Map<String, AttributeValue> markerKey(String userId, String postId) {
        return Attrs.key(AccountRepository.userPk(userId), SAVED + postId);
    }

    private static Map<String, AttributeValue> entryKey(String userId, String saveId) {
        return Attrs.key(entriesPk(userId), saveId);
    }

    private static String entriesPk(String userId) {
        return "SAVES#" + userId;
    }
}
