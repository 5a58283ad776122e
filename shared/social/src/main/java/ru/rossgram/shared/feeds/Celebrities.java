package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The accounts whose posts are not fanned out (over the threshold when they last published): one item,
 * {@code CELEBRITIES / SET}, a string set of user ids. Readers merge these accounts' posts into the feeds of
 * their followers. The set only grows: an account that drops below the threshold keeps being merged, so
 * none of its posts ever falls out of a feed. Read through a per-container cache
 * ({@link FeedConfig#celebritiesCache()}, a minute), so a feed page does not pay for it.
 */
@Singleton
public class Celebrities {
    private static final Map<String, AttributeValue> KEY = Attrs.key("CELEBRITIES", "SET");

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Set<String> cached;
    private volatile Instant cachedAt = Instant.MIN;

    public Celebrities(DynamoDbClient dynamo, RossgramConfig config, FeedConfig feeds, Clock clock) {
        this.dynamo = dynamo;
        this.table = config.table();
        this.clock = clock;
        this.cacheFor = feeds.celebritiesCache();
    }

    public void add(String userId) {
        dynamo.updateItem(r -> r.tableName(table).key(KEY).updateExpression("ADD ids :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromSs(java.util.List.of(userId)))));
        cached = null;
    }

    /** The set, at most {@link FeedConfig#celebritiesCache()} old in this container. */
    public Set<String> ids() {
        Instant now = clock.instant();
        Set<String> current = cached;
        if (current == null || !now.isBefore(cachedAt.plus(cacheFor))) {
            var item = dynamo.getItem(r -> r.tableName(table).key(KEY)).item();
            AttributeValue ids = item == null ? null : item.get("ids");
            current = ids == null || !ids.hasSs() ? Set.of() : Set.copyOf(ids.ss());
            cached = current;
            cachedAt = now;
        }
        return current;
    }
}
