package ru.rossgram.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The Yandex profile's DynamoDB endpoint refuses what YDB's Document API documents it does not take, with the error
 * the SDK surfaces for DynamoDB's own; each call is shown to pass on the AWS profile, so the refusal is the guard's.
 */
class YandexDocumentApiTest extends BothProfiles {

    private static final String TABLE = "rossgram-local-MainTable";

    @Test
    void transactWriteItems_takesAtMost25Actions() {
        DynamoDbException refused = refusedOnYandexOnly(dynamo -> dynamo.transactWriteItems(r -> r.transactItems(
                puts(26))));
        assertValidation(refused, "Member must have length less than or equal to 25");

        yandex.dynamoDbClient().transactWriteItems(r -> r.transactItems(puts(25)));
    }

    @Test
    void transactGetItems_takesAtMost25Actions() {
        IntFunction<List<TransactGetItem>> gets = count -> {
            List<TransactGetItem> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, AttributeValue> key = key("get-" + i);
                items.add(TransactGetItem.builder().get(g -> g.tableName(TABLE).key(key)).build());
            }
            return items;
        };
        DynamoDbException refused = refusedOnYandexOnly(dynamo -> dynamo.transactGetItems(r -> r.transactItems(
                gets.apply(26))));
        assertValidation(refused, "Member must have length less than or equal to 25");

