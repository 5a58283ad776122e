package ru.rossgram.shared.payments.subscriptions;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.KeyRangeQueries;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Subscriptions (docs/data-model.md, rows 28, 28c): {@code USER#<subscriber> / SUBSCRIPTION#<creator>}, on gsi1 as
 * {@code SUBSCRIBERS#<creator>} / {@code <startedAt>#<subscriber>} for the creator's list; and what the renewal job
 * must look at, {@code RENEWAL#<shard 0-7> / <dueAt>#<subscriber>#<creator>}, put and deleted in the same
 * transaction as the subscription's {@code dueAt}, so the job reads a bounded, consistent range of the table per
 * shard instead of a GSI (eventually consistent on YDB) or a Scan.
 */
@Singleton
public class SubscriptionRepository {
    public static final int DUE_SHARDS = 8;
    private static final String SK_PREFIX = "SUBSCRIPTION#";

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriptionRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** What the renewal job finds due: the subscription to read (consistently) and decide on. */
    public record Due(String subscriberId, String creatorId, Instant dueAt) {
    }

    public Optional<Subscription> find(String subscriberId, String creatorId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(subscriberId, creatorId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * The writes that replace {@code seen} (null: none stored yet) by {@code next}: the subscription, conditional on
     * the version read, and its due marker moved when {@code dueAt} changes (1 to 3 actions).
     */
    public List<TransactWriteItem> saveItems(Subscription seen, Subscription next) {
        List<TransactWriteItem> items = new ArrayList<>();
        Put.Builder put = Put.builder().tableName(table).item(toItem(next));
        if (seen == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :seen").expressionAttributeValues(Map.of(":seen", n(seen.version())));
        }
        items.add(TransactWriteItem.builder().put(put.build()).build());
        Instant before = seen == null ? null : seen.dueAt();
        if (!Objects.equals(before, next.dueAt())) {
            if (before != null) {
                items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(dueKey(seen.subscriberId(), seen.creatorId(), before)).build()).build());
            }
            if (next.dueAt() != null) {
                Map<String, AttributeValue> due = new HashMap<>(dueKey(next.subscriberId(), next.creatorId(), next.dueAt()));
                due.put("type", s("renewal-due"));
                due.put("subscriberId", s(next.subscriberId()));
                due.put("creatorId", s(next.creatorId()));
                due.put("dueAt", s(next.dueAt().toString()));
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(due).build()).build());
            }
        }
        return items;
    }

    /** Up to {@code limit} subscriptions of {@code shard} due at or before {@code now}, earliest first (consistent). */
    public List<Due> dueBy(int shard, Instant now, int limit) {
        return KeyRangeQueries.dueBy(dynamo, table, duePk(shard), now, limit).stream()
                .map(item -> new Due(Attrs.string(item, "subscriberId"), Attrs.string(item, "creatorId"),
                        Instant.parse(Attrs.string(item, "dueAt"))))
                .toList();
    }

    /** The subscriber's subscriptions, ended ones too, in creator id order (consistent). */
    public List<Subscription> ofSubscriber(String subscriberId) {
        List<Subscription> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(AccountRepository.userPk(subscriberId)), ":prefix", s(SK_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> found.add(fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /**
     * A page of the creator's subscribers, newest first, from gsi1 (eventually consistent: the list, never a
     * decision, is read from it).
     *
     * @param before the {@link #listPosition} of the last one of the previous page, or null for the first page
     */
    public List<Subscription> ofCreator(String creatorId, String before, int limit) {
        return KeyRangeQueries.newestOnIndex(dynamo, table, subscribersPk(creatorId), before, limit).stream()
                .map(SubscriptionRepository::fromItem).toList();
    }

    /** Where {@code subscription} sits in its creator's list, for a cursor. */
    public static String listPosition(Subscription subscription) {
        return subscription.startedAt() + "#" + subscription.subscriberId();
    }

    /** The shard of the renewal markers a pair's subscription goes to. */
    public static int shardOf(String subscriberId, String creatorId) {
        return Math.floorMod((subscriberId + "#" + creatorId).hashCode(), DUE_SHARDS);
    }

    static Map<String, AttributeValue> key(String subscriberId, String creatorId) {
        return Attrs.key(AccountRepository.userPk(subscriberId), SK_PREFIX + creatorId);
    }

    private static String duePk(int shard) {
        return "RENEWAL#" + shard;
    }

    private static String subscribersPk(String creatorId) {
        return "SUBSCRIBERS#" + creatorId;
    }

    private static Map<String, AttributeValue> dueKey(String subscriberId, String creatorId, Instant dueAt) {
        return Attrs.key(duePk(shardOf(subscriberId, creatorId)), dueAt + "#" + subscriberId + "#" + creatorId);
    }

    private static Map<String, AttributeValue> toItem(Subscription sub) {
        Map<String, AttributeValue> item = new HashMap<>(key(sub.subscriberId(), sub.creatorId()));
        item.put("type", s("subscription"));
        item.put("subscriberId", s(sub.subscriberId()));
        item.put("creatorId", s(sub.creatorId()));
        item.put("tierId", s(sub.tierId()));
        item.put("price", n(sub.price().minor()));
        item.put("currency", s(sub.price().currency()));
        item.put("status", s(sub.status().wire()));
        item.put("anchor", s(sub.anchor().toString()));
        item.put("period", n(sub.period()));
        item.put("paidThrough", s(sub.paidThrough().toString()));
        item.put("provider", s(sub.provider().wire()));
        if (sub.savedMethod() != null) {
            item.put("savedMethod", s(sub.savedMethod()));
        }
        if (sub.pendingTierId() != null) {
            item.put("pendingTierId", s(sub.pendingTierId()));
        }
        item.put("failedAttempts", n(sub.failedAttempts()));
        if (sub.graceUntil() != null) {
            item.put("graceUntil", s(sub.graceUntil().toString()));
        }
        if (sub.dueAt() != null) {
            item.put("dueAt", s(sub.dueAt().toString()));
        }
        item.put("startedAt", s(sub.startedAt().toString()));
        item.put("updatedAt", s(sub.updatedAt().toString()));
        item.put("version", n(sub.version()));
        item.put("gsi1pk", s(subscribersPk(sub.creatorId())));
        item.put("gsi1sk", s(listPosition(sub)));
        return item;
    }

    private static Subscription fromItem(Map<String, AttributeValue> item) {
        String currency = Attrs.string(item, "currency");
        return new Subscription(
                Attrs.string(item, "subscriberId"),
                Attrs.string(item, "creatorId"),
                Attrs.string(item, "tierId"),
                new Money(Attrs.number(item, "price").orElseThrow(), currency),
                Subscription.Status.fromWire(Attrs.string(item, "status")),
                Instant.parse(Attrs.string(item, "anchor")),
                Attrs.number(item, "period").orElseThrow().intValue(),
                Instant.parse(Attrs.string(item, "paidThrough")),
                PaymentProvider.fromWire(Attrs.string(item, "provider")).orElseThrow(),
                Attrs.string(item, "savedMethod"),
                Attrs.string(item, "pendingTierId"),
                Attrs.number(item, "failedAttempts").orElse(0L).intValue(),
                instant(Attrs.string(item, "graceUntil")),
                instant(Attrs.string(item, "dueAt")),
                Instant.parse(Attrs.string(item, "startedAt")),
                Instant.parse(Attrs.string(item, "updatedAt")),
                Attrs.number(item, "version").orElseThrow());
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
