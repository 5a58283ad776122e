package ru.rossgram.localcloud.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Physical names for the template's resources: what {@code !Ref} of them resolves to, and what
 * they are created as. A bucket's {@code BucketName} and a table's {@code TableName}, when the
 * template declares them, resolved with parameter defaults and the pseudo parameters of
 * {@link IntrinsicResolver}; otherwise names stable across runs (a persistent data directory finds
 * its tables and buckets again): tables and functions are {@code rossgram-local-<LogicalId>};
 * buckets, which must be lower-case DNS labels, are {@code rossgram-local-<logicalid>}.
 */
public final class PhysicalNames {

    static final String PREFIX = "rossgram-local-";
    private static final int MAX_BUCKET_NAME = 63;
    private static final int MAX_FUNCTION_NAME = 64;

    private final Map<String, String> resourceTypes;
    private final Map<String, String> declared;

    /**
     * Resolves and checks the declared names at once, so that a bad one stops provisioning before
     * anything is created.
     *
     * @param region what {@code AWS::Region} (and the region in {@code AWS::StackId}) resolves to
     * @throws SamTemplateException when a declared name refers to another resource, needs a parameter
     *     without a default, is not a valid name for its service, or gives two buckets (or two tables)
     *     the same name
     */
    public PhysicalNames(SamTemplate template, String region) {
        this.resourceTypes = template.resourceTypes();
        IntrinsicResolver resolver = IntrinsicResolver.forDeclaredNames(template, region);
        Map<String, String> names = new HashMap<>();
        template.declaredNames().forEach((logicalId, expression) -> {
            String name = resolver.resolve(expression.raw(), expression.where());
            if (name != null) {  // AWS::NoValue leaves the name undeclared, as CloudFormation does
                NameRules.check(resourceTypes.get(logicalId), name, expression.where());
                names.put(logicalId, name);
            }
        });
        this.declared = Map.copyOf(names);
        refuseSharedNames();
    }

    /**
     * @throws IllegalArgumentException when the template has no resource {@code logicalId}
     */
    public String of(String logicalId) {
        String type = resourceTypes.get(logicalId);
        if (type == null) {
            throw new IllegalArgumentException("no resource " + logicalId + " in the template");
        }
        String declaredName = declared.get(logicalId);
        if (declaredName != null) {
            return declaredName;
        }
        String name = PREFIX + logicalId;
        return switch (type) {
            case SamTemplate.BUCKET_TYPE -> truncate(name.toLowerCase(Locale.ROOT), MAX_BUCKET_NAME);
            case SamTemplate.FUNCTION_TYPE -> truncate(name, MAX_FUNCTION_NAME);
            default -> name;
        };
    }

    /** One engine holds all buckets (and one all tables): two resources cannot share a name there. */
    private void refuseSharedNames() {
        Map<String, String> owners = new LinkedHashMap<>();
        resourceTypes.forEach((logicalId, type) -> {
            if (type.equals(SamTemplate.BUCKET_TYPE) || type.equals(SamTemplate.TABLE_TYPE)) {
                String name = of(logicalId);
                String owner = owners.putIfAbsent(type + " " + name, logicalId);
                if (owner != null) {
                    throw new SamTemplateException(owner + " and " + logicalId + " are both named " + name);
                }
            }
        });
    }

    private static String truncate(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }
}