        yandex.dynamoDbClient().transactGetItems(r -> r.transactItems(gets.apply(25)));
    }

    @Test
    void consistentRead_ofTheGlobalIndex_isRefused_asDynamoDbLocalAlreadyDoes() {
        DynamoDbClient dynamo = yandex.dynamoDbClient();
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.query(q -> q.tableName(TABLE)
                        .indexName("gsi1").consistentRead(true)
                        .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("x"))))),
                "Consistent read cannot be true when querying a GSI");
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.scan(r -> r.tableName(TABLE)
                .indexName("gsi1").consistentRead(true))), "Consistent read cannot be true when scanning a GSI");

        dynamo.scan(r -> r.tableName(TABLE).indexName("gsi1"));
        dynamo.scan(r -> r.tableName(TABLE).consistentRead(true));
    }

    @Test
    void select_takesOnlyAllAttributesOrCount() {
        DynamoDbException specific = refusedOnYandexOnly(dynamo -> dynamo.query(q -> q.tableName(TABLE)
                .select(Select.SPECIFIC_ATTRIBUTES).projectionExpression("pk")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("x")))));
        assertValidation(specific, "'SPECIFIC_ATTRIBUTES' at 'select'");
        DynamoDbException projected = refusedOnYandexOnly(dynamo -> dynamo.query(q -> q.tableName(TABLE)
                .indexName("gsi1").select(Select.ALL_PROJECTED_ATTRIBUTES)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s("x")))));
        assertValidation(projected, "'ALL_PROJECTED_ATTRIBUTES' at 'select'");
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.scan(r -> r.tableName(TABLE)
                .select(Select.SPECIFIC_ATTRIBUTES).projectionExpression("pk"))), "at 'select'");

        // Documented: ProjectionExpression without Select, and the two Select values.
        DynamoDbClient dynamo = yandex.dynamoDbClient();
        dynamo.query(q -> q.tableName(TABLE).projectionExpression("pk")
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("x"))));
        dynamo.query(q -> q.tableName(TABLE).select(Select.COUNT)
                .keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("x"))));
        dynamo.scan(r -> r.tableName(TABLE).select(Select.ALL_ATTRIBUTES));
    }

    @Test
    void returnValuesOnConditionCheckFailure_isRefusedOnSingleItemWrites_butNotInTransactions() {
        String id = UUID.randomUUID().toString();
        aws.dynamoDbClient().putItem(r -> r.tableName(TABLE).item(key(id)));
        yandex.dynamoDbClient().putItem(r -> r.tableName(TABLE).item(key(id)));

        DynamoDbException put = refusedOnYandexOnly(dynamo -> dynamo.putItem(r -> r.tableName(TABLE).item(key(id + "-new"))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertValidation(put, "ReturnValuesOnConditionCheckFailure is not a parameter of PutItem");
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.updateItem(r -> r.tableName(TABLE).key(key(id))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", s("1")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))), "of UpdateItem");
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.deleteItem(r -> r.tableName(TABLE).key(key(id + "-gone"))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))), "of DeleteItem");

        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class,
                () -> yandex.dynamoDbClient().transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName(TABLE).item(key(id)).conditionExpression("attribute_not_exists(pk)")
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                        .build())));
        assertEquals("ConditionalCheckFailed", cancelled.cancellationReasons().get(0).code());
        assertEquals(s(id), cancelled.cancellationReasons().get(0).item().get("pk"));
    }

    @Test
    void createTable_takesGlobalIndexesProjectingAll_only() {
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.createTable(table(t -> t
                        .attributeDefinitions(attribute("pk"), attribute("x"))
                        .globalSecondaryIndexes(index("by-x", ProjectionType.KEYS_ONLY))))),
                "supports only ProjectionType ALL on a global secondary index; by-x asks for KEYS_ONLY");
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.createTable(table(t -> t
                        .attributeDefinitions(attribute("pk"), attribute("sk"), attribute("x"))
                        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                        .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-x")
                                .keySchema(key("pk", KeyType.HASH), key("x", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)).build())))),
                "no local secondary indexes");
        assertValidation(refusedOnYandexOnly(dynamo -> dynamo.createTable(table(t -> t.streamSpecification(
                        s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))))),
                "StreamSpecification is not a parameter of CreateTable");

        yandex.dynamoDbClient().createTable(table(t -> t.attributeDefinitions(attribute("pk"), attribute("x"))
                .globalSecondaryIndexes(index("by-x", ProjectionType.ALL))));
    }

    @Test
    void updateTable_addsGlobalIndexesProjectingAll_only() {
        CreateTableRequest plain = table(t -> { });
        aws.dynamoDbClient().createTable(plain);
        yandex.dynamoDbClient().createTable(plain);

        DynamoDbException refused = refusedOnYandexOnly(dynamo -> dynamo.updateTable(r -> r.tableName(plain.tableName())
                .attributeDefinitions(attribute("pk"), attribute("x"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-x")
                        .keySchema(key("x", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("y"))))));
        assertValidation(refused, "by-x asks for INCLUDE");
    }

    @Test
    void partiQl_streams_andOtherUndocumentedOperations_areUnknown() {
        assertUnknownOperation(refusedOnYandexOnly(dynamo -> dynamo.executeStatement(r -> r.statement(
                "SELECT * FROM \"" + TABLE + "\" WHERE pk = 'x'"))), "ExecuteStatement");
        assertUnknownOperation(refusedOnYandexOnly(dynamo -> dynamo.batchExecuteStatement(r -> r.statements(
                s -> s.statement("SELECT * FROM \"" + TABLE + "\" WHERE pk = 'x' AND sk = 'y'")))),
                "BatchExecuteStatement");
        assertUnknownOperation(refusedOnYandexOnly(dynamo -> dynamo.executeTransaction(r -> r.transactStatements(
                s -> s.statement("SELECT * FROM \"" + TABLE + "\" WHERE pk = 'x' AND sk = 'y'")))),
                "ExecuteTransaction");
        assertUnknownOperation(refusedOnYandexOnly(DynamoDbClient::describeLimits), "DescribeLimits");

        aws.dynamoDbClient().describeTable(r -> r.tableName(TABLE));
        try (DynamoDbStreamsClient awsStreams = streams(aws); DynamoDbStreamsClient yandexStreams = streams(yandex)) {
            awsStreams.listStreams();
            assertUnknownOperation(assertThrows(DynamoDbException.class, yandexStreams::listStreams), "ListStreams");
        }
    }

    @Test
    void limitsDynamoDbShares_areRefusedByDynamoDbLocalItself() {
        DynamoDbClient dynamo = yandex.dynamoDbClient();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(key("k" + i));
        }
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.batchGetItem(r -> r.requestItems(
                Map.of(TABLE, KeysAndAttributes.builder().keys(keys).build())))), "Too many items");
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            Map<String, AttributeValue> item = key("w" + i);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.batchWriteItem(r -> r.requestItems(
                Map.of(TABLE, writes)))), "Too many items");
        Map<String, AttributeValue> big = new java.util.HashMap<>(key("big"));
        big.put("v", s("x".repeat(400 * 1024)));
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.putItem(r -> r.tableName(TABLE).item(big))),
                "Item size has exceeded the maximum allowed size");
        Map<String, AttributeValue> emptySet = new java.util.HashMap<>(key("empty-set"));
        emptySet.put("tags", AttributeValue.fromSs(List.of()));
        assertValidation(assertThrows(DynamoDbException.class, () -> dynamo.putItem(r -> r.tableName(TABLE)
                .item(emptySet))), "may not be empty");
    }

    @Test
    void timeToLive_ofTheTemplate_isDescribed() {
        TimeToLiveDescription described = yandex.dynamoDbClient().describeTimeToLive(r -> r.tableName(TABLE))
                .timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, described.timeToLiveStatus());
        assertEquals("expiresAt", described.attributeName());
        assertValidation(assertThrows(DynamoDbException.class, () -> yandex.dynamoDbClient().updateTimeToLive(r -> r
                .tableName(TABLE).timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)))),
                "TimeToLive is already enabled");
    }

    @Test
    void timeToLive_neverDeletesExpiredItems() throws InterruptedException {
        // A table of its own: DynamoDB Local's deletion job reads 20 items a page and pauses between pages.
        CreateTableRequest table = table(t -> { });
        Map<String, AttributeValue> expired = expired(Map.of("pk", s("expired")));
        for (LocalCloud cloud : List.of(aws, yandex)) {
            DynamoDbClient dynamo = cloud.dynamoDbClient();
            dynamo.createTable(table);
            dynamo.updateTimeToLive(r -> r.tableName(table.tableName())
                    .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
            dynamo.putItem(r -> r.tableName(table.tableName()).item(expired));
        }

        Map<String, AttributeValue> key = Map.of("pk", s("expired"));
        assertKeptWhileTheAwsProfileDeletes(() -> stored(aws, table.tableName(), key),
                () -> stored(yandex, table.tableName(), key));
        assertEquals(TimeToLiveStatus.ENABLED, yandex.dynamoDbClient().describeTimeToLive(r -> r
                .tableName(table.tableName())).timeToLiveDescription().timeToLiveStatus());
    }

    @Test
    void timeToLive_ofAMissingTable_isResourceNotFound() {
        DynamoDbException missing = assertThrows(DynamoDbException.class, () -> yandex.dynamoDbClient()
                .describeTimeToLive(r -> r.tableName("no-such-table")));
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
    }

    /** Runs the call on the AWS profile, where it must pass, then on the Yandex one, where it must fail. */
    private static DynamoDbException refusedOnYandexOnly(Consumer<DynamoDbClient> call) {
        call.accept(aws.dynamoDbClient());
        return assertThrows(DynamoDbException.class, () -> call.accept(yandex.dynamoDbClient()));
    }

    private static void assertValidation(DynamoDbException refused, String messagePart) {
        assertEquals(400, refused.statusCode());
        assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
        String message = refused.awsErrorDetails().errorMessage();
        assertTrue(message.contains(messagePart), message);
    }

    private static void assertUnknownOperation(DynamoDbException refused, String operation) {
        assertEquals(400, refused.statusCode());
        assertEquals("UnknownOperationException", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().contains(operation), refused.getMessage());
    }

    /**
     * Waits for DynamoDB Local's deletion job to remove the AWS profile's expired item, then as long again, and
     * checks that the Yandex profile's copy is still there.
     */
    private static void assertKeptWhileTheAwsProfileDeletes(BooleanSupplier awsHasIt, BooleanSupplier yandexHasIt)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofSeconds(30));
        while (awsHasIt.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertFalse(awsHasIt.getAsBoolean(), "the AWS profile deletes expired items");
        Thread.sleep(Duration.between(start, Instant.now()).toMillis());
        assertTrue(yandexHasIt.getAsBoolean(), "the Yandex profile never deletes them");
    }

    private static Map<String, AttributeValue> expired(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put("expiresAt", AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(60).getEpochSecond())));
        return item;
    }

    private static boolean stored(LocalCloud cloud, String table, Map<String, AttributeValue> key) {
        return cloud.dynamoDbClient().getItem(r -> r.tableName(table).key(key).consistentRead(true)).hasItem();
    }

    private static List<TransactWriteItem> puts(int count) {
        String prefix = UUID.randomUUID().toString();
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = key(prefix + "-" + i);
            items.add(TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item)).build());
        }
        return items;
    }

    /** A table keyed by {@code pk} alone, unless {@code customisation} says otherwise. */
    private static CreateTableRequest table(Consumer<CreateTableRequest.Builder> customisation) {
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName("guard-" + UUID.randomUUID())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk"))
                .keySchema(key("pk", KeyType.HASH));
        customisation.accept(table);
        return table.build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
    }

    private static KeySchemaElement key(String attribute, KeyType type) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, ProjectionType projection) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key("x", KeyType.HASH))
                .projection(p -> p.projectionType(projection))
                .build();
    }

    private static DynamoDbStreamsClient streams(LocalCloud cloud) {
        return DynamoDbStreamsClient.builder()
                .endpointOverride(cloud.dynamoEndpoint())
                .region(Region.of(cloud.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", s(id), "sk", s("guard"));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
