package ru.rossgram.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.local.ApiGateway;
import ru.rossgram.local.HttpApiEvents;

/**
 * Calls the API through the local runner's gateway emulation, in-process and without sockets: routes from
 * the template, payload 2.0 events, the functions' Lambda entry points. Tests speak HTTP-ish calls; nothing
 * here knows a handler by name.
 */
final class ApiDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiGateway gateway;
    private final String sourceIp;

    ApiDriver(ApiGateway gateway, String sourceIp) {
        this.gateway = gateway;
        this.sourceIp = sourceIp;
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of("content-type", "application/json"));
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        ApiGateway.Response response = gateway.handle(new HttpApiEvents.Request(method, path, null, multi,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), sourceIp));
        Map<String, String> single = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> single.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return new Reply(response.status(), single, response.bodyText());
    }

    record Reply(int status, Map<String, String> headers, String body) {
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
