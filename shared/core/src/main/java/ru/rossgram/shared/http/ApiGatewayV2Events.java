package ru.rossgram.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Adapter between API Gateway HTTP API (payload 2.0) events and our cloud-neutral request/response. */
public final class ApiGatewayV2Events {
    private ApiGatewayV2Events() {
    }

    public static ApiRequest toRequest(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            // HTTP APIs already lower-case header names; other gateways may not.
            event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        }
        byte[] body = event.getBody() == null ? new byte[0]
                : event.getIsBase64Encoded() ? decodeBase64(event.getBody())
                : TextBodies.utf8(event.getBody());
        return new ApiRequest(
                event.getRouteKey(), // as the gateway sent it: a missing one stays missing, never guessed from the path
                http == null || http.getMethod() == null ? "GET" : http.getMethod().toUpperCase(Locale.ROOT),
                event.getRawPath() == null ? "/" : event.getRawPath(),
                headers,
                orEmpty(event.getPathParameters()),
                orEmpty(event.getQueryStringParameters()),
                body,
                http == null ? null : http.getSourceIp(),
                context == null ? null : context.getRequestId());
    }

    public static APIGatewayV2HTTPResponse toResponse(ApiResponse response) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.statusCode())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            // The gateway promised base64; treat a broken promise as an unreadable body, not a crash.
            return new byte[0];
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
