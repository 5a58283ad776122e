package ru.rossgram.localcloud.template;

import java.util.List;
import java.util.Map;

/**
 * One rule of a bucket's {@code CorsConfiguration}.
 *
 * @param allowedMethods HTTP methods, as written (GET, PUT, ...)
 * @param allowedOrigins origins; a {@code Ref} to a parameter is resolved to its default
 * @param allowedHeaders request headers allowed in a preflight, "*" for any
 * @param exposedHeaders response headers exposed to scripts
 * @param maxAge preflight cache seconds, or null when unset
 */
public record CorsRule(
        List<String> allowedMethods,
        List<String> allowedOrigins,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        Integer maxAge) {

    /**
     * Copies the lists.
     *
     * @param allowedMethods see {@link #allowedMethods()}
     * @param allowedOrigins see {@link #allowedOrigins()}
     * @param allowedHeaders see {@link #allowedHeaders()}
     * @param exposedHeaders see {@link #exposedHeaders()}
     * @param maxAge see {@link #maxAge()}
     */
    public CorsRule {
        allowedMethods = List.copyOf(allowedMethods);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    /** Reads an HTTP API's {@code CorsConfiguration}, whose names differ from a bucket's rules. */
    static CorsRule readHttpApi(TemplateNode configuration, Map<String, String> parameterDefaults) {
        return new CorsRule(
                configuration.get("AllowMethods").strings(parameterDefaults),
                configuration.get("AllowOrigins").strings(parameterDefaults),
                configuration.get("AllowHeaders").strings(parameterDefaults),
                configuration.get("ExposeHeaders").strings(parameterDefaults),
                configuration.get("MaxAge").integer());
    }

    static CorsRule read(TemplateNode rule, Map<String, String> parameterDefaults) {
        return new CorsRule(
                rule.get("AllowedMethods").strings(parameterDefaults),
                rule.get("AllowedOrigins").strings(parameterDefaults),
                rule.get("AllowedHeaders").strings(parameterDefaults),
                rule.get("ExposedHeaders").strings(parameterDefaults),
                rule.get("MaxAge").integer());
    }
}
