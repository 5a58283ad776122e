package ru.rossgram.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import ru.rossgram.shared.problem.ProblemException;

/**
 * Builds the event Yandex API Gateway sends a {@code cloud_functions} integration with
 * {@code payload_format_version: "1.0"} (AWS's 1.0 shape with Yandex's own request context): the specification's
 * {@code resource} that matched (see {@link YandexGatewayRoutes}) and the {@code path} sent, headers by their
 * canonical names ({@code Content-Type}, as Yandex's examples show them) each in {@code headers} with its last
 * value and in {@code multiValueHeaders} with all, the query likewise, path and query parameters decoded, and the
 * parameters the specification declares (the path's) again in {@code parameters}. A JSON body arrives as text; any
 * other is base64-encoded, as the gateway does.
 */
final class YandexGatewayEventWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Common Log Format, as {@code requestContext.requestTime} is written. */
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private YandexGatewayEventWriter() {
    }

    /**
     * The event for {@code request}, which runs {@code operation} of the gateway specification.
     *
     * @throws ProblemException {@code invalid-request} naming the path parameter, {@code path} or the query
     *                          parameter that is not valid percent-encoded UTF-8 ({@link PercentEncoding})
     */
    static String event(YandexGatewayRoutes.Operation operation, HttpApiEvents.Request request) {
        return event(operation, request, Instant.now(), UUID.randomUUID().toString());
    }

    static String event(YandexGatewayRoutes.Operation operation, HttpApiEvents.Request request, Instant now, String requestId) {
        Map<String, String> pathParameters = new LinkedHashMap<>();
        operation.pathParameters().forEach((name, raw) -> pathParameters.put(name, PercentEncoding.decodePath(
                name.equals(YandexGatewayRoutes.CATCH_ALL_PARAMETER) ? "path" : name, raw)));
        PercentEncoding.decodePath("path", request.rawPath()); // its literal segments too, such as /v1/feed%zz
        Map<String, List<String>> query = QueryStrings.parseAll(request.rawQuery());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) ->
                headers.computeIfAbsent(canonical(name), n -> new ArrayList<>()).addAll(values));

        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", last(headers.get("User-Agent"), ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("identity", identity);
        context.put("httpMethod", request.method());
        context.put("requestId", requestId);
        context.put("requestTime", REQUEST_TIME.format(now));
        context.put("requestTimeEpoch", now.getEpochSecond()); // seconds, as Yandex's example gives it
        context.put("authorizer", Map.of()); // no gateway authorizer: the functions check our own tokens
        context.put("apiGateway", Map.of("operationContext", Map.of()));

        Map<String, List<String>> declared = new LinkedHashMap<>();
        pathParameters.forEach((name, value) -> declared.put(name, List.of(value)));

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "1.0");
        event.put("resource", operation.resource());
        event.put("path", request.rawPath());
        event.put("httpMethod", request.method());
        event.put("headers", lastValues(headers));
        event.put("multiValueHeaders", headers);
        event.put("queryStringParameters", lastValues(query));
        event.put("multiValueQueryStringParameters", query);
        event.put("requestContext", context);
        event.put("pathParameters", pathParameters);
        putBody(event, request.body(), last(headers.get("Content-Type"), ""));
        event.put("parameters", lastValues(declared));
        event.put("multiValueParameters", declared);
        if (operation.operationId() != null) {
            event.put("operationId", operation.operationId());
        }
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of strings and maps always serialises", e);
        }
    }

    /** A JSON body as text (when it is UTF-8), any other base64-encoded; no body is an empty text. */
    private static void putBody(Map<String, Object> event, byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            event.put("body", "");
            event.put("isBase64Encoded", false);
            return;
        }
        String text = isJson(contentType) ? HttpApiEvents.utf8(body) : null;
        event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", text == null);
    }

    private static boolean isJson(String contentType) {
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return mediaType.equalsIgnoreCase("application/json");
    }

    /** A header name as Go's {@code http.CanonicalHeaderKey} writes it: {@code x-rossgram-token} -> {@code X-Rossgram-Token}. */
    static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return canonical.toString();
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, last(values, "")));
        return single;
    }

    private static String last(List<String> values, String absent) {
        return values == null || values.isEmpty() ? absent : values.get(values.size() - 1);
    }
}
