package ru.rossgram.shared.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

class TransactionWriterTest {
    /** Records the transactions it is sent and commits each (what DynamoDB would do is not the point here). */
    private static final class RecordingDynamoDb implements DynamoDbClient {
        final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public TransactWriteItemsResponse transactWriteItems(Consumer<TransactWriteItemsRequest.Builder> request) {
            sizes.add(TransactWriteItemsRequest.builder().applyMutation(request).build().transactItems().size());
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private static List<TransactWriteItem> checks(int count) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("t")
                    .key(Map.of("pk", AttributeValue.fromS("K#" + i))).conditionExpression("attribute_exists(pk)")
                    .build()).build());
        }
        return items;
    }

    @Test
    void aTransactionOf25Actions_isSent() {
        RecordingDynamoDb dynamo = new RecordingDynamoDb();
        assertTrue(new TransactionWriter(dynamo).write(checks(TransactionWriter.MAX_ACTIONS)).isEmpty());
        assertEquals(List.of(25), dynamo.sizes);
    }

    @Test
    void aTransactionOf26Actions_isRefusedBeforeAnythingIsSent_asYdbRefusesIt() {
        RecordingDynamoDb dynamo = new RecordingDynamoDb();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TransactionWriter(dynamo).write(checks(26)));
        assertEquals("a transaction holds 1 to 25 actions, not 26", refused.getMessage());
        assertEquals(List.of(), dynamo.sizes);
    }

    @Test
    void anEmptyTransaction_isRefused() {
        RecordingDynamoDb dynamo = new RecordingDynamoDb();
        assertThrows(IllegalArgumentException.class, () -> new TransactionWriter(dynamo).write(List.of()));
        assertEquals(List.of(), dynamo.sizes);
    }
}
