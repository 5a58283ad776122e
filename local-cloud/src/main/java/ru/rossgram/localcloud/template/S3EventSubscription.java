package ru.rossgram.localcloud.template;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code S3} event of a function: which bucket notifications invoke it.
 *
 * @param bucketLogicalId the logical id of the bucket the event {@code Ref}s
 * @param events notification types, e.g. {@code s3:ObjectCreated:*}
 * @param prefix the key prefix filter, or null
 * @param suffix the key suffix filter, or null
 */
public record S3EventSubscription(String bucketLogicalId, List<String> events, String prefix, String suffix) {

    /**
     * Validates and copies the components.
     *
     * @param bucketLogicalId see {@link #bucketLogicalId()}
     * @param events see {@link #events()}
     * @param prefix see {@link #prefix()}
     * @param suffix see {@link #suffix()}
     */
    public S3EventSubscription {
        Objects.requireNonNull(bucketLogicalId, "bucketLogicalId");
        events = List.copyOf(events);
    }

    /**
     * @param key an object key
     * @return whether the key passes the prefix and suffix filters
     */
    public boolean matchesKey(String key) {
        return (prefix == null || key.startsWith(prefix)) && (suffix == null || key.endsWith(suffix));
    }

    static S3EventSubscription read(TemplateNode properties) {
        TemplateNode bucket = properties.get("Bucket");
        if (!"Ref".equals(bucket.intrinsicName())) {
            throw new SamTemplateException(bucket.where() + " must be a !Ref to a bucket in this template");
        }
        String prefix = null;
        String suffix = null;
        for (TemplateNode rule : properties.get("Filter").get("S3Key").get("Rules").list()) {
            String name = rule.get("Name").requiredText().toLowerCase(Locale.ROOT);
            String value = rule.get("Value").requiredText();
            switch (name) {
                case "prefix" -> prefix = value;
                case "suffix" -> suffix = value;
                default -> throw new SamTemplateException(rule.where() + ".Name must be prefix or suffix");
            }
        }
        return new S3EventSubscription(bucket.get("Ref").requiredText(),
                properties.get("Events").strings(Map.of()), prefix, suffix);
    }
}
