package ru.rossgram.shared.payments.subscriptions;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A creator's subscriber counts (docs/data-model.md, row 28d): {@code USER#<creator> / SUBSCRIBERCOUNTS}, the
 * live subscriptions (active, past due or cancelled with paid time left) in all ({@code total}) and per tier
 * ({@code tier:<tierId>}), moved by {@code ADD} in the transaction that makes a subscription live, ends it or
 * changes its tier, so the counts never drift from the subscriptions.
 */
@Singleton
public class SubscriberCounts {
    private static final String SK = "SUBSCRIBERCOUNTS";
    private static final String TIER_PREFIX = "tier:";

    private final DynamoDbClient dynamo;
    private final String table;

    public SubscriberCounts(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** @param perTier live subscribers by tier id, tiers with none left out */
    public record Counts(long total, Map<String, Long> perTier) {
    }

    /** The creator's counts (consistent read); zeros when nobody ever subscribed. */
    public Counts find(String creatorId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(creatorId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return new Counts(0, Map.of());
        }
        Map<String, Long> perTier = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(TIER_PREFIX) && Long.parseLong(value.n()) > 0) {
                perTier.put(name.substring(TIER_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        return new Counts(Attrs.number(item, "total").orElse(0L), perTier);
    }

    /**
     * The write that moves the counts from {@code before} to {@code after} (either null or not live: not counted),
     * or empty when the change moves no count.
     */
    public Optional<TransactWriteItem> moveItem(Subscription before, Subscription after) {
        Map<String, Long> deltas = new LinkedHashMap<>();
        if (SubscriptionTransitions.live(before)) {
            deltas.merge("total", -1L, Long::sum);
            deltas.merge(TIER_PREFIX + before.tierId(), -1L, Long::sum);
        }
        if (SubscriptionTransitions.live(after)) {
            deltas.merge("total", 1L, Long::sum);
            deltas.merge(TIER_PREFIX + after.tierId(), 1L, Long::sum);
        }
        deltas.values().removeIf(delta -> delta == 0);
        if (deltas.isEmpty()) {
            return Optional.empty();
        }
        String creatorId = (after != null ? after : before).creatorId();
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", s("subscriber-counts")));
        StringBuilder add = new StringBuilder();
        int i = 0;
        for (var delta : deltas.entrySet()) {
            names.put("#c" + i, delta.getKey());
            values.put(":d" + i, n(delta.getValue()));
            add.append(i == 0 ? "ADD " : ", ").append("#c").append(i).append(" :d").append(i);
            i++;
        }
        return Optional.of(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(creatorId))
                .updateExpression(add + " SET #type = :type")
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
    }

    private static Map<String, AttributeValue> key(String creatorId) {
        return Attrs.key(AccountRepository.userPk(creatorId), SK);
    }
}
