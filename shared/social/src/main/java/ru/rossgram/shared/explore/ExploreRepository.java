package ru.rossgram.shared.explore;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The explore candidates computed ahead (docs/data-model.md, row 40a): one item {@code EXPLORE} / {@code CURRENT}
 * (computedAt, epoch ms; posts: the ranked list of {postId, authorId, score}), written whole by the explore job and
 * read by key by every explore page. One item keeps a page at one GetItem; its size is bounded by
 * {@link ExploreConfig#candidates()}.
 */
@Singleton
public class ExploreRepository {
    private static final Map<String, AttributeValue> KEY = Attrs.key("EXPLORE", "CURRENT");
    private static final String COMPUTED_AT = "computedAt";
    private static final String POSTS = "posts";

    /** The ranked candidates as of {@code computedAt}, the most popular first. */
    public record Snapshot(Instant computedAt, List<ExploreRanking.Candidate> candidates) {
        public Snapshot {
            candidates = List.copyOf(candidates);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public ExploreRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /**
     * Replaces the snapshot, unless one computed later is stored already (a slow run finishing after a newer one
     * leaves the newer in place).
     *
     * @return whether it was written
     */
    public boolean replace(Snapshot snapshot) {
        Map<String, AttributeValue> item = new HashMap<>(KEY);
        item.put("type", s("explore"));
        item.put(COMPUTED_AT, n(snapshot.computedAt().toEpochMilli()));
        item.put(POSTS, AttributeValue.fromL(snapshot.candidates().stream().map(ExploreRepository::entry).toList()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #at <= :at")
                    .expressionAttributeNames(Map.of("#at", COMPUTED_AT))
                    .expressionAttributeValues(Map.of(":at", n(snapshot.computedAt().toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    /** The current snapshot (consistent GetItem), or empty before the job's first run. */
    public Optional<Snapshot> current() {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(KEY).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<ExploreRanking.Candidate> candidates = item.get(POSTS).l().stream().map(entry -> new ExploreRanking.Candidate(
                entry.m().get("postId").s(), entry.m().get("authorId").s(), Double.parseDouble(entry.m().get("score").n()))).toList();
        return Optional.of(new Snapshot(Instant.ofEpochMilli(Attrs.number(item, COMPUTED_AT).orElseThrow()), candidates));
    }

    private static AttributeValue entry(ExploreRanking.Candidate candidate) {
        String score = BigDecimal.valueOf(candidate.score()).setScale(3, RoundingMode.HALF_UP).toPlainString();
        return AttributeValue.fromM(Map.of("postId", s(candidate.postId()), "authorId", s(candidate.authorId()),
                "score", AttributeValue.fromN(score)));
    }
}
