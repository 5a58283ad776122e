package ru.rossgram.localcloud;

import java.util.Locale;
import java.util.Objects;

/**
 * A route from an {@code HttpApi} event of a function.
 *
 * @param method the HTTP method in upper case, or ANY
 * @param path the route path as written, e.g. {@code /v1/accounts}
 */
public record HttpRoute(String method, String path) {

    /**
     * Validates the components and upper-cases the method.
     *
     * @param method see {@link #method()}
     * @param path see {@link #path()}
     */
    public HttpRoute {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
    }

    /** The catch-all route's path (and key): API Gateway sends it what no other route matches. */
    public static final String DEFAULT = "$default";

    /** API Gateway's name for the route, as events carry it: {@code GET /v1/me}, or {@code $default}. */
    public String routeKey() {
        return isDefault() ? DEFAULT : method + " " + path;
    }

    public boolean isDefault() {
        return path.equals(DEFAULT);
    }

    static HttpRoute read(TemplateNode properties) {
        // SAM's defaults when an HttpApi event leaves them out: the catch-all route.
        return new HttpRoute(properties.get("Method").text("ANY"), properties.get("Path").text(DEFAULT));
    }
}
