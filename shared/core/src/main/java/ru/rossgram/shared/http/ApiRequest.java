package ru.rossgram.shared.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * An HTTP request as our functions see it, independent of the cloud's event format.
 * Header names are lower-case; the body is the raw bytes exactly as received.
 *
 * @param routeKey the route the gateway matched, spelled as the template spells it
 *                 ({@code PUT /v1/users/{username}/block}, or {@code $default}); empty when the event named none
 *                 (an old sample event, an adapter that does not know routes). A function serving several routes
 *                 switches on it; nothing derives it from the method and path, so an empty one matches no route.
 */
public record ApiRequest(
        String routeKey,
        String method,
        String path,
        Map<String, String> headers,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        byte[] body,
        String sourceIp,
        String requestId) {

    public ApiRequest {
        routeKey = routeKey == null ? "" : routeKey;
        headers = Map.copyOf(headers);
        pathParameters = Map.copyOf(pathParameters);
        queryParameters = Map.copyOf(queryParameters);
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The 404 route-not-found problem for a route key the function does not serve (or an event that names none). */
    public ProblemException routeNotFound() {
        return new ProblemException(ProblemType.ROUTE_NOT_FOUND, routeKey.isEmpty()
                ? ProblemException.quote(method + " " + path) + " came without a route key, so it names no route here."
                : routeKey + " is not a route here (" + ProblemException.quote(method + " " + path) + ").");
    }
}
