package ru.rossgram.localcloud.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::S3::Bucket} as the template declares it.
 *
 * @param logicalId the resource's logical id
 * @param corsRules the bucket's CORS rules, in template order (empty when it has none)
 * @param expirationRules the enabled rules of its {@code LifecycleConfiguration}, in template order
 */
public record BucketSpec(String logicalId, List<CorsRule> corsRules, List<ExpirationRule> expirationRules) {

    /**
     * Validates and copies the components.
     *
     * @param logicalId see {@link #logicalId()}
     * @param corsRules see {@link #corsRules()}
     * @param expirationRules see {@link #expirationRules()}
     */
    public BucketSpec {
        Objects.requireNonNull(logicalId, "logicalId");
        corsRules = List.copyOf(corsRules);
        expirationRules = List.copyOf(expirationRules);
    }

    static BucketSpec read(String logicalId, TemplateNode properties, Map<String, String> parameterDefaults) {
        List<CorsRule> rules = properties.get("CorsConfiguration").get("CorsRules").list().stream()
                .map(rule -> CorsRule.read(rule, parameterDefaults))
                .toList();
        List<ExpirationRule> expirations = properties.get("LifecycleConfiguration").get("Rules").list().stream()
                .map(ExpirationRule::read)
                .filter(Objects::nonNull)
                .toList();
        return new BucketSpec(logicalId, rules, expirations);
    }
}
