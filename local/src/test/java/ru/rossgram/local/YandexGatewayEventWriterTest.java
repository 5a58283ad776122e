package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.shared.problem.ProblemException;

/** The payload 1.0 event the runner's Yandex API Gateway builds for a request, field by field. */
class YandexGatewayEventWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T01:02:03Z");
    private static final OpenApiOperations CONTRACT = OpenApiOperations.read(Path.of("../docs/openapi.yaml"));
    private static final HttpApiRoutes ROUTES = new HttpApiRoutes(List.of(
            function("Comments", new HttpRoute("GET", "/v1/posts/{postId}/comments")),
            function("Webhook", new HttpRoute("POST", "/v1/webhooks/{provider}")),
            function("NotFound", new HttpRoute("ANY", HttpRoute.DEFAULT))));
    private static final YandexGatewayRoutes SPECIFICATION = new YandexGatewayRoutes(ROUTES, CONTRACT);

    private static FunctionSpec function(String name, HttpRoute route) {
        return new FunctionSpec(name, null, "ru.rossgram.local." + name + "Handler", 512, 15, Map.of(), List.of(route), List.of());
    }

    private static JsonNode event(String method, String path, String query, Map<String, List<String>> headers, byte[] body) throws Exception {
        HttpApiEvents.Request request = new HttpApiEvents.Request(method, path, query, headers, body, "203.0.113.9");
        HttpApiRoutes.Match match = ROUTES.match(method, path).orElseThrow();
        return JSON.readTree(YandexGatewayEventWriter.event(SPECIFICATION.of(match, path), request, NOW, "req-1"));
    }

    @Test
    void aRequestWithPathAndRepeatedQueryParameters_becomesThePayload10Event() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-rossgram-token", List.of("tok"));
        headers.put("user-agent", List.of("RossgramApp/1.0"));
        headers.put("accept-language", List.of("ru", "en"));
        JsonNode event = event("GET", "/v1/posts/01J%20X/comments", "limit=5&tag=a&tag=b%20c", headers, new byte[0]);

        assertEquals("1.0", event.path("version").asText());
        assertEquals("/v1/posts/{postId}/comments", event.path("resource").asText());
        assertEquals("/v1/posts/01J%20X/comments", event.path("path").asText());
        assertEquals("GET", event.path("httpMethod").asText());
        assertEquals("01J X", event.at("/pathParameters/postId").asText());
        assertEquals("b c", event.at("/queryStringParameters/tag").asText(), "the last value, as in AWS's 1.0");
        assertEquals(List.of("a", "b c"), strings(event.at("/multiValueQueryStringParameters/tag")));
        assertEquals("tok", event.at("/headers/X-Rossgram-Token").asText(), "canonical header names");
        assertEquals(List.of("ru", "en"), strings(event.at("/multiValueHeaders/Accept-Language")));
        assertEquals("en", event.at("/headers/Accept-Language").asText());

        JsonNode context = event.path("requestContext");
        assertEquals("203.0.113.9", context.at("/identity/sourceIp").asText());
        assertEquals("RossgramApp/1.0", context.at("/identity/userAgent").asText());
        assertEquals("GET", context.path("httpMethod").asText());
        assertEquals("req-1", context.path("requestId").asText());
        assertEquals("07/Dec/2026:01:02:03 +0000", context.path("requestTime").asText());
        assertEquals(NOW.getEpochSecond(), context.path("requestTimeEpoch").asLong());
        assertTrue(context.path("authorizer").isObject());
        assertTrue(context.at("/apiGateway/operationContext").isObject());

        // What the generated gateway specification declares for the operation: its path's parameters.
        assertEquals(Map.of("postId", "01J X"), JSON.convertValue(event.path("parameters"), Map.class));
        assertEquals(List.of("01J X"), strings(event.at("/multiValueParameters/postId")));
        assertEquals("listComments", event.path("operationId").asText());
        assertEquals("", event.path("body").asText());
        assertFalse(event.path("isBase64Encoded").asBoolean());
    }

    @Test
    void aJsonBodyArrivesAsText_andAnyOtherBase64Encoded() throws Exception {
        String json = "{\"caption\":\"Байкал\"}";
        JsonNode asJson = event("POST", "/v1/webhooks/yookassa", "",
                Map.of("Content-Type", List.of("application/json; charset=utf-8")), json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, asJson.path("body").asText());
        assertFalse(asJson.path("isBase64Encoded").asBoolean());

        byte[] form = "OutSum=100.00&InvId=7".getBytes(StandardCharsets.UTF_8);
        JsonNode asForm = event("POST", "/v1/webhooks/robokassa", "",
                Map.of("content-type", List.of("application/x-www-form-urlencoded")), form);
        assertTrue(asForm.path("isBase64Encoded").asBoolean());
        assertEquals("OutSum=100.00&InvId=7", new String(Base64.getDecoder().decode(asForm.path("body").asText()), StandardCharsets.UTF_8));

        byte[] notUtf8 = {'{', (byte) 0xC0, (byte) 0xAF, '}'};
        JsonNode broken = event("POST", "/v1/webhooks/yookassa", "", Map.of("Content-Type", List.of("application/json")), notUtf8);
        assertTrue(broken.path("isBase64Encoded").asBoolean());
        assertEquals(List.of(notUtf8[0], notUtf8[1], notUtf8[2], notUtf8[3]),
                bytes(Base64.getDecoder().decode(broken.path("body").asText())));
    }

    @Test
    void anUnroutedRequest_reachesTheCatchAll_asTheGreedyProxyResource() throws Exception {
        JsonNode event = event("PATCH", "/v1/no/such%20route", "", Map.of(), new byte[0]);
        assertEquals("/{proxy+}", event.path("resource").asText());
        assertEquals("/v1/no/such%20route", event.path("path").asText());
        assertEquals("v1/no/such route", event.at("/pathParameters/proxy").asText());
        assertEquals("v1/no/such route", event.at("/parameters/proxy").asText());
        assertEquals("PATCH", event.path("httpMethod").asText());
        assertTrue(event.path("operationId").isMissingNode());
    }

    @Test
    void anotherMethodOnAServedPath_reachesTheCatchAll_throughThatPathsAnyMethodOperation() throws Exception {
        JsonNode event = event("PUT", "/v1/posts/01J/comments", "", Map.of(), new byte[0]);
        assertEquals("/v1/posts/{postId}/comments", event.path("resource").asText());
        assertEquals("01J", event.at("/pathParameters/postId").asText());
        assertTrue(event.path("operationId").isMissingNode(), "the catch-all's operation has no id");

        JsonNode root = event("GET", "/", "", Map.of(), new byte[0]);
        assertEquals("/", root.path("resource").asText());
        assertEquals(0, root.path("pathParameters").size());
    }

    @Test
    void aPathThatDoesNotDecode_isAnInvalidRequest_beforeAnyEvent() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> event("GET", "/v1/posts/%zz/comments", "", Map.of(), new byte[0]));
        assertTrue(problem.getMessage().contains("postId"), problem.getMessage());
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<Byte> bytes(byte[] bytes) {
        List<Byte> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
