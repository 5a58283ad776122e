package ru.rossgram.shared.uploads;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.media.PhotoRecordItems;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Uploads in the single table: {@code UPLOAD#<uploadId> / UPLOAD}. The item is how a storage event (which
 * names only the object key) finds the upload's owner and post, and how a post claims its photos.
 *
 * <p>Every state change is a conditional write on what the caller saw, handed out as a transaction item so
 * that services can commit it together with the post it affects.
 */
@Singleton
public class UploadRepository {
    private static final String SK = "UPLOAD";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final TransactionWriter transactions;
    private final String table;

    public UploadRepository(DynamoDbClient dynamo, BatchReads batchReads, TransactionWriter transactions,
                            RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.transactions = transactions;
        this.table = config.table();
    }

    /** Records new uploads, all or none. */
    public void create(List<Upload> uploads) {
        List<TransactWriteItem> puts = uploads.stream().map(upload -> TransactWriteItem.builder().put(Put.builder()
                .tableName(table).item(toItem(upload)).conditionExpression("attribute_not_exists(pk)").build()).build()).toList();
        transactions.write(puts).ifPresent(reasons -> {
            throw new IllegalStateException("upload ids are fresh ULIDs, yet recording them failed: " + reasons);
        });
    }

    /**
     * Records {@code upload} unless an upload with its id exists: for ids derived from what they stand for (an
     * imported photo), where a retry computes the same id and must add nothing.
     *
     * @return whether this call recorded it
     */
    public boolean createIfAbsent(Upload upload) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(upload)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public Optional<Upload> find(String uploadId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(uploadId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * The uploads among {@code uploadIds} that exist (consistent reads), by id.
     *
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when the table leaves keys unread past
     *         every retry
     */
    public Map<String, Upload> findAll(Collection<String> uploadIds) {
        Map<String, Upload> found = new HashMap<>();
        if (uploadIds.isEmpty()) {
            return found;
        }
        List<Map<String, AttributeValue>> keys = uploadIds.stream().map(UploadRepository::key).toList();
        batchReads.consistent(table, keys).forEach(item -> {
            Upload upload = fromItem(item);
            found.put(upload.uploadId(), upload);
        });
        return found;
    }

    /**
     * Gives {@code seen} to a post as its photo number {@code index}; it stops expiring. Fails the transaction
     * unless the upload is still the owner's, for posts, in no post, and in the status the caller saw, so two
     * posts racing for one upload cannot both get it.
     */
    public TransactWriteItem attachItem(Upload seen, String postId, int index) {
        return update(Update.builder().tableName(table).key(key(seen.uploadId()))
                .updateExpression("SET postId = :postId, photoIndex = :index REMOVE expiresAt")
                .conditionExpression("ownerId = :owner AND purpose IN (:post, :paidPost) AND attribute_not_exists(postId) AND #status = :seen")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":postId", s(postId), ":index", n(index), ":owner", s(seen.ownerId()),
                        ":post", s(UploadPurpose.POST.wire()), ":paidPost", s(UploadPurpose.PAID_POST.wire()),
                        ":seen", s(seen.status().wire()))));
    }

    /** Records the processing result; only a pending upload still in the post (or in none) the caller saw. */
    public TransactWriteItem markReadyItem(Upload seen, PhotoRecord photo, Instant now) {
        return stillPending(seen, "SET #status = :next, #result = :result, processedAt = :now",
                Map.of("#status", "status", "#result", "result"),
                Map.of(":next", s(UploadStatus.READY.wire()), ":result", PhotoRecordItems.toAttribute(photo), ":now", s(now.toString())));
    }

    /** Records that processing refused the upload; only a pending upload still in the post (or none) the caller saw. */
    public TransactWriteItem markRejectedItem(Upload seen, String reason, Instant now) {
        return stillPending(seen, "SET #status = :next, rejectionReason = :reason, processedAt = :now",
                Map.of("#status", "status"),
                Map.of(":next", s(UploadStatus.REJECTED.wire()), ":reason", s(reason), ":now", s(now.toString())));
    }

    public TransactWriteItem deleteItem(String uploadId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(uploadId)).build()).build();
    }

    private TransactWriteItem stillPending(Upload seen, String updateExpression, Map<String, String> names,
                                           Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":pending", s(UploadStatus.PENDING.wire()));
        String inPost;
        if (seen.postId() == null) {
            inPost = "attribute_not_exists(postId)";
        } else {
            inPost = "postId = :postId";
            all.put(":postId", s(seen.postId()));
        }
        return update(Update.builder().tableName(table).key(key(seen.uploadId()))
                .updateExpression(updateExpression)
                .conditionExpression("#status = :pending AND " + inPost)
                .expressionAttributeNames(names)
                .expressionAttributeValues(all));
    }

    private static TransactWriteItem update(Update.Builder update) {
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private static Map<String, AttributeValue> key(String uploadId) {
        return Attrs.key("UPLOAD#" + uploadId, SK);
    }

    private static Map<String, AttributeValue> toItem(Upload upload) {
        Map<String, AttributeValue> item = new HashMap<>(key(upload.uploadId()));
        item.put("type", s("upload"));
        item.put("uploadId", s(upload.uploadId()));
        item.put("ownerId", s(upload.ownerId()));
        item.put("purpose", s(upload.purpose().wire()));
        item.put("objectKey", s(upload.objectKey()));
        item.put("contentType", s(upload.contentType()));
        item.put("contentLength", n(upload.contentLength()));
        item.put("status", s(upload.status().wire()));
        item.put("createdAt", s(upload.createdAt().toString()));
        item.put("expiresAt", n(upload.expiresAt().getEpochSecond()));
        return item;
    }

    private static Upload fromItem(Map<String, AttributeValue> item) {
        return new Upload(
                string(item, "uploadId"),
                string(item, "ownerId"),
                UploadPurpose.fromWire(string(item, "purpose")).orElseThrow(),
                string(item, "objectKey"),
                string(item, "contentType"),
                Attrs.number(item, "contentLength").orElse(0L),
                UploadStatus.fromWire(string(item, "status")),
                Instant.parse(string(item, "createdAt")),
                Attrs.number(item, "expiresAt").map(Instant::ofEpochSecond).orElse(null),
                string(item, "postId"),
                Attrs.number(item, "photoIndex").map(Long::intValue).orElse(null),
                PhotoRecordItems.fromAttribute(item.get("result")),
                string(item, "rejectionReason"));
    }
}
