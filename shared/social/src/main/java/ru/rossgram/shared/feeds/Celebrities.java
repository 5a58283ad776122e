package ru.rossgram.shared.feeds;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The accounts whose posts are not fanned out: an account becomes one when it publishes with more followers than
 * the threshold, and stays one, marked by an item {@code USER#<uid>} / {@code CELEBRITY}. Its followers' feeds merge
 * its posts in when read, from the list of celebrities each reader's {@link FeedContext} holds. That list is kept by
 * every follow after the mark (which reads the mark once its edge is written) and, for the followers the account
 * had before, by a fan-out job ({@link FanOutAction#MARK}) that writes the mark before it reads any follower: so a
 * follow either sees the mark or is seen by the job.
 */
@Singleton
public class Celebrities {
    private final DynamoDbClient dynamo;
    private final String table;

    public Celebrities(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** Marks {@code userId} as a celebrity; marking it again changes nothing. */
    public void mark(String userId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId));
        item.put("type", s("celebrity"));
        item.put("since", s(now.toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadyOne) {
            // it keeps the first time
        }
    }

    /** Whether {@code userId} is a celebrity, read consistently: the follow that asks has just written its edge. */
    public boolean isCelebrity(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(userId)).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> key(String userId) {
        return Attrs.key(AccountRepository.userPk(userId), "CELEBRITY");
    }
}
