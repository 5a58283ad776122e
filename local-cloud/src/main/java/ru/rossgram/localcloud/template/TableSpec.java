package ru.rossgram.localcloud.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code AWS::DynamoDB::Table} as the template declares it.
 *
 * @param logicalId the resource's logical id
 * @param attributeDefinitions attribute name to type (S, N or B), in template order
 * @param hashKey the partition key attribute
 * @param rangeKey the sort key attribute, or null when the table has none
 * @param globalSecondaryIndexes the global secondary indexes, in template order
 * @param ttlAttribute the time-to-live attribute when TTL is enabled, else null
 */
public record TableSpec(
        String logicalId,
        Map<String, String> attributeDefinitions,
        String hashKey,
        String rangeKey,
        List<GlobalSecondaryIndexSpec> globalSecondaryIndexes,
        String ttlAttribute) {

    /**
     * Validates and copies the components.
     *
     * @param logicalId see {@link #logicalId()}
     * @param attributeDefinitions see {@link #attributeDefinitions()}
     * @param hashKey see {@link #hashKey()}
     * @param rangeKey see {@link #rangeKey()}
     * @param globalSecondaryIndexes see {@link #globalSecondaryIndexes()}
     * @param ttlAttribute see {@link #ttlAttribute()}
     */
    public TableSpec {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(hashKey, "hashKey");
        attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
    }

    /**
     * @param indexName an index name
     * @return the global secondary index of that name, if the table has it
     */
    public Optional<GlobalSecondaryIndexSpec> globalSecondaryIndex(String indexName) {
        return globalSecondaryIndexes.stream().filter(index -> index.indexName().equals(indexName)).findFirst();
    }

    static TableSpec read(String logicalId, TemplateNode properties) {
        if (!properties.get("LocalSecondaryIndexes").isMissing()) {
            // Creating the table without them would hide the gap until a query fails.
            throw new SamTemplateException(properties.where() + ".LocalSecondaryIndexes is not supported locally yet");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (TemplateNode definition : properties.get("AttributeDefinitions").list()) {
            attributes.put(definition.get("AttributeName").requiredText(),
                    definition.get("AttributeType").requiredText());
        }
        KeySchema keys = KeySchema.read(properties.get("KeySchema"));
        List<GlobalSecondaryIndexSpec> indexes = properties.get("GlobalSecondaryIndexes").list().stream()
                .map(GlobalSecondaryIndexSpec::read)
                .toList();
        TemplateNode ttl = properties.get("TimeToLiveSpecification");
        String ttlAttribute = ttl.get("Enabled").isTrue() ? ttl.get("AttributeName").requiredText() : null;
        return new TableSpec(logicalId, attributes, keys.hashKey(), keys.rangeKey(), indexes, ttlAttribute);
    }
}
