package ru.rossgram.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.ByteBuffer;
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
 * Builds the API Gateway HTTP API (payload format 2.0) event a real gateway sends for a request:
 * lower-case headers (repeated ones joined by commas), cookies split out, path and query parameters decoded
 * (the gateway "decodes URL-encoded request parameters before passing them to your backend integration"), text
 * bodies as they are and binary ones base64-encoded.
 */
public final class HttpApiEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HttpApiEvents() {
    }

    /** An HTTP request as it reached the gateway. Header names in any case; values in arrival order. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp) {
    }

    /**
     * The event for {@code request}, matched to {@code match}.
     *
     * @throws ProblemException {@code invalid-request} naming the path parameter, {@code path} or the query
     *                          parameter that is not valid percent-encoded UTF-8 ({@link PercentEncoding}): such a
     *                          request reaches no function
     */
    public static String event(HttpApiRoutes.Match match, Request request) {
        Map<String, String> pathParameters = new LinkedHashMap<>();
        match.pathParameters().forEach((name, raw) -> pathParameters.put(name, PercentEncoding.decodePath(name, raw)));
        PercentEncoding.decodePath("path", request.rawPath()); // its literal segments too, such as /v1/feed%zz
        Map<String, String> query = QueryStrings.parse(request.rawQuery());
        Instant now = Instant.now();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        String userAgent = headers.getOrDefault("user-agent", "");

        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", userAgent);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", "local");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.routeKey());
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", match.routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        event.put("requestContext", context);
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        byte[] body = request.body();
        if (body != null && body.length > 0) {
            String text = utf8(body);
            event.put("body", text != null ? text : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", text == null);
        } else {
            event.put("isBase64Encoded", false);
        }
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException("an event of strings and maps always serialises", e);
        }
    }

    /** The body as text if it is valid UTF-8, else null (the gateway then base64-encodes it). */
    static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
