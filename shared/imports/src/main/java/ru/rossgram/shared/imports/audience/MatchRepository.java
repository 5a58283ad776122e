package ru.rossgram.shared.imports.audience;

import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Matches between accounts that followed each other on Instagram (docs/data-model.md, row 36):
 * {@code IGMATCH#<userId>} / {@code <otherId>}, one item each way, with why ({@code followedYou}: the other
 * followed this account on Instagram; {@code youFollowed}: this account followed the other) and {@code counted},
 * set once the other has been counted among this account's Instagram followers here.
 */
@Singleton
public class MatchRepository {
    private static final String FOLLOWED_YOU = "followedYou";
    private static final String YOU_FOLLOWED = "youFollowed";
    private static final String COUNTED = "counted";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;

    public MatchRepository(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** One account matched with the owner of the match list, and why. */
    public record Match(String otherId, boolean followedYou, boolean youFollowed, boolean counted) {
    }

    /** A page of matches and the sort key to continue after (null: the last page). */
    public record MatchPage(List<Match> matches, String after) {
    }

    /**
     * Records on {@code userId}'s match with {@code otherId} that the other followed them on Instagram; with
     * {@code counting}, also marks it counted and fails the transaction if it was counted already, so the
     * counter beside it moves once per pair.
     */
    public TransactWriteItem followedYouItem(String userId, String otherId, Instant at, boolean counting) {
        Update.Builder update = update(userId, otherId, at, FOLLOWED_YOU, counting ? ", #counted = :t" : "");
        if (counting) {
            update.conditionExpression("attribute_not_exists(#counted)");
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /** Records on {@code userId}'s match with {@code otherId} that they followed the other on Instagram. */
    public TransactWriteItem youFollowedItem(String userId, String otherId, Instant at) {
        return TransactWriteItem.builder().update(update(userId, otherId, at, YOU_FOLLOWED, "").build()).build();
    }

    /** Deletes {@code userId}'s match with {@code otherId} only if it was counted, else fails the transaction. */
    public TransactWriteItem deleteCountedItem(String userId, String otherId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(userId, otherId))
                .conditionExpression("attribute_exists(#counted)")
                .expressionAttributeNames(Map.of("#counted", COUNTED)).build()).build();
    }

    /** Deletes {@code userId}'s match with {@code otherId}, if any. */
    public TransactWriteItem deleteItem(String userId, String otherId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key(userId, otherId)).build())
                .build();
    }

    /** Up to {@code limit} of {@code userId}'s matches in key order, after {@code after} (null: from the first). */
    public MatchPage page(String userId, String after, int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table).consistentRead(true).limit(limit)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk(userId))))
                .exclusiveStartKey(after == null ? null : key(userId, after)));
        List<Match> matches = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            matches.add(match(item));
        }
        boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new MatchPage(matches, more ? string(response.lastEvaluatedKey(), "sk") : null);
    }

    /** Those of {@code otherIds} that {@code userId} has a counted match with (Instagram followers here). */
    public List<String> countedAmong(String userId, Collection<String> otherIds) {
        List<Map<String, AttributeValue>> keys = otherIds.stream().map(other -> key(userId, other)).toList();
        return batchReads.consistent(table, keys).stream().map(MatchRepository::match)
                .filter(Match::counted).map(Match::otherId).toList();
    }

    private static Match match(Map<String, AttributeValue> item) {
        return new Match(string(item, "sk"), flag(item, FOLLOWED_YOU), flag(item, YOU_FOLLOWED), flag(item, COUNTED));
    }

    private static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    private Update.Builder update(String userId, String otherId, Instant at, String why, String more) {
        return Update.builder().tableName(table).key(key(userId, otherId))
                .updateExpression("SET #type = :type, #why = :t, matchedAt = if_not_exists(matchedAt, :at)" + more)
                .expressionAttributeNames(more.isEmpty() ? Map.of("#why", why, "#type", "type")
                        : Map.of("#why", why, "#type", "type", "#counted", COUNTED))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true), ":at", s(at.toString()),
                        ":type", s("instagramMatch")));
    }

    private static String pk(String userId) {
        return "IGMATCH#" + userId;
    }

    private static Map<String, AttributeValue> key(String userId, String otherId) {
        return Attrs.key(pk(userId), otherId);
    }
}
