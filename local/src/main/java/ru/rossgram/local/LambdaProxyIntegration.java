package ru.rossgram.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS's HTTP API Lambda proxy integration: the payload 2.0 event ({@link HttpApiEvents}) to the route's Lambda
 * handler, its result read by the payload 2.0 response rules, {@code 500} when the function fails.
 */
final class LambdaProxyIntegration implements FunctionIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaProxyIntegration.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FunctionHost functions;

    LambdaProxyIntegration(FunctionHost functions) {
        this.functions = functions;
    }

    @Override
    public ApiGateway.Response invoke(HttpApiRoutes.Match match, HttpApiEvents.Request request) {
        String event = HttpApiEvents.event(match, request);
        String result;
        try {
            result = functions.invoke(match.function(), event);
        } catch (RuntimeException e) {
            LOG.error("{} failed on {} {}", match.function().logicalId(), request.method(), request.rawPath(), e);
            return ApiGateway.gatewayMessage(500, "Internal Server Error");
        }
        return toResponse(result);
    }

    /** Payload 2.0 response rules: an object with statusCode is a response; anything else is a 200 JSON body. */
    static ApiGateway.Response toResponse(String result) {
        try {
            JsonNode node = JSON.readTree(result);
            if (node == null || !node.isObject() || !node.has("statusCode")) {
                return new ApiGateway.Response(200, Map.of("content-type", List.of("application/json")),
                        result.getBytes(StandardCharsets.UTF_8));
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            node.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
            node.path("multiValueHeaders").fields().forEachRemaining(h -> {
                List<String> values = new ArrayList<>();
                h.getValue().forEach(v -> values.add(v.asText()));
                headers.put(h.getKey(), values);
            });
            List<String> cookies = new ArrayList<>();
            node.path("cookies").forEach(c -> cookies.add(c.asText()));
            if (!cookies.isEmpty()) {
                headers.put("set-cookie", cookies);
            }
            String body = node.path("body").isNull() || node.path("body").isMissingNode() ? "" : node.path("body").asText();
            boolean base64 = node.path("isBase64Encoded").asBoolean(false);
            return new ApiGateway.Response(node.path("statusCode").asInt(200), headers,
                    base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            // Not the result itself: a response carries tokens and personal data.
            LOG.error("function returned a response the gateway cannot read ({} characters)", result.length(), e);
            return ApiGateway.gatewayMessage(502, "Bad Gateway");
        }
    }
}
