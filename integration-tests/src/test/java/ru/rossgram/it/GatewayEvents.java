package ru.rossgram.it;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds API Gateway HTTP API (payload 2.0) events as JSON, the way the gateway sends them, and reads them
 * with the Lambda runtime's own serializer, so tests exercise the same path a deployed function does.
 */
final class GatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, GatewayEvents.class.getClassLoader());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private GatewayEvents() {
    }

    static String httpApiJson(String routeKey, String method, String rawPath, Map<String, String> pathParameters,
                              Map<String, String> headers, String body, String sourceIp) {
        Instant now = Instant.now();
        Map<String, String> lowerHeaders = new LinkedHashMap<>();
        lowerHeaders.put("host", "localhost");
        lowerHeaders.put("user-agent", "Rossgram-tests/1.0");
        headers.forEach((name, value) -> lowerHeaders.put(name.toLowerCase(Locale.ROOT), value));
        Map<String, Object> http = Map.of("method", method, "path", rawPath, "protocol", "HTTP/1.1",
                "sourceIp", sourceIp, "userAgent", lowerHeaders.get("user-agent"));
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("accountId", "000000000000");
        requestContext.put("apiId", "local");
        requestContext.put("domainName", "localhost");
        requestContext.put("domainPrefix", "localhost");
        requestContext.put("http", http);
        requestContext.put("requestId", UUID.randomUUID().toString());
        requestContext.put("routeKey", routeKey);
        requestContext.put("stage", "$default");
        requestContext.put("time", TIME.format(now));
        requestContext.put("timeEpoch", now.toEpochMilli());

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", "");
        event.put("headers", lowerHeaders);
        event.put("requestContext", requestContext);
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static APIGatewayV2HTTPEvent parse(String json) {
        return SERIALIZER.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
