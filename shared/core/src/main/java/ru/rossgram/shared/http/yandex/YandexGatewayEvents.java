package ru.rossgram.shared.http.yandex;

import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.http.TextBodies;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * Adapter between Yandex API Gateway (payload 1.0) events and our cloud-neutral request/response, so that a
 * handler sees what it sees on AWS: the route key spelled as the template spells it (method and the
 * gateway's path template, which the generated gateway specification copies from the template), header names
 * in lower case with repeated values joined by commas (as AWS's payload 2.0 joins them), query parameters
 * joined the same way, the body's bytes. {@code X-Rossgram-Token} needs nothing here: it is an ordinary header,
 * and the one a direct invocation keeps after the platform strips {@code Authorization}.
 */
public final class YandexGatewayEvents {
    private YandexGatewayEvents() {
    }

    /**
     * @throws ProblemException {@code invalid-request} for an event that is no HTTP request (no {@code httpMethod}:
     *     a trigger's message, a raw invocation) or whose base64 body is not base64
     */
    public static ApiRequest toRequest(YandexHttpRequest event) {
        if (event == null || event.httpMethod == null || event.httpMethod.isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "The function was invoked with something other than an HTTP request (no httpMethod).");
        }
        String method = event.httpMethod.toUpperCase(Locale.ROOT);
        var context = event.requestContext;
        return new ApiRequest(
                // Without a matched template (a direct invocation) there is no route: never guessed from the path.
                event.resource == null || event.resource.isBlank() ? "" : method + " " + event.resource,
                method,
                event.path == null || event.path.isEmpty() ? "/" : event.path,
                joined(event.headers, event.multiValueHeaders, true),
                withoutNulls(event.pathParameters),
                joined(event.queryStringParameters, event.multiValueQueryStringParameters, false),
                body(event),
                context == null || context.identity == null ? null : context.identity.sourceIp,
                context == null ? null : context.requestId);
    }

    public static YandexHttpResponse toResponse(ApiResponse response) {
        YandexHttpResponse answer = new YandexHttpResponse();
        answer.statusCode = response.statusCode();
        answer.headers = new LinkedHashMap<>(response.headers());
        answer.multiValueHeaders = new LinkedHashMap<>();
        answer.body = response.body();
        answer.isBase64Encoded = false;
        return answer;
    }

    /**
     * One value per name: the multi-value map's values joined by commas where it has the name (it holds them all),
     * else the single-value map's. Header names compare case-insensitively and come out lower-case.
     */
    private static Map<String, String> joined(Map<String, String> single, Map<String, List<String>> multi,
                                              boolean headerNames) {
        Map<String, String> values = new HashMap<>();
        if (single != null) {
            single.forEach((name, value) -> {
                if (name != null && value != null) {
                    values.put(headerNames ? name.toLowerCase(Locale.ROOT) : name, value);
                }
            });
        }
        if (multi != null) {
            Map<String, String> joinedValues = new HashMap<>();
            multi.forEach((name, list) -> {
                if (name == null || list == null) {
                    return;
                }
                List<String> present = list.stream().filter(Objects::nonNull).toList();
                if (!present.isEmpty()) {
                    // Two spellings of one header name ("Accept", "accept") are one header.
                    joinedValues.merge(headerNames ? name.toLowerCase(Locale.ROOT) : name, String.join(",", present),
                            (first, second) -> first + "," + second);
                }
            });
            values.putAll(joinedValues);
        }
        return values;
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> present = new HashMap<>();
        if (map != null) {
            map.forEach((name, value) -> {
                if (name != null && value != null) {
                    present.put(name, value);
                }
            });
        }
        return present;
    }

    private static byte[] body(YandexHttpRequest event) {
        if (event.body == null) {
            return new byte[0];
        }
        if (!event.isBase64Encoded) {
            return TextBodies.utf8(event.body);
        }
        try {
            return Base64.getDecoder().decode(event.body);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The event's body is marked base64 but is not base64.");
        }
    }
}
