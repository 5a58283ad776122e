package ru.rossgram.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemResponses;

/**
 * An HTTP API gateway over the template's routes: matches a request, builds the payload 2.0 event,
 * invokes the route's function and turns its result into an HTTP response, with the gateway's own
 * answers where AWS gives them ({@code 404 Not Found} for no route, {@code 500} for a function error). A URL it
 * cannot decode (a bad percent-escape, bytes that are not UTF-8) is answered {@code 400 invalid-request} as our
 * functions answer a bad request, naming the parameter, and reaches no function.
 */
public final class ApiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpApiRoutes routes;
    private final FunctionHost functions;

    public ApiGateway(HttpApiRoutes routes, FunctionHost functions) {
        this.routes = routes;
        this.functions = functions;
    }

    /** What the gateway answers. Header values of one name are listed separately (Set-Cookie). */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst();
        }
    }

    public Response handle(HttpApiEvents.Request request) {
        Optional<HttpApiRoutes.Match> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            return gatewayMessage(404, "Not Found");
        }
        String event;
        try {
            event = HttpApiEvents.event(match.get(), request);
        } catch (ProblemException e) {
            return problem(e, request.rawPath());
        }
        String result;
        try {
            result = functions.invoke(match.get().function(), event);
        } catch (RuntimeException e) {
            LOG.error("{} failed on {} {}", match.get().function().logicalId(), request.method(), request.rawPath(), e);
            return gatewayMessage(500, "Internal Server Error");
        }
        return toResponse(result);
    }

    public HttpApiRoutes routes() {
        return routes;
    }

    /** Payload 2.0 response rules: an object with statusCode is a response; anything else is a 200 JSON body. */
    static Response toResponse(String result) {
        try {
            JsonNode node = JSON.readTree(result);
            if (node == null || !node.isObject() || !node.has("statusCode")) {
                return new Response(200, Map.of("content-type", List.of("application/json")), result.getBytes(StandardCharsets.UTF_8));
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
            node.path("multiValueHeaders").fields().forEachRemaining(h -> {
                List<String> values = new ArrayList<>();
                h.getValue().forEach(v -> values.add(v.asText()));
                headers.put(h.getKey(), values);
            });
            List<String> cookies = new ArrayList<>();
            node.path("cookies").forEach(c -> cookies.add(c.asText()));
            if (!cookies.isEmpty()) {
                headers.put("set-cookie", cookies);
            }
            String body = node.path("body").isNull() || node.path("body").isMissingNode() ? "" : node.path("body").asText();
            boolean base64 = node.path("isBase64Encoded").asBoolean(false);
            return new Response(node.path("statusCode").asInt(200), headers,
                    base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // Not the result itself: a response carries tokens and personal data.
            LOG.error("function returned a response the gateway cannot read ({} characters)", result.length(), e);
            return gatewayMessage(502, "Bad Gateway");
        }
    }

    /** A problem as our functions answer it: {@code application/problem+json}, from the one shared writer. */
    static Response problem(ProblemException problem, String instance) {
        ApiResponse response = ProblemResponses.of(problem, instance);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        return new Response(response.statusCode(), headers, response.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The gateway's own short answer, {@code {"message":"Not Found"}}, as API Gateway words it. */
    static Response gatewayMessage(int status, String message) {
        return new Response(status, Map.of("content-type", List.of("application/json")),
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
