package ru.rossgram.localcloud.template;

import java.util.Objects;

/**
 * An enabled rule of a bucket's {@code LifecycleConfiguration} that expires objects under a prefix. The local
 * engines do not expire anything (nothing may depend on it); deployments to other clouds apply it.
 *
 * @param id the rule's {@code Id}, or null
 * @param prefix the key prefix it applies to ({@code ""}: the whole bucket)
 * @param expirationInDays days after creation an object is deleted
 * @param abortIncompleteUploadsAfterDays days after a multipart upload under the prefix began that it is aborted and
 *     its parts dropped ({@code AbortIncompleteMultipartUpload}), or null for none
 */
public record ExpirationRule(String id, String prefix, int expirationInDays, Integer abortIncompleteUploadsAfterDays) {

    /** A rule that only expires objects. */
    public ExpirationRule(String id, String prefix, int expirationInDays) {
        this(id, prefix, expirationInDays, null);
    }

    /**
     * Validates the components.
     *
     * @param id see {@link #id()}
     * @param prefix see {@link #prefix()}
     * @param expirationInDays see {@link #expirationInDays()}
     * @param abortIncompleteUploadsAfterDays see {@link #abortIncompleteUploadsAfterDays()}
     */
    public ExpirationRule {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** @return the rule, or null when it is disabled */
    static ExpirationRule read(TemplateNode rule) {
        if (!"Enabled".equals(rule.get("Status").requiredText())) {
            return null;
        }
        Integer days = rule.get("ExpirationInDays").integer();
        if (days == null) {
            // Transitions and version expiry mean nothing to the clouds we deploy to; refuse rather than drop them.
            throw new SamTemplateException(rule.where() + " must set ExpirationInDays (the only lifecycle action read)");
        }
        return new ExpirationRule(rule.get("Id").text(null), rule.get("Prefix").text(""), days,
                rule.get("AbortIncompleteMultipartUpload").get("DaysAfterInitiation").integer());
    }
}
