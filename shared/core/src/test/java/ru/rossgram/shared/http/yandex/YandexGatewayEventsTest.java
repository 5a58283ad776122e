package ru.rossgram.shared.http.yandex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class YandexGatewayEventsTest {
    /** {@code PUT /v1/users/masha.photo/block} as the gateway sends it for the template's route. */
    private static YandexHttpRequest blockMasha() {
        YandexHttpRequest event = new YandexHttpRequest();
        event.httpMethod = "PUT";
        event.resource = "/v1/users/{username}/block";
        event.path = "/v1/users/masha.photo/block";
        event.pathParameters = Map.of("username", "masha.photo");
        event.headers = Map.of("Authorization", "Bearer t", "Content-Type", "application/json");
        event.multiValueHeaders = Map.of("Authorization", List.of("Bearer t"), "Content-Type", List.of("application/json"));
        event.requestContext = new YandexHttpRequest.RequestContext();
        event.requestContext.identity = new YandexHttpRequest.Identity();
        event.requestContext.identity.sourceIp = "198.51.100.7";
        event.requestContext.requestId = "c5b1f2a0-7c1e-4d7a-9f36-1f0f5b2a6e11";
        return event;
    }

    @Test
    void theRouteKey_isTheMethodAndTheMatchedTemplate_asTheTemplateSpellsIt() {
        ApiRequest request = YandexGatewayEvents.toRequest(blockMasha());
        assertEquals("PUT /v1/users/{username}/block", request.routeKey());
        assertEquals("PUT", request.method());
        assertEquals("/v1/users/masha.photo/block", request.path());
        assertEquals(Map.of("username", "masha.photo"), request.pathParameters());
        assertEquals("198.51.100.7", request.sourceIp());
        assertEquals("c5b1f2a0-7c1e-4d7a-9f36-1f0f5b2a6e11", request.requestId());
    }

    @Test
    void aDirectInvocation_namesNoRoute_soNoMultiRouteFunctionGuessesOne() {
        YandexHttpRequest event = blockMasha();
        event.resource = null;
        event.path = "";
        ApiRequest request = YandexGatewayEvents.toRequest(event);
        assertEquals("", request.routeKey());
        assertEquals("/", request.path());
        assertEquals(404, request.routeNotFound().type().status());
    }

    @Test
    void headerNames_areLowerCase_andRepeatedValues_joinedByCommas_asOnAws() {
        YandexHttpRequest event = blockMasha();
        event.headers = Map.of("Accept", "image/webp", "X-Rossgram-Token", "abc");
        event.multiValueHeaders = Map.of("Accept", List.of("image/webp", "image/jpeg"), "accept", List.of("*/*"));
        ApiRequest request = YandexGatewayEvents.toRequest(event);
        assertEquals("abc", request.header("x-rossgram-token").orElseThrow(), "a single-valued header stays");
        String accept = request.header("Accept").orElseThrow();
        assertEquals(List.of("*/*", "image/jpeg", "image/webp"), List.of(accept.split(",")).stream().sorted().toList());
        assertFalse(request.headers().containsKey("Accept"));
    }

    @Test
    void theQuery_comesFromTheMultiValueParameters_elseTheSingleOnes() {
        YandexHttpRequest event = blockMasha();
        event.queryStringParameters = Map.of("limit", "20", "tag", "b");
        event.multiValueQueryStringParameters = Map.of("tag", List.of("a", "b"));
        assertEquals(Map.of("limit", "20", "tag", "a,b"), YandexGatewayEvents.toRequest(event).queryParameters());
    }

    @Test
    void aBase64Body_isDecoded_andATextBody_keepsEveryCharacter() {
        YandexHttpRequest event = blockMasha();
        byte[] form = "amount=100&currency=RUB".getBytes(StandardCharsets.UTF_8);
        event.body = Base64.getEncoder().encodeToString(form);
        event.isBase64Encoded = true;
        assertArrayEquals(form, YandexGatewayEvents.toRequest(event).body());

        event.body = "{\"bio\": \"Маша \uD83D\uDCF7\"}";
        event.isBase64Encoded = false;
        assertArrayEquals(event.body.getBytes(StandardCharsets.UTF_8), YandexGatewayEvents.toRequest(event).body());
    }

    @Test
    void aBodyMarkedBase64ThatIsNot_isAnInvalidRequest() {
        YandexHttpRequest event = blockMasha();
        event.body = "{not base64}";
        event.isBase64Encoded = true;
        ProblemException problem = assertThrows(ProblemException.class, () -> YandexGatewayEvents.toRequest(event));
        assertEquals(ProblemType.INVALID_REQUEST, problem.type());
    }

    @Test
    void anEventWithoutAMethod_isAnInvalidRequest() {
        assertEquals(ProblemType.INVALID_REQUEST,
                assertThrows(ProblemException.class, () -> YandexGatewayEvents.toRequest(null)).type());
        assertEquals(ProblemType.INVALID_REQUEST,
                assertThrows(ProblemException.class, () -> YandexGatewayEvents.toRequest(new YandexHttpRequest())).type());
    }

    @Test
    void nullValuesInTheEventsMaps_areLeftOut_notACrash() {
        YandexHttpRequest event = blockMasha();
        Map<String, String> headers = new HashMap<>(Map.of("accept", "*/*"));
        headers.put("x-empty", null);
        event.headers = headers;
        Map<String, List<String>> multi = new HashMap<>();
        multi.put("x-none", null);
        multi.put("x-list", java.util.Arrays.asList("a", null));
        event.multiValueHeaders = multi;
        Map<String, String> path = new HashMap<>(Map.of("username", "masha.photo"));
        path.put("other", null);
        event.pathParameters = path;
        ApiRequest request = YandexGatewayEvents.toRequest(event);
        assertEquals(Map.of("accept", "*/*", "x-list", "a"), request.headers());
        assertEquals(Map.of("username", "masha.photo"), request.pathParameters());
    }

    @Test
    void theResponse_carriesStatusHeadersAndBody_asText() {
        YandexHttpResponse answer = YandexGatewayEvents.toResponse(
                new ApiResponse(201, Map.of("content-type", "application/json", "location", "/v1/posts/1"), "{\"id\":\"1\"}"));
        assertEquals(201, answer.statusCode);
        assertEquals(Map.of("content-type", "application/json", "location", "/v1/posts/1"), answer.headers);
        assertEquals(Map.of(), answer.multiValueHeaders);
        assertEquals("{\"id\":\"1\"}", answer.body);
        assertFalse(answer.isBase64Encoded);
    }
}
