package ru.rossgram.shared.snapshot;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One real GetItem through the function's own DynamoDB client, of a key that never holds an item: the client's
 * first request (marshalling, signing, the HTTP stack, response parsing, the SDK's lazy classes) is paid before
 * the snapshot. Harmless: it reads nothing and writes nothing. Every function's policy in template.yaml allows
 * GetItem, those that read nothing else only of {@link #KEY} (a {@code dynamodb:LeadingKeys} condition).
 */
@Singleton
public class DynamoDbPriming implements PrimingStep {
    /** The partition and sort key read; no aggregate's keys look like it, so no item ever has it. */
    public static final String KEY = "SNAPSHOT#PRIMING";

    @Override
    public List<String> prime(BeanContext context) {
        if (context.getActiveBeanRegistrations(DynamoDbClient.class).isEmpty()) {
            return List.of();
        }
        DynamoDbClient dynamoDb = context.getBean(DynamoDbClient.class);
        String table = context.getBean(RossgramConfig.class).table();
        dynamoDb.getItem(get -> get.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(KEY), "sk", AttributeValue.fromS(KEY))));
        return List.of("DynamoDB GetItem");
    }
}
