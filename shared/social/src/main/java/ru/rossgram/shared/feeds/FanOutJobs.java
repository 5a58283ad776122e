package ru.rossgram.shared.feeds;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fan-out jobs: {@code FANOUT#<postId> / JOB#<action>}. The job is the fan-out's only memory: each step reads
 * the cursor, serves the next followers, and moves the cursor on only if it is still the one it read, so two
 * deliveries of one step cannot both move it, and a step that crashed is simply done again.
 */
@Singleton
public class FanOutJobs {
    private static final long KEEP_DONE = 7 * 24 * 3600; // seconds a finished job is kept, for repeated events

    private final DynamoDbClient dynamo;
    private final String table;

    public FanOutJobs(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    public Optional<FanOutJob> find(String postId, FanOutAction action) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(postId, action)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FanOutJob(postId, action, Attrs.string(item, "authorId"), Attrs.string(item, "cursor"),
                Attrs.number(item, "delivered").orElse(0L), bool(item, "done"), bool(item, "skipped")));
    }

    /** Records a new job; false if one exists already (another delivery created it first). */
    public boolean create(FanOutJob job, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.postId(), job.action()));
        item.put("type", s("fanout"));
        item.put("authorId", s(job.authorId()));
        item.put("delivered", n(job.delivered()));
        item.put("done", AttributeValue.fromBool(job.done()));
        item.put("skipped", AttributeValue.fromBool(job.skipped()));
        item.put("createdAt", s(now.toString()));
        if (job.done()) {
            item.put("expiresAt", n(now.getEpochSecond() + KEEP_DONE));
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Moves {@code seen}'s cursor to {@code next} (null: every follower served, the job is done) after
     * {@code served} more feed items.
     *
     * @return false when the cursor is no longer the one in {@code seen}: another delivery moved it
     */
    public boolean advance(FanOutJob seen, String next, int served, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":served", n(served));
        values.put(":done", AttributeValue.fromBool(next == null));
        String update;
        if (next == null) {
            update = "SET done = :done, expiresAt = :expires REMOVE #cursor ADD delivered :served";
            values.put(":expires", n(now.getEpochSecond() + KEEP_DONE));
        } else {
            update = "SET done = :done, #cursor = :next ADD delivered :served";
            values.put(":next", s(next));
        }
        String condition = "done = :notDone AND ";
        values.put(":notDone", AttributeValue.fromBool(false));
        if (seen.cursor() == null) {
            condition += "attribute_not_exists(#cursor)";
        } else {
            condition += "#cursor = :seen";
            values.put(":seen", s(seen.cursor()));
        }
        String finalCondition = condition;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(seen.postId(), seen.action()))
                    .updateExpression(update).conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#cursor", "cursor")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String postId, FanOutAction action) {
        return Attrs.key("FANOUT#" + postId, "JOB#" + action.wire());
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }
}
