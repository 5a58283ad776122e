package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * What a phone gets for a request no route of the template matches, over real HTTP through the local runner:
 * the template's {@code $default} route answers it with a problem, like every other error, not with the
 * gateway's own {@code {"message":"Not Found"}}.
 */
class UnroutedRequestsEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    private static Reply send(String method, String path, String json, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (json != null) {
            all.put("content-type", "application/json");
        }
        return RUNNER.api().send(method, path, json, all);
    }

    private static JsonNode problem(Reply reply) {
        assertEquals("application/problem+json", reply.header("content-type"), reply.body());
        return reply.json();
    }

    @Test
    void aPathNoRouteHas_isA404NotFoundProblem() {
        Reply response = send("GET", "/v1/no-such-route", null, Map.of());
        assertEquals(404, response.status(), response.body());
        JsonNode problem = problem(response);
        assertEquals("https://rossgram.ru/problems/not-found", problem.path("type").asText());
        assertEquals(404, problem.path("status").asInt());
        assertEquals("/v1/no-such-route", problem.path("instance").asText());
    }

    @Test
    void aPostToNothing_isA404NotFoundProblem_too() {
        Reply response = send("POST", "/v1/nothing/here", "{}", Map.of());
        assertEquals(404, response.status(), response.body());
        assertEquals("https://rossgram.ru/problems/not-found", problem(response).path("type").asText());
    }

    @Test
    void aRealPathWithTheWrongMethod_isA405_thatSaysWhichMethodsItTakes() {
        Reply feed = send("PATCH", "/v1/feed", "{}", Map.of());
        assertEquals(405, feed.status(), feed.body());
        assertEquals("GET", feed.header("allow"));
        JsonNode problem = problem(feed);
        assertEquals("https://rossgram.ru/problems/method-not-allowed", problem.path("type").asText());
        assertEquals("GET", problem.path("allow").path(0).asText());

        Reply post = send("PUT", "/v1/posts/01JD3Z6Q0V8X2K4M6N8P0R2T4W", "{}", Map.of());
        assertEquals(405, post.status(), post.body());
        assertEquals("DELETE, GET, PATCH", post.header("allow"));
    }

    @Test
    void aBrowsersPreflight_isStillAnsweredByTheApisCors_evenForAPathNoRouteHas() {
        Reply preflight = send("OPTIONS", "/v1/no-such-route", null, Map.of(
                "Origin", "https://web.rossgram.example", "Access-Control-Request-Method", "GET"));
        assertEquals(204, preflight.status(), preflight.body());
        assertNotNull(preflight.header("access-control-allow-origin"), preflight.headers().toString());
    }
}
