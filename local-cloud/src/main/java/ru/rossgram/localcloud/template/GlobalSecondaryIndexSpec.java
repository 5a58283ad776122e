package ru.rossgram.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One global secondary index of a {@link TableSpec}.
 *
 * @param indexName the index name
 * @param hashKey the partition key attribute
 * @param rangeKey the sort key attribute, or null when the index has none
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the projected attributes when the type is INCLUDE, else empty
 */
public record GlobalSecondaryIndexSpec(
        String indexName, String hashKey, String rangeKey, String projectionType, List<String> nonKeyAttributes) {

    /**
     * Validates and copies the components.
     *
     * @param indexName see {@link #indexName()}
     * @param hashKey see {@link #hashKey()}
     * @param rangeKey see {@link #rangeKey()}
     * @param projectionType see {@link #projectionType()}
     * @param nonKeyAttributes see {@link #nonKeyAttributes()}
     */
    public GlobalSecondaryIndexSpec {
        Objects.requireNonNull(indexName, "indexName");
        Objects.requireNonNull(hashKey, "hashKey");
        Objects.requireNonNull(projectionType, "projectionType");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    static GlobalSecondaryIndexSpec read(TemplateNode index) {
        KeySchema keys = KeySchema.read(index.get("KeySchema"));
        TemplateNode projection = index.get("Projection");
        return new GlobalSecondaryIndexSpec(
                index.get("IndexName").requiredText(),
                keys.hashKey(),
                keys.rangeKey(),
                projection.get("ProjectionType").text("ALL"),
                projection.get("NonKeyAttributes").strings(Map.of()));
    }
}
