package ru.rossgram.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemResponses;

/**
 * An HTTP API gateway over the template's routes: matches a request and hands it to the route's function through
 * the cloud's {@link FunctionIntegration} (AWS's payload 2.0 to the Lambda handler, or Yandex's payload 1.0 to the
 * Yandex Cloud Functions class), with the gateway's own {@code 404 Not Found} when no route matches. A URL it
 * cannot decode (a bad percent-escape, bytes that are not UTF-8) is answered {@code 400 invalid-request} as our
 * functions answer a bad request, naming the parameter, and reaches no function.
 */
public final class ApiGateway {
    private final HttpApiRoutes routes;
    private final FunctionIntegration integration;

    /** The AWS HTTP API: payload 2.0 events to the Lambda handlers {@code functions} hosts. */
    public ApiGateway(HttpApiRoutes routes, FunctionHost functions) {
        this(routes, new LambdaProxyIntegration(functions));
    }

    public ApiGateway(HttpApiRoutes routes, FunctionIntegration integration) {
        this.routes = routes;
        this.integration = integration;
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
        try {
            return integration.invoke(match.get(), request);
        } catch (ProblemException e) {
            return problem(e, request.rawPath());
        }
    }

    public HttpApiRoutes routes() {
        return routes;
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
