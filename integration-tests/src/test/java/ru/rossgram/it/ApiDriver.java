package ru.rossgram.it;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.localcloud.FunctionSpec;
import ru.rossgram.localcloud.HttpRoute;

/**
 * Drives the API the way the HTTP gateway does: matches a request to a template route, builds the payload 2.0
 * event, invokes that route's function. Tests speak HTTP-ish calls; nothing here knows a handler by name.
 */
final class ApiDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionHost host;
    private final List<FunctionSpec> functions;
    private final String sourceIp;

    ApiDriver(FunctionHost host, List<FunctionSpec> functions, String sourceIp) {
        this.host = host;
        this.functions = functions;
        this.sourceIp = sourceIp;
    }

    /** The same API seen from another client address. */
    ApiDriver from(String sourceIp) {
        return new ApiDriver(host, functions, sourceIp);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of("content-type", "application/json"));
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        for (FunctionSpec function : functions) {
            for (HttpRoute route : function.httpRoutes()) {
                Optional<Map<String, String>> parameters = match(route, method, path);
                if (parameters.isPresent()) {
                    String json = GatewayEvents.httpApiJson(route.method() + " " + route.path(), method, path,
                            parameters.get(), headers, body, sourceIp);
                    return Reply.of(host.invoke(function, GatewayEvents.parse(json)));
                }
            }
        }
        return new Reply(404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
    }

    static Optional<Map<String, String>> match(HttpRoute route, String method, String path) {
        if (!route.method().equals("ANY") && !route.method().equalsIgnoreCase(method)) {
            return Optional.empty();
        }
        List<String> names = new java.util.ArrayList<>();
        Matcher placeholders = Pattern.compile("\\{([^}+]+)(\\+?)}").matcher(route.path());
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(route.path().substring(last, placeholders.start())));
            regex.append(placeholders.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            names.add(placeholders.group(1));
            last = placeholders.end();
        }
        regex.append(Pattern.quote(route.path().substring(last)));
        Matcher matcher = Pattern.compile(regex.toString()).matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            parameters.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(parameters);
    }

    record Reply(int status, Map<String, String> headers, String body) {
        static Reply of(APIGatewayV2HTTPResponse response) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
            }
            return new Reply(response.getStatusCode(), headers, response.getBody());
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }

        /** The problem type's last path segment, e.g. {@code username-taken}. */
        String problemType() {
            if (!"application/problem+json".equals(header("content-type"))) {
                throw new AssertionError("not a problem response: " + status + " " + headers + " " + body);
            }
            String type = json().path("type").asText();
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }
}
