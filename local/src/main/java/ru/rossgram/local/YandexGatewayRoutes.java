package ru.rossgram.local;

import java.util.Map;
import java.util.Optional;

/**
 * The operations of the Yandex API Gateway specification that the deploy generates from the template
 * ({@code deploy/yandex}): each route's path with its contract {@code operationId}, and the template's
 * {@code $default} function as {@code x-yc-apigateway-any-method} on every served path, on {@code /} and on the
 * greedy {@value #CATCH_ALL_RESOURCE}. A request the template routes to its {@code $default} function therefore
 * reaches it through one of those: the served path it names (another method), the root, or the greedy path.
 */
final class YandexGatewayRoutes {
    static final String CATCH_ALL_RESOURCE = "/{proxy+}";
    static final String CATCH_ALL_PARAMETER = "proxy";

    private final HttpApiRoutes routes;
    private final OpenApiOperations operations;

    YandexGatewayRoutes(HttpApiRoutes routes, OpenApiOperations operations) {
        this.routes = routes;
        this.operations = operations;
    }

    /**
     * The specification's operation a request for {@code rawPath} runs, given the template's route for it.
     *
     * @param resource       the path template that matched, as the event's {@code resource}
     * @param pathParameters its parameters, still percent-encoded as sent
     * @param operationId    the contract's id of the operation; null for the catch-all's
     */
    record Operation(String resource, Map<String, String> pathParameters, String operationId) {
    }

    Operation of(HttpApiRoutes.Match match, String rawPath) {
        if (!match.route().isDefault()) {
            return new Operation(match.route().path(), match.pathParameters(),
                    operations.operationId(match.route().method(), match.route().path()).orElse(null));
        }
        Optional<HttpApiRoutes.Match> served = routes.matchAnyMethod(rawPath);
        if (served.isPresent()) {
            return new Operation(served.get().route().path(), served.get().pathParameters(), null);
        }
        if (rawPath.equals("/")) {
            return new Operation("/", Map.of(), null);
        }
        // The greedy parameter holds the path after the leading slash.
        return new Operation(CATCH_ALL_RESOURCE, Map.of(CATCH_ALL_PARAMETER, rawPath.substring(1)), null);
    }
}
