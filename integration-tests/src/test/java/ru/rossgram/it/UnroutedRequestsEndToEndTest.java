package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;

/**
 * What a phone gets for a request no route of the template matches, over real HTTP through the local runner:
 * the template's {@code $default} route answers it with a problem, like every other error, not with the
 * gateway's own {@code {"message":"Not Found"}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnroutedRequestsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalBackend backend;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(data),
                line -> { });
    }

    @AfterAll
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.apiUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(null), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aPathNoRouteHas_isA404NotFoundProblem() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/no-such-route", null, Map.of());
        assertEquals(404, response.statusCode(), response.body());
        JsonNode problem = problem(response);
        assertEquals("https://rossgram.ru/problems/not-found", problem.path("type").asText());
        assertEquals(404, problem.path("status").asInt());
        assertEquals("/v1/no-such-route", problem.path("instance").asText());
    }

    @Test
    void aPostToNothing_isA404NotFoundProblem_too() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/nothing/here", "{}", Map.of());
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("https://rossgram.ru/problems/not-found", problem(response).path("type").asText());
    }

    @Test
    void aRealPathWithTheWrongMethod_isA405_thatSaysWhichMethodsItTakes() throws Exception {
        HttpResponse<String> feed = send("PATCH", "/v1/feed", "{}", Map.of());
        assertEquals(405, feed.statusCode(), feed.body());
        assertEquals("GET", feed.headers().firstValue("allow").orElse(null));
        JsonNode problem = problem(feed);
        assertEquals("https://rossgram.ru/problems/method-not-allowed", problem.path("type").asText());
        assertEquals("GET", problem.path("allow").path(0).asText());

        HttpResponse<String> post = send("PUT", "/v1/posts/01JD3Z6Q0V8X2K4M6N8P0R2T4W", "{}", Map.of());
        assertEquals(405, post.statusCode(), post.body());
        assertEquals("DELETE, GET, PATCH", post.headers().firstValue("allow").orElse(null));
    }

    @Test
    void aBrowsersPreflight_isStillAnsweredByTheApisCors_evenForAPathNoRouteHas() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/v1/no-such-route", null, Map.of(
                "Origin", "https://web.rossgram.example", "Access-Control-Request-Method", "GET"));
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertTrue(preflight.headers().firstValue("access-control-allow-origin").isPresent());
    }
}
