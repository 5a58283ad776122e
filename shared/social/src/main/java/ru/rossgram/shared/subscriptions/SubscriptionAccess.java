package ru.rossgram.shared.subscriptions;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a subscriber may see of a creator (docs/data-model.md, row 28b): {@code USER#<subscriber> /
 * SUBACCESS#<creator>} (tierId, accessUntil). The billing writes it in the same transaction as every change
 * of the subscription (paid, renewed, past due with its grace, upgraded, refunded, ended), so the readers of posts
 * need one item, never the subscription: access holds while {@code now < accessUntil}, at the rank the tier has now
 * ({@link CreatorTiers#rankOf}).
 */
@Singleton
public class SubscriptionAccess {
    private static final String SK_PREFIX = "SUBACCESS#";

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriptionAccess(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /**
     * A subscriber's access to a creator's posts.
     *
     * @param accessUntil the end of what was paid for, or of the grace window of a past-due renewal
     */
    public record Access(String subscriberId, String creatorId, String tierId, Instant accessUntil) {
        /** Whether a post needing {@code minRank} is open to this subscriber at {@code now}, given the creator's tiers. */
        public boolean opens(int minRank, CreatorTiers tiers, Instant now) {
            return now.isBefore(accessUntil) && tiers.rankOf(tierId) >= minRank;
        }
    }

    /** The subscriber's access to the creator (consistent read), if any was ever written. */
    public Optional<Access> find(String subscriberId, String creatorId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(subscriberId, creatorId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The write that sets the access (in the billing's transaction). */
    public TransactWriteItem putItem(Access access) {
        Map<String, AttributeValue> item = new HashMap<>(key(access.subscriberId(), access.creatorId()));
        item.put("type", s("subscription-access"));
        item.put("subscriberId", s(access.subscriberId()));
        item.put("creatorId", s(access.creatorId()));
        item.put("tierId", s(access.tierId()));
        item.put("accessUntil", s(access.accessUntil().toString()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    /** The write that takes the access away (a refund, an end). */
    public TransactWriteItem deleteItem(String subscriberId, String creatorId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(subscriberId, creatorId))
                .build()).build();
    }

    public static Map<String, AttributeValue> key(String subscriberId, String creatorId) {
        return Attrs.key(AccountRepository.userPk(subscriberId), SK_PREFIX + creatorId);
    }

    /** Whether an item of a batch read is an access item. */
    public static boolean isAccess(Map<String, AttributeValue> item) {
        return Attrs.string(item, "sk").startsWith(SK_PREFIX);
    }

    public static Access fromItem(Map<String, AttributeValue> item) {
        return new Access(Attrs.string(item, "subscriberId"), Attrs.string(item, "creatorId"),
                Attrs.string(item, "tierId"), Instant.parse(Attrs.string(item, "accessUntil")));
    }
}
