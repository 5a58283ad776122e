package ru.rossgram.localcloud;

import java.util.Locale;
import java.util.Map;

/**
 * Local physical names for the template's resources: stable across runs (a persistent data
 * directory finds its tables and buckets again) and valid for each service.
 * Tables and functions are {@code rossgram-local-<LogicalId>}; buckets, which must be lower-case
 * DNS labels, are {@code rossgram-local-<logicalid>}.
 */
final class PhysicalNames {

    static final String PREFIX = "rossgram-local-";
    private static final int MAX_BUCKET_NAME = 63;
    private static final int MAX_FUNCTION_NAME = 64;

    private final Map<String, String> resourceTypes;

    PhysicalNames(Map<String, String> resourceTypes) {
        this.resourceTypes = resourceTypes;
    }

    String of(String logicalId) {
        String type = resourceTypes.get(logicalId);
        if (type == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in the template");
        }
        String name = PREFIX + logicalId;
        return switch (type) {
            case SamTemplate.BUCKET_TYPE -> truncate(name.toLowerCase(Locale.ROOT), MAX_BUCKET_NAME);
            case SamTemplate.FUNCTION_TYPE -> truncate(name, MAX_FUNCTION_NAME);
            default -> name;
        };
    }

    private static String truncate(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }
}
