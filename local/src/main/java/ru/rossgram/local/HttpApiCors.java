package ru.rossgram.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.localcloud.template.CorsRule;

/** The HTTP API's {@code CorsConfiguration} as the gateway applies it: preflights answered, responses decorated. */
final class HttpApiCors {
    private final CorsRule rule;

    HttpApiCors(CorsRule rule) {
        this.rule = rule;
    }

    /**
     * The headers of a {@code 204} answer to a preflight from {@code origin}, or empty when the origin is not
     * allowed (a {@code 403}).
     */
    Optional<Map<String, String>> preflight(String origin, String requestedHeaders) {
        if (!originAllowed(origin)) {
            return Optional.empty();
        }
        Map<String, String> headers = allowOrigin(origin);
        headers.put("Access-Control-Allow-Methods", String.join(",", rule.allowedMethods()));
        if (!rule.allowedHeaders().isEmpty()) {
            headers.put("Access-Control-Allow-Headers", rule.allowedHeaders().contains("*") && requestedHeaders != null
                    ? requestedHeaders : String.join(",", rule.allowedHeaders()));
        }
        if (rule.maxAge() != null) {
            headers.put("Access-Control-Max-Age", rule.maxAge().toString());
        }
        return Optional.of(headers);
    }

    /** The headers added to any other response to a request from {@code origin}. */
    Map<String, String> decoration(String origin) {
        Map<String, String> headers = allowOrigin(origin);
        if (!rule.exposedHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(",", rule.exposedHeaders()));
        }
        return headers;
    }

    private Map<String, String> allowOrigin(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (rule.allowedOrigins().contains("*")) {
            headers.put("Access-Control-Allow-Origin", "*");
        } else if (originAllowed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    private boolean originAllowed(String origin) {
        return rule.allowedOrigins().contains("*") || rule.allowedOrigins().contains(origin);
    }
}
