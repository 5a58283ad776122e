package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Whether one account may see another's posts (and so like and comment on them): not if either blocks the
 * other; for a private account, only its followers; always its owner. One BatchGet, consistent reads.
 */
@Singleton
public class PostVisibility {
    private final DynamoDbClient dynamo;
    private final String table;

    public PostVisibility(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    public boolean canSee(String viewerId, String authorId) {
        if (viewerId.equals(authorId)) {
            return true;
        }
        List<Map<String, AttributeValue>> keys = List.of(SocialKeys.profile(authorId),
                SocialKeys.blocks(authorId, viewerId), SocialKeys.blocks(viewerId, authorId),
                SocialKeys.follows(viewerId, authorId));
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                .projectionExpression("pk, sk, #private").expressionAttributeNames(Map.of("#private", "private"))
                .consistentRead(true).build());
        boolean privateAccount = false;
        boolean blocked = false;
        boolean follows = false;
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> asked = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(asked));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                String sk = item.get("sk").s();
                if (sk.equals("PROFILE")) {
                    privateAccount = Boolean.TRUE.equals(item.getOrDefault("private", AttributeValue.fromBool(false)).bool());
                } else if (sk.startsWith("BLOCKS#")) {
                    blocked = true;
                } else if (sk.startsWith("FOLLOWS#")) {
                    follows = true;
                }
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return !blocked && (!privateAccount || follows);
    }
}
