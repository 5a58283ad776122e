package ru.rossgram.shared.explore;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Recent engagement, the input of explore (docs/data-model.md, row 40): {@code TRENDING#<yyyyMMddHH>#<shard 0-7>} /
 * {@code <postId>} (authorId, score, expiresAt), one item per post and hour that saw a like or comment, its shard
 * the post id's hash, so an hour's posts spread over 8 partitions and one post's engagement stays on one item.
 *
 * <p>Likes and comments {@code ADD} to it inside their own transaction (an unlike or a deleted comment takes its
 * point off in the hour it happens), so the score moves exactly once per action. The explore job reads whole
 * hours; nothing else does. Items expire two days after the longest window the job looks at, and the job never
 * reads hours outside its window, so TTL only tidies up.
 */
@Singleton
public class TrendingRepository {
    public static final int SHARDS = 8;
    /** A like's points. */
    public static final long LIKE_POINTS = 1;
    /**
     * A comment's points: writing one takes more than a tap, so a discussed post outranks one liked as often (an
     * unlike or a deleted comment takes its points back).
     */
    public static final long COMMENT_POINTS = 3;
    private static final String PK_PREFIX = "TRENDING#";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final Duration KEPT = Duration.ofDays(9);

    /** One post's engagement in one hour. */
    public record HourScore(String postId, String authorId, long score) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public TrendingRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The write that adds {@code delta} to the post's score in the hour of {@code at}, committed with the action. */
    public TransactWriteItem engagementItem(String postId, String authorId, long delta, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Attrs.key(pk(at, shardOf(postId)), postId))
                .updateExpression("SET authorId = :author, expiresAt = :expires ADD score :delta")
                .expressionAttributeValues(Map.of(":author", s(authorId), ":delta", n(delta),
                        ":expires", n(at.plus(KEPT).getEpochSecond())))
                .build()).build();
    }

    /** Every post's score in the hour that contains {@code hour}, on one shard (consistent Query, all pages). */
    public List<HourScore> hour(Instant hour, int shard) {
        List<HourScore> scores = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var page = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk").exclusiveStartKey(start)
                    .expressionAttributeValues(Map.of(":pk", s(pk(hour, shard)))).build());
            page.items().forEach(item -> scores.add(new HourScore(string(item, "sk"), string(item, "authorId"),
                    Attrs.number(item, "score").orElse(0L))));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return scores;
    }

    /** The start of the hour {@code at} falls in. */
    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    static int shardOf(String postId) {
        return Math.floorMod(postId.hashCode(), SHARDS);
    }

    private static String pk(Instant at, int shard) {
        return PK_PREFIX + HOUR.format(at) + "#" + shard;
    }
}
