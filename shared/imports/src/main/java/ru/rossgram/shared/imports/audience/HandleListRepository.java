package ru.rossgram.shared.imports.audience;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Accounts' Instagram handle lists (docs/data-model.md, rows 35 and 35a), kept two ways:
 *
 * <ul>
 *   <li>the inverted index, one item per entry: {@code IGHANDLE#<handle>} / {@code <ownerId>#<list>}, so a newcomer
 *       who links {@code handle} finds every list holding it with one Query, however long those lists are;</li>
 *   <li>the list itself in chunks: {@code IGLIST#<ownerId>#<list>} / {@code <index of its first handle, 10 digits>}
 *       holding up to {@value #CHUNK} handles, so an unlink can delete the index items without the export (which
 *       may be gone) at one extra write per {@value #CHUNK} entries, not one per entry.</li>
 * </ul>
 * Both are plain puts at keys fixed by the list's content and position, so writing a chunk again rewrites it.
 */
@Singleton
public class HandleListRepository {
    /** Handles per chunk item: 500 handles of at most 30 characters stay below 16 KB, far below an item's 400 KB. */
    public static final int CHUNK = 500;

    private final DynamoDbClient dynamo;
    private final BatchWriter batchWriter;
    private final String table;

    public HandleListRepository(DynamoDbClient dynamo, BatchWriter batchWriter, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchWriter = batchWriter;
        this.table = config.table();
    }

    /** One chunk of a stored list. */
    public record Chunk(long start, List<String> handles) {
    }

    /** A list holding a handle, found in the index. */
    public record Holder(String ownerId, HandleList list) {
    }

    /** One page of the lists holding a handle, and where the next starts (null: none). */
    public record Holders(List<Holder> holders, Map<String, AttributeValue> next) {
    }

    /** Stores the chunk (the list's copy the unlink deletes from). */
    public void putChunk(String ownerId, HandleList list, Chunk chunk) {
        Map<String, AttributeValue> item = new HashMap<>(chunkKey(ownerId, list, chunk.start()));
        item.put("type", s("instagramHandles"));
        item.put("handles", AttributeValue.fromL(chunk.handles().stream().map(Attrs::s).toList()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** Puts the index items of the chunk's handles, 25 a BatchWriteItem. */
    public void putEntries(String ownerId, HandleList list, List<String> handles) {
        List<WriteRequest> writes = new ArrayList<>();
        for (String handle : handles.stream().distinct().toList()) { // a batch refuses the same key twice
            Map<String, AttributeValue> item = new HashMap<>(entryKey(handle, ownerId, list));
            item.put("type", s("instagramListEntry"));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        batchWriter.write(table, writes);
    }

    /** Deletes the chunk's index items, then the chunk. */
    public void deleteChunk(String ownerId, HandleList list, Chunk chunk) {
        List<WriteRequest> writes = chunk.handles().stream().distinct()
                .map(handle -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(entryKey(handle, ownerId, list)).build()).build())
                .toList();
        batchWriter.write(table, writes);
        dynamo.deleteItem(r -> r.tableName(table).key(chunkKey(ownerId, list, chunk.start())));
    }

    /** The list's first stored chunk, if any is left. */
    public Optional<Chunk> firstChunk(String ownerId, HandleList list) {
        QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true).limit(1)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(chunkPk(ownerId, list)))));
        return response.items().stream().findFirst().map(item -> new Chunk(Long.parseLong(string(item, "sk")),
                item.get("handles").l().stream().map(AttributeValue::s).toList()));
    }

    /** Up to {@code limit} lists holding {@code handle}, from {@code start} (null: the first), read consistently. */
    public Holders holders(String handle, Map<String, AttributeValue> start, int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true).limit(limit)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(entryPk(handle))))
                .exclusiveStartKey(start));
        List<Holder> holders = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String sk = string(item, "sk");
            int hash = sk.lastIndexOf('#');
            String word = sk.substring(hash + 1);
            HandleList list = word.equals(HandleList.FOLLOWERS.word()) ? HandleList.FOLLOWERS : HandleList.FOLLOWING;
            holders.add(new Holder(sk.substring(0, hash), list));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new Holders(holders, more ? response.lastEvaluatedKey() : null);
    }

    /** The key of the index item saying {@code ownerId}'s {@code list} holds {@code handle}. */
    public static Map<String, AttributeValue> entryKey(String handle, String ownerId, HandleList list) {
        return Attrs.key(entryPk(handle), ownerId + "#" + list.word());
    }

    private static String entryPk(String handle) {
        return "IGHANDLE#" + handle;
    }

    private static String chunkPk(String ownerId, HandleList list) {
        return "IGLIST#" + ownerId + "#" + list.word();
    }

    private static Map<String, AttributeValue> chunkKey(String ownerId, HandleList list, long start) {
        return Attrs.key(chunkPk(ownerId, list), String.format("%010d", start));
    }
}
