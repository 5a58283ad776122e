package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.local.ApiGateway;
import ru.rossgram.local.HttpApiEvents;

/**
 * Calls the API as a client does, by one of two ways that answer alike: in-process through the local runner's
 * gateway emulation (routes from the template, payload 2.0 events, the functions' Lambda entry points, no
 * sockets), or over real HTTP to a running local runner. Tests speak HTTP-ish calls; nothing here knows a handler
 * by name. Every request and answer is checked against the API contract ({@link ApiContract}).
 */
final class ApiDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Carries one call to the API and brings back its answer. */
    @FunctionalInterface
    private interface Transport {
        Reply send(String method, String path, String query, Map<String, String> headers, byte[] body) throws Exception;
    }

    private final Transport transport;

    /** Every call is checked against the API contract (docs/openapi.yaml) before the test sees its answer. */
    private ApiDriver(Transport transport) {
        this.transport = (method, path, query, headers, body) -> {
            Reply reply = transport.send(method, path, query, headers, body);
            ApiContract.shared().check(method, path, query, headers, body, reply);
            return reply;
        };
    }

    /** The API in this JVM, as a client at {@code sourceIp} reaches it through API Gateway. */
    ApiDriver(ApiGateway gateway, String sourceIp) {
        this((method, path, query, headers, body) -> {
            Map<String, List<String>> multi = new LinkedHashMap<>();
            headers.forEach((name, value) -> multi.put(name, List.of(value)));
            ApiGateway.Response response = gateway.handle(new HttpApiEvents.Request(method, path, query, multi, body, sourceIp));
            return new Reply(response.status(), lowerCased(response.headers()), response.bodyText());
        });
    }

    /**
     * The API served over HTTP at {@code base}, such as a local runner's. A path or query that is no valid URI
     * ({@code %zz}) goes over a plain socket as written ({@link RawHttp}), since {@code HttpClient} cannot send it.
     */
    static ApiDriver overHttp(URI base) {
        return new ApiDriver((method, path, query, headers, body) -> {
            String target = query == null ? path : path + "?" + query;
            URI uri;
            try {
                uri = base.resolve(target);
            } catch (IllegalArgumentException notAUri) {
                return RawHttp.send(base, method, target, headers, body);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), lowerCased(response.headers().map()), response.body());
        });
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of("content-type", "application/json"));
    }

    /** Sends {@code body} (none when null); {@code pathAndQuery} may carry a query string. */
    Reply send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        return sendBytes(method, pathAndQuery, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply sendBytes(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        try {
            return transport.send(method, path, query, headers, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(method + " " + pathAndQuery + " could not be sent", e);
        }
    }

    private static Map<String, String> lowerCased(Map<String, List<String>> headers) {
        Map<String, String> single = new LinkedHashMap<>();
        headers.forEach((name, values) -> single.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return single;
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

        /** A 404 problem: what a caller meets for what does not exist, or must look as if it did not. */
        static void assertNotFound(Reply reply) {
            assertEquals(404, reply.status(), reply.body());
            assertEquals("not-found", reply.problemType());
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
