package ru.rossgram.localcloud;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the template's tables that the engine does not have yet, then enables TTL where the
 * template asks for it. Existing tables are left as they are, data included.
 */
final class TableProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TableProvisioner.class);

    private final DynamoDbClient dynamoDb;
    private final PhysicalNames names;

    TableProvisioner(DynamoDbClient dynamoDb, PhysicalNames names) {
        this.dynamoDb = dynamoDb;
        this.names = names;
    }

    void provision(List<TableSpec> tables) {
        Set<String> existing = new HashSet<>(dynamoDb.listTablesPaginator().tableNames().stream().toList());
        for (TableSpec table : tables) {
            String name = names.of(table.logicalId());
            if (!existing.contains(name)) {
                dynamoDb.createTable(createRequest(name, table));
            }
            if (table.ttlAttribute() != null) {
                enableTimeToLive(name, table.ttlAttribute());
            }
        }
    }

    private static CreateTableRequest createRequest(String name, TableSpec table) {
        List<AttributeDefinition> attributes = table.attributeDefinitions().entrySet().stream()
                .map(TableProvisioner::attribute)
                .toList();
        List<GlobalSecondaryIndex> indexes = table.globalSecondaryIndexes().stream()
                .map(index -> GlobalSecondaryIndex.builder()
                        .indexName(index.indexName())
                        .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                        .projection(Projection.builder()
                                .projectionType(index.projectionType())
                                .nonKeyAttributes(index.nonKeyAttributes().isEmpty() ? null : index.nonKeyAttributes())
                                .build())
                        .build())
                .toList();
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(table.hashKey(), table.rangeKey()))
                .globalSecondaryIndexes(indexes.isEmpty() ? null : indexes)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static AttributeDefinition attribute(Map.Entry<String, String> definition) {
        return AttributeDefinition.builder()
                .attributeName(definition.getKey())
                .attributeType(definition.getValue())
                .build();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        KeySchemaElement hash = KeySchemaElement.builder().attributeName(hashKey).keyType(KeyType.HASH).build();
        if (rangeKey == null) {
            return List.of(hash);
        }
        return List.of(hash, KeySchemaElement.builder().attributeName(rangeKey).keyType(KeyType.RANGE).build());
    }

    private void enableTimeToLive(String table, String attribute) {
        try {
            TimeToLiveStatus status = dynamoDb.describeTimeToLive(request -> request.tableName(table))
                    .timeToLiveDescription().timeToLiveStatus();
            // Enabling twice is a ValidationException, and a persistent table keeps its setting.
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
                return;
            }
            dynamoDb.updateTimeToLive(request -> request.tableName(table)
                    .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
        } catch (DynamoDbException e) {
            // Some engines (older DynamoDB Local builds, other emulators) lack TTL; items just never expire.
            LOG.warn("Time to live on {}.{} is not supported by this engine: {}", table, attribute,
                    e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        }
    }
}
