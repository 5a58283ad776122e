package ru.rossgram.shared.posts;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Who may see a paid post's photos (docs/data-model.md, row 27): {@code USER#<uid> / ACCESS#POST#<pid>} holding
 * the set of payments that bought it. Access is granted and revoked in the transaction that moves the money, and
 * lasts while any of those payments stands, so a refund of a second, accidental purchase leaves the first in force.
 */
@Singleton
public class AccessGrants {
    private static final String SK_PREFIX = "ACCESS#POST#";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;

    public AccessGrants(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    public TransactWriteItem grantItem(String userId, String postId, String paymentId, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(userId, postId))
                .updateExpression("ADD paymentIds :payment SET #type = :type, postId = :post, grantedAt = :at")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":payment", AttributeValue.fromSs(java.util.List.of(paymentId)),
                        ":type", s("access"), ":post", s(postId), ":at", s(at.toString())))
                .build()).build();
    }

    public TransactWriteItem revokeItem(String userId, String postId, String paymentId) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(userId, postId))
                .updateExpression("DELETE paymentIds :payment")
                .expressionAttributeValues(Map.of(":payment", AttributeValue.fromSs(java.util.List.of(paymentId))))
                .build()).build();
    }

    /** Whether {@code userId} bought {@code postId} (consistent read). */
    public boolean has(String userId, String postId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(userId, postId)).consistentRead(true)).item();
        return grants(item);
    }

    /** Which of {@code postIds} {@code userId} bought: consistent BatchGets of 100 keys. */
    public java.util.Set<String> grantedAmong(String userId, java.util.Collection<String> postIds) {
        java.util.Set<String> granted = new java.util.HashSet<>();
        if (postIds.isEmpty()) {
            return granted;
        }
        var keys = postIds.stream().distinct().map(postId -> key(userId, postId)).toList();
        for (var item : batchReads.consistent(table, keys)) {
            if (grants(item)) {
                granted.add(grantedPostOf(item));
            }
        }
        return granted;
    }

    /** Whether a grant item read by {@link #key} (alone or in a batch) gives access. */
    public static boolean grants(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return false;
        }
        AttributeValue payments = item.get("paymentIds");
        return payments != null && payments.hasSs() && !payments.ss().isEmpty();
    }

    /** The post a grant item is of. */
    public static String grantedPostOf(Map<String, AttributeValue> item) {
        return Attrs.string(item, "postId");
    }

    /** Whether an item of a batch read is a grant item. */
    public static boolean isGrant(Map<String, AttributeValue> item) {
        return Attrs.string(item, "sk").startsWith(SK_PREFIX);
    }

    public static Map<String, AttributeValue> key(String userId, String postId) {
        return Attrs.key(AccountRepository.userPk(userId), SK_PREFIX + postId);
    }
}
