package ru.rossgram.shared.http;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as our functions see it, independent of the cloud's event format.
 * Header names are lower-case; the body is the raw bytes exactly as received.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> headers,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        byte[] body,
        String sourceIp,
        String requestId) {

    public ApiRequest {
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
}
