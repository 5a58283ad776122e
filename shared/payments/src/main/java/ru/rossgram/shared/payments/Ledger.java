package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The double-entry ledger (docs/data-model.md, rows 25-26): each account's entries at
 * {@code LEDGER#<account> / ENTRY#<entryId>} (immutable; ids are time-ordered) and its balance per currency at
 * {@code LEDGER#<account> / BALANCE#<currency>}. A posting's entries and balance changes go into the caller's
 * transaction, with the event that caused them, so they are written exactly once or not at all.
 */
@Singleton
public class Ledger {
    private static final String ENTRY = "ENTRY#";

    private final DynamoDbClient dynamo;
    private final IdGenerator ids;
    private final String table;

    public Ledger(DynamoDbClient dynamo, IdGenerator ids, RossgramConfig config) {
        this.dynamo = dynamo;
        this.ids = ids;
        this.table = config.table();
    }

    /** One entry as stored, for an account's history. */
    public record StoredEntry(String entryId, String account, Money amount, String kind, String paymentId, String subject,
                              Instant at) {
    }

    /** The writes of {@code posting}: a new entry and a balance change per line. */
    public List<TransactWriteItem> postingItems(Posting posting, Instant at) {
        return postingItems(List.of(posting), at);
    }

    /**
     * The writes of several postings of one transaction: an entry per line, and one balance change per account
     * and currency (a transaction may touch an item once: a sale's fee and the referral reward paid out of it both
     * change the same platform account).
     */
    public List<TransactWriteItem> postingItems(List<Posting> postings, Instant at) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Map<String, AttributeValue>, Long> deltas = new LinkedHashMap<>();
        for (Posting posting : postings) {
            for (Posting.Entry entry : posting.entries()) {
                Map<String, AttributeValue> item = new HashMap<>(Attrs.key(pk(entry.account()), ENTRY + ids.newId()));
                item.put("type", s("ledger-entry"));
                item.put("account", s(entry.account()));
                item.put("amount", n(entry.amount().minor()));
                item.put("currency", s(entry.amount().currency()));
                item.put("kind", s(entry.kind()));
                item.put("paymentId", s(posting.paymentId()));
                item.put("subject", s(posting.subject()));
                item.put("createdAt", s(at.toString()));
                items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(pk)").build()).build());
                deltas.merge(balanceKey(entry.account(), entry.amount().currency()), entry.amount().minor(), Long::sum);
            }
        }
        deltas.forEach((balance, delta) -> items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(balance)
                .updateExpression("ADD balance :delta SET #type = :type")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":delta", n(delta), ":type", s("ledger-balance")))
                .build()).build()));
        return items;
    }

    /** The account's balance in {@code currency} (consistent read); zero for an account with no entries. */
    public Money balance(String account, String currency) {
        var item = dynamo.getItem(r -> r.tableName(table).key(balanceKey(account, currency)).consistentRead(true)).item();
        return new Money(item == null ? 0 : Attrs.number(item, "balance").orElse(0L), currency);
    }

    /** The account's entries older than {@code beforeEntryId} (null: from the newest), newest first. */
    public List<StoredEntry> entries(String account, String beforeEntryId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(account)), ":entry", s(ENTRY)));
        String condition = "pk = :pk AND begins_with(sk, :entry)";
        if (beforeEntryId != null) {
            condition = "pk = :pk AND sk BETWEEN :entry AND :before";
            values.put(":before", s(ENTRY + beforeEntryId));
        }
        String keyCondition = condition;
        List<StoredEntry> entries = new ArrayList<>();
        for (var item : dynamo.query(r -> r.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit + 1).consistentRead(true)).items()) {
            String entryId = Attrs.string(item, "sk").substring(ENTRY.length());
            if (entryId.equals(beforeEntryId)) {
                continue; // BETWEEN includes its bound
            }
            entries.add(new StoredEntry(entryId, Attrs.string(item, "account"),
                    new Money(Attrs.number(item, "amount").orElseThrow(), Attrs.string(item, "currency")),
                    Attrs.string(item, "kind"), Attrs.string(item, "paymentId"), Attrs.string(item, "subject"),
                    Instant.parse(Attrs.string(item, "createdAt"))));
        }
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private static String pk(String account) {
        return "LEDGER#" + account;
    }

    private static Map<String, AttributeValue> balanceKey(String account, String currency) {
        return Attrs.key(pk(account), "BALANCE#" + currency);
    }
}
