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
 * Yandex API Gateway's {@code cloud_functions} integration with {@code payload_format_version: "1.0"}: the event of
 * {@link YandexGatewayEventWriter} to the route's Yandex Cloud Functions class, its answer read as the platform reads
 * one ({@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code body}, {@code isBase64Encoded}; a name
 * in both header maps takes its {@code multiValueHeaders} values). An answer that is no such object is a
 * {@code 502} {@code ProxyIntegrationError}, as Yandex documents it; a function that fails is a {@code 502} too.
 */
final class YandexFunctionsIntegration implements FunctionIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(YandexFunctionsIntegration.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final YandexFunctionRuntime functions;
    private final YandexGatewayRoutes specification;

    YandexFunctionsIntegration(YandexFunctionRuntime functions, YandexGatewayRoutes specification) {
        this.functions = functions;
        this.specification = specification;
    }

    @Override
    public ApiGateway.Response invoke(HttpApiRoutes.Match match, HttpApiEvents.Request request) {
        String event = YandexGatewayEventWriter.event(specification.of(match, request.rawPath()), request);
        String answer;
        try {
            answer = functions.invoke(match.function(), event);
        } catch (RuntimeException e) {
            LOG.error("{} failed on {} {}", match.function().yandexEntryPoint(), request.method(), request.rawPath(), e);
            return error(502, "UserCodeError", "the function failed");
        }
        return toResponse(answer);
    }

    /** The HTTP answer in a function's JSON answer, or {@code 502} when it holds none. */
    static ApiGateway.Response toResponse(String answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            if (node == null || !node.isObject() || !node.path("statusCode").canConvertToInt()
                    || node.path("statusCode").asInt() < 100 || node.path("statusCode").asInt() > 599) {
                return malformed(answer, "no statusCode");
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> header : fields(node, "headers")) {
                if (!header.getValue().isValueNode()) {
                    return malformed(answer, "a header that is not a string");
                }
                headers.put(header.getKey(), List.of(header.getValue().asText()));
            }
            for (Map.Entry<String, JsonNode> header : fields(node, "multiValueHeaders")) {
                if (!header.getValue().isArray()) {
                    return malformed(answer, "multiValueHeaders with a value that is not a list");
                }
                List<String> values = new ArrayList<>();
                header.getValue().forEach(value -> values.add(value.asText()));
                headers.keySet().removeIf(name -> name.equalsIgnoreCase(header.getKey()));
                headers.put(header.getKey(), values);
            }
            JsonNode body = node.path("body");
            if (!body.isMissingNode() && !body.isNull() && !body.isTextual()) {
                return malformed(answer, "a body that is not a string");
            }
            String text = body.isTextual() ? body.asText() : "";
            byte[] bytes = node.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text)
                    : text.getBytes(StandardCharsets.UTF_8);
            return new ApiGateway.Response(node.path("statusCode").asInt(), headers, bytes);
        } catch (Exception e) {
            return malformed(answer, e.getClass().getSimpleName());
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node, String name) {
        JsonNode object = node.path(name);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        if (object.isObject()) {
            object.fields().forEachRemaining(fields::add);
        } else if (!object.isMissingNode() && !object.isNull()) {
            throw new IllegalArgumentException(name + " is not an object");
        }
        return fields;
    }

    private static ApiGateway.Response malformed(String answer, String why) {
        // Not the answer itself: a response carries tokens and personal data.
        LOG.error("function answered something that is no HTTP response ({}, {} characters)", why, answer.length());
        return error(502, "ProxyIntegrationError", "the function's answer is no HTTP response");
    }

    /** The platform's own error, {@code {"errorMessage":...,"errorType":...}}, as Yandex writes it. */
    private static ApiGateway.Response error(int status, String type, String message) {
        return new ApiGateway.Response(status, Map.of("Content-Type", List.of("application/json")),
                ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
