package ru.rossgram.localcloud;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.CorsRule;

/**
 * The template's bucket CORS rules in the one form S3Proxy takes: a single, server-wide rule.
 * Several rules (or buckets) are merged into their union, the most permissive reading, because a
 * local stack should not refuse what some bucket in the real one allows. MaxAge has no S3Proxy
 * equivalent and is dropped.
 */
final class S3ProxyCors {

    private S3ProxyCors() {
    }

    /** @return the merged rule, or null when no bucket declares CORS (S3Proxy then sends no CORS headers) */
    static CrossOriginResourceSharing from(List<BucketSpec> buckets) {
        Set<String> origins = new LinkedHashSet<>();
        Set<String> methods = new LinkedHashSet<>();
        Set<String> headers = new LinkedHashSet<>();
        Set<String> exposed = new LinkedHashSet<>();
        boolean any = false;
        for (BucketSpec bucket : buckets) {
            for (CorsRule rule : bucket.corsRules()) {
                any = true;
                origins.addAll(rule.allowedOrigins());
                rule.allowedMethods().forEach(method -> methods.add(method.toUpperCase(Locale.ROOT)));
                headers.addAll(rule.allowedHeaders());
                exposed.addAll(rule.exposedHeaders());
            }
        }
        if (!any) {
            return null;
        }
        List<String> originPatterns = origins.contains("*") ? List.of("*") : originPatterns(origins);
        List<String> allowedHeaders = headers.contains("*") ? List.of("*") : List.copyOf(headers);
        return new CrossOriginResourceSharing(
                originPatterns, List.copyOf(methods), allowedHeaders, List.copyOf(exposed), "false");
    }

    /** S3 origins are literals with at most one '*' wildcard; S3Proxy matches origins as regexes. */
    private static List<String> originPatterns(Set<String> origins) {
        List<String> patterns = new ArrayList<>();
        for (String origin : origins) {
            String[] literals = origin.split("\\*", -1);
            List<String> quoted = new ArrayList<>();
            for (String literal : literals) {
                quoted.add(literal.isEmpty() ? "" : Pattern.quote(literal));
            }
            patterns.add(String.join(".*", quoted));
        }
        return patterns;
    }
}
