package ru.rossgram.shared.search;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The account search index (docs/data-model.md, row 38): {@code SEARCH#<prefix>} / {@code <rank>#<key>#<uid>}, one
 * item per distinct prefix of the account's keys ({@link SearchEntries}), and {@code USER#<uid>} /
 * {@code SEARCHINDEX} recording the keys and rank they were written for, so a re-index deletes exactly the items
 * it no longer wants.
 *
 * <p>Writes are idempotent puts and deletes through {@link BatchWriter}, items first and the record last: a write
 * cut short leaves the record naming what was there before, and the next re-index deletes it and writes again. A
 * stale item can only make a search read one candidate too many, which the search drops against the profile.
 */
@Singleton
public class SearchIndexRepository {
    private static final String PK_PREFIX = "SEARCH#";
    private static final String RECORD_SK = "SEARCHINDEX";
    private static final String USER_ID = "userId";
    private static final String KEYS = "keys";
    private static final String RANK = "rank";

    /** What an account's items were written for: its keys and its rank. */
    public record Indexed(List<String> keys, int rank) {
    }

    /** A candidate of a search: the account, and its keys that begin with the prefix it was found by. */
    public record Hit(String userId, Set<String> keys) {
    }

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final String table;

    public SearchIndexRepository(DynamoDbClient dynamo, BatchWriter batches, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.table = config.table();
    }

    /** The key of {@code userId}'s record, for a caller that reads it with other items. */
    public static Map<String, AttributeValue> recordKey(String userId) {
        return Attrs.key(AccountRepository.userPk(userId), RECORD_SK);
    }

    /** The record among {@code items} of a batch read (what {@code userId}'s items were written for), if any. */
    public static Optional<Indexed> recordAmong(String userId, List<Map<String, AttributeValue>> items) {
        Map<String, AttributeValue> key = recordKey(userId);
        return items.stream()
                .filter(item -> key.get("pk").equals(item.get("pk")) && key.get("sk").equals(item.get("sk")))
                .findFirst()
                .map(SearchIndexRepository::indexed);
    }

    /** What {@code userId}'s items were written for (consistent GetItem), if anything. */
    public Optional<Indexed> record(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(recordKey(userId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(indexed(item));
    }

    /**
     * Replaces the items written for {@code before} (nothing when empty) by those for {@code after}: deletes the
     * items no longer wanted, puts the new or changed ones, then records {@code after}. Nothing happens when
     * {@code after} is what {@code before} recorded.
     *
     * @return the number of items written or deleted, the record included
     * @throws ProblemException 503 {@code busy} when throttling outlasts the batch writer's retries
     */
    public int rewrite(String userId, Optional<Indexed> before, Indexed after) {
        if (before.isPresent() && before.get().equals(after)) {
            return 0;
        }
        List<SearchEntries.Entry> old = before.map(b -> SearchEntries.of(userId, b.keys(), b.rank())).orElse(List.of());
        List<SearchEntries.Entry> wanted = SearchEntries.of(userId, after.keys(), after.rank());
        Set<Map<String, AttributeValue>> wantedKeys = new HashSet<>();
        wanted.forEach(entry -> wantedKeys.add(itemKey(entry)));
        Set<SearchEntries.Entry> unchanged = new HashSet<>(old);
        List<WriteRequest> writes = new ArrayList<>();
        for (SearchEntries.Entry entry : old) {
            if (!wantedKeys.contains(itemKey(entry))) {
                writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(itemKey(entry)).build()).build());
            }
        }
        for (SearchEntries.Entry entry : wanted) {
            if (!unchanged.contains(entry)) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(userId, entry)).build()).build());
            }
        }
        batches.write(table, writes);
        Map<String, AttributeValue> record = new HashMap<>(recordKey(userId));
        record.put("type", s("search-index"));
        record.put(KEYS, AttributeValue.fromL(after.keys().stream().map(Attrs::s).toList()));
        record.put(RANK, n(after.rank()));
        dynamo.putItem(r -> r.tableName(table).item(record));
        return writes.size() + 1;
    }

    /**
     * The accounts found by {@code queryKey} (a non-empty {@link SearchText#key}), best ranked first: one Query of
     * the items of its first {@link SearchText#MAX_PREFIX} letters, at most {@code limit} of them. A longer query
     * keeps only the items with a key that begins with all of it.
     */
    public List<Hit> find(String queryKey, int limit) {
        String prefix = queryKey.substring(0, Math.min(SearchText.MAX_PREFIX, queryKey.length()));
        List<Map<String, AttributeValue>> items = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(PK_PREFIX + prefix)))
                .scanIndexForward(true)
                .limit(limit)).items();
        List<Hit> hits = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            Set<String> keys = Set.copyOf(item.get(KEYS).ss());
            if (SearchEntries.matches(keys, queryKey)) {
                hits.add(new Hit(string(item, USER_ID), keys));
            }
        }
        return hits;
    }

    private static Indexed indexed(Map<String, AttributeValue> record) {
        return new Indexed(record.get(KEYS).l().stream().map(AttributeValue::s).toList(),
                Attrs.number(record, RANK).orElse((long) SearchEntries.LOWEST_RANK).intValue());
    }

    private static Map<String, AttributeValue> itemKey(SearchEntries.Entry entry) {
        return Attrs.key(PK_PREFIX + entry.prefix(), entry.sortKey());
    }

    private static Map<String, AttributeValue> item(String userId, SearchEntries.Entry entry) {
        Map<String, AttributeValue> item = new HashMap<>(itemKey(entry));
        item.put("type", s("search-entry"));
        item.put(USER_ID, s(userId));
        item.put(KEYS, AttributeValue.fromSs(List.copyOf(entry.keys())));
        return item;
    }
}
