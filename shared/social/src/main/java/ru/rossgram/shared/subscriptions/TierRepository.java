package ru.rossgram.shared.subscriptions;

import static ru.rossgram.shared.dynamo.Attrs.n;
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
import ru.rossgram.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A creator's subscription tiers (docs/data-model.md, row 28a): {@code USER#<creator> / TIERS}, every tier in one
 * item ({@code tiers}: a list of maps), written whole with {@code version = :seen} so concurrent edits cannot break
 * the rank order or the limit.
 */
@Singleton
public class TierRepository {
    private static final String SK = "TIERS";

    private final DynamoDbClient dynamo;
    private final String table;

    public TierRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The creator's tiers (consistent read); {@link CreatorTiers#none} when none was ever defined. */
    public CreatorTiers find(String creatorId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(creatorId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? CreatorTiers.none(creatorId) : fromItem(item);
    }

    /** The write that replaces {@code seen} by {@code next}; fails if the tiers changed since {@code seen} was read. */
    public TransactWriteItem saveItem(CreatorTiers seen, CreatorTiers next) {
        Put.Builder put = Put.builder().tableName(table).item(toItem(next));
        if (seen.version() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :seen").expressionAttributeValues(Map.of(":seen", n(seen.version())));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    public static Map<String, AttributeValue> key(String creatorId) {
        return Attrs.key(AccountRepository.userPk(creatorId), SK);
    }

    /** Whether an item of a batch read is a creator's tiers. */
    public static boolean isTiers(Map<String, AttributeValue> item) {
        return SK.equals(Attrs.string(item, "sk"));
    }

    public static CreatorTiers fromItem(Map<String, AttributeValue> item) {
        List<Tier> tiers = new ArrayList<>();
        for (AttributeValue value : item.getOrDefault("tiers", AttributeValue.fromL(List.of())).l()) {
            Map<String, AttributeValue> m = value.m();
            String currency = m.get("currency").s();
            tiers.add(new Tier(m.get("tierId").s(), m.get("name").s(), m.get("description").s(),
                    new Money(Long.parseLong(m.get("price").n()), currency), Instant.parse(m.get("priceSince").s()),
                    Integer.parseInt(m.get("rank").n()), Tier.State.fromWire(m.get("state").s()),
                    Instant.parse(m.get("createdAt").s())));
        }
        return new CreatorTiers(Attrs.string(item, "creatorId"), tiers, Attrs.number(item, "version").orElse(0L));
    }

    private static Map<String, AttributeValue> toItem(CreatorTiers tiers) {
        Map<String, AttributeValue> item = new HashMap<>(key(tiers.creatorId()));
        item.put("type", s("tiers"));
        item.put("creatorId", s(tiers.creatorId()));
        item.put("version", n(tiers.version()));
        item.put("tiers", AttributeValue.fromL(tiers.tiers().stream().map(t -> AttributeValue.fromM(Map.of(
                "tierId", s(t.tierId()), "name", s(t.name()), "description", s(t.description()),
                "price", n(t.price().minor()), "currency", s(t.price().currency()),
                "priceSince", s(t.priceSince().toString()), "rank", n(t.rank()), "state", s(t.state().wire()),
                "createdAt", s(t.createdAt().toString())))).toList()));
        return item;
    }
}
