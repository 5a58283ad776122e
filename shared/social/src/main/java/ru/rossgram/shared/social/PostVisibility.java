package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
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
        List<Map<String, AttributeValue>> keys = List.of(AccountRepository.profileKey(authorId),
                BlockRepository.blockKey(authorId, viewerId), BlockRepository.blockKey(viewerId, authorId),
                FollowRepository.edgeKey(viewerId, authorId));
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
                if (AccountRepository.isProfile(item)) {
                    privateAccount = AccountRepository.isPrivate(item);
                } else if (BlockRepository.isBlock(item)) {
                    blocked = true;
                } else if (FollowRepository.isFollowEdge(item)) {
                    follows = true;
                }
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return !blocked && (!privateAccount || follows);
    }
}
