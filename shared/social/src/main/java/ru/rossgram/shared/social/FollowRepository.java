package ru.rossgram.shared.social;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Follow edges and follow requests (docs/data-model.md, rows 11 to 13 and 15).
 *
 * <p>An edge is {@code USER#<follower>} / {@code FOLLOWS#<followee>}, so "whom do I follow" is a query on my
 * partition, and carries {@code gsi1pk = FOLLOWERS#<followee>}, {@code gsi1sk = <time>#<follower>}, so "who follows
 * me, newest first" is a descending query on gsi1. A request is {@code USER#<target>} / {@code FOLLOWREQ#<requester>}
 * with {@code gsi1pk = FOLLOWREQS#<target>}. Times in sort keys have a fixed width (microseconds, UTC), so string
 * order is time order. Writes are transaction items: the services commit them with the counter changes.
 */
@Singleton
public class FollowRepository {
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String FOLLOWS = "FOLLOWS#";
    private static final String REQUEST = "FOLLOWREQ#";

    private final DynamoDbClient dynamo;
    private final String table;

    public FollowRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    // --- writes (transaction items) ------------------------------------------------------------------------

    /** Creates the edge; fails the transaction if it exists, so a repeated follow never counts twice. */
    public TransactWriteItem putEdgeItem(String followerId, String followeeId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(edgeKey(followerId, followeeId));
        item.put("type", s("follow"));
        item.put("followerId", s(followerId));
        item.put("followeeId", s(followeeId));
        item.put("createdAt", s(now.toString()));
        item.put("gsi1pk", s(followersPk(followeeId)));
        item.put("gsi1sk", s(SORTABLE.format(now) + "#" + followerId));
        return putIfAbsent(item);
    }

    /** Deletes the edge; fails the transaction if there is none, so a repeated unfollow never counts twice. */
    public TransactWriteItem deleteEdgeItem(String followerId, String followeeId) {
        return deleteIfPresent(edgeKey(followerId, followeeId));
    }

    /** Records that {@code requesterId} asks to follow {@code targetId}; fails the transaction if already asked. */
    public TransactWriteItem putRequestItem(String targetId, String requesterId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(requestKey(targetId, requesterId));
        item.put("type", s("followRequest"));
        item.put("targetId", s(targetId));
        item.put("requesterId", s(requesterId));
        item.put("createdAt", s(now.toString()));
        item.put("gsi1pk", s(requestsPk(targetId)));
        item.put("gsi1sk", s(SORTABLE.format(now) + "#" + requesterId));
        return putIfAbsent(item);
    }

    /** Deletes the request; fails the transaction if there is none (approved, declined or withdrawn meanwhile). */
    public TransactWriteItem deleteRequestItem(String targetId, String requesterId) {
        return deleteIfPresent(requestKey(targetId, requesterId));
    }

    /** Deletes the request if there is one; never fails the transaction (a repeated decline). */
    public TransactWriteItem deleteRequestIfAnyItem(String targetId, String requesterId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(requestKey(targetId, requesterId)).build()).build();
    }

    /**
     * A check that the item at {@code key} (an edge, a request, a block) does not exist, so a transaction that
     * decided on its absence fails instead of acting on a stale read.
     */
    public TransactWriteItem absentItem(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Deletes the item at {@code key} (an edge or a request) if it exists, else fails the transaction. */
    public TransactWriteItem deleteIfPresent(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression("attribute_exists(pk)").build()).build();
    }

    // --- lists -------------------------------------------------------------------------------------------------

    /** {@code userId}'s followers, newest follow first, from after {@code after} (null: the start). */
    GraphPage followers(String userId, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(followersPk(userId))))
                .scanIndexForward(false);
        return page(query, after == null ? null : followerStartKey(userId, after), limit,
                item -> new GraphPage.Entry(string(item, "followerId"), Instant.parse(string(item, "createdAt"))),
                item -> string(item, "gsi1sk"));
    }

    /** The accounts {@code userId} follows, in key order (by account id), from after {@code after}. */
    GraphPage following(String userId, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :follows)")
                .expressionAttributeValues(Map.of(":pk", s(AccountRepository.userPk(userId)), ":follows", s(FOLLOWS)));
        Map<String, AttributeValue> start = null;
        if (after != null) {
            if (!after.startsWith(FOLLOWS)) {
                throw new IllegalArgumentException("not a position in a following list: " + after);
            }
            start = Map.of("pk", s(AccountRepository.userPk(userId)), "sk", s(after));
        }
        return page(query, start, limit,
                item -> new GraphPage.Entry(string(item, "followeeId"), Instant.parse(string(item, "createdAt"))),
                item -> string(item, "sk"));
    }

    /** Requests to follow {@code targetId}, newest first, from after {@code after}. */
    GraphPage requests(String targetId, String after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(requestsPk(targetId))))
                .scanIndexForward(false);
        Map<String, AttributeValue> start = null;
        if (after != null) {
            start = new HashMap<>(requestKey(targetId, idAfterTime(after)));
            start.put("gsi1pk", s(requestsPk(targetId)));
            start.put("gsi1sk", s(after));
        }
        return page(query, start, limit,
                item -> new GraphPage.Entry(string(item, "requesterId"), Instant.parse(string(item, "createdAt"))),
                item -> string(item, "gsi1sk"));
    }

    // --- reads for feeds -----------------------------------------------------------------------------------------

    /**
     * A slice of {@code userId}'s followers for fan-out: up to {@code limit} ids, newest follow first, after the
     * position {@code after} returned by the previous slice (null: from the start). Positions stay valid when
     * followers come and go; an id may then be missed only if it followed after the walk passed its place.
     *
     * @throws IllegalArgumentException for a position this method did not return
     */
    public FollowerSlice followersAfter(String userId, String after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        GraphPage page = followers(userId, after, limit);
        return new FollowerSlice(page.entries().stream().map(GraphPage.Entry::userId).toList(), page.after());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /**
     * Up to {@code limit} items from {@code start}; asks for one more than {@code limit} so the last page says it
     * is the last (no empty page at the end). Keeps asking while DynamoDB stops early (1 MB pages).
     */
    private GraphPage page(QueryRequest.Builder query, Map<String, AttributeValue> start, int limit,
                           Function<Map<String, AttributeValue>, GraphPage.Entry> entry,
                           Function<Map<String, AttributeValue>, String> position) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        while (items.size() <= limit) {
            QueryRequest request = query.limit(limit + 1 - items.size()).exclusiveStartKey(from).build();
            QueryResponse response = dynamo.query(request);
            items.addAll(response.items());
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            from = response.lastEvaluatedKey();
        }
        boolean more = items.size() > limit;
        List<Map<String, AttributeValue>> shown = more ? items.subList(0, limit) : items;
        return new GraphPage(shown.stream().map(entry).toList(), more ? position.apply(shown.get(shown.size() - 1)) : null);
    }

    private static Map<String, AttributeValue> followerStartKey(String userId, String after) {
        Map<String, AttributeValue> start = new HashMap<>(edgeKey(idAfterTime(after), userId));
        start.put("gsi1pk", s(followersPk(userId)));
        start.put("gsi1sk", s(after));
        return start;
    }

    /** The account id in a {@code <time>#<id>} sort key. */
    private static String idAfterTime(String sortKey) {
        int hash = sortKey.lastIndexOf('#');
        if (hash < 1 || hash == sortKey.length() - 1) {
            throw new IllegalArgumentException("not a position in a list of followers or requests: " + sortKey);
        }
        return sortKey.substring(hash + 1);
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The edge by which {@code follower} follows {@code followee}. */
    public static Map<String, AttributeValue> edgeKey(String follower, String followee) {
        return Attrs.key(AccountRepository.userPk(follower), FOLLOWS + followee);
    }

    /** {@code requester} asked to follow the private account {@code target}. */
    public static Map<String, AttributeValue> requestKey(String target, String requester) {
        return Attrs.key(AccountRepository.userPk(target), REQUEST + requester);
    }

    /** Whether an item of a batch read is a follow edge. */
    public static boolean isFollowEdge(Map<String, AttributeValue> item) {
        return string(item, "sk").startsWith(FOLLOWS);
    }

    /** Whom a follow edge's follower follows. */
    public static String followeeOf(Map<String, AttributeValue> edge) {
        return string(edge, "sk").substring(FOLLOWS.length());
    }

    private static String followersPk(String userId) {
        return "FOLLOWERS#" + userId;
    }

    private static String requestsPk(String userId) {
        return "FOLLOWREQS#" + userId;
    }
}
