package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;
import ru.rossgram.localcloud.FunctionSpec;
import ru.rossgram.localcloud.HttpRoute;

/**
 * The local runner as a mobile client meets it: started in-process on free ports, driven over real HTTP with
 * {@link HttpClient}. Later features add their flows here.
 */
class LocalRunnerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sunrise over Neva, 5 a.m.";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalBackend backend;

    @TempDir
    Path data;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private LocalBackend start() throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(data),
                line -> { });
        return backend;
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

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String signUpBody(String username) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + username + "@example.ru\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Маша\"}";
    }

    @Test
    void everyTemplateRoute_answersOverHttp_fromItsFunction() throws Exception {
        start();
        for (FunctionSpec function : backend.template().functions()) {
            for (HttpRoute route : function.httpRoutes()) {
                String path = route.path().replaceAll("\\{[^}]+}", "sample");
                HttpResponse<String> response = send(route.method(), path, route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}", Map.of());
                assertTrue(response.statusCode() < 500, route + " -> " + response.statusCode() + " " + response.body());
                assertFalse(response.body().equals("{\"message\":\"Not Found\"}"), route + " was not routed");
            }
        }
        assertEquals(404, send("GET", "/v1/no-such-route", null, Map.of()).statusCode());
    }

    @Test
    void aPhoneSignsUpSignsInAndReadsItsProfile_overHttp() throws Exception {
        start();
        HttpResponse<String> created = send("POST", "/v1/accounts", signUpBody("phone_user"), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("application/json", created.headers().firstValue("content-type").orElseThrow());

        HttpResponse<String> signedIn = send("POST", "/v1/sessions", "{\"login\":\"PHONE_USER\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(201, signedIn.statusCode(), signedIn.body());
        String token = json(signedIn).at("/tokens/accessToken").asText();

        HttpResponse<String> me = send("GET", "/v1/me", null, Map.of("authorization", "Bearer " + token));
        assertEquals(200, me.statusCode());
        assertEquals("phone_user", json(me).path("username").asText());

        HttpResponse<String> malformed = send("POST", "/v1/accounts", "{\"username\":", Map.of());
        assertEquals(400, malformed.statusCode());
        assertEquals("application/problem+json", malformed.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void aPhoneUploadsAPhotoToS3_andPostsIt_overHttp() throws Exception {
        start();
        String token = json(send("POST", "/v1/accounts", signUpBody("photographer"), Map.of())).at("/tokens/accessToken").asText();
        Map<String, String> auth = Map.of("authorization", "Bearer " + token);
        byte[] photo = new byte[3000];
        new java.util.Random(7).nextBytes(photo);

        HttpResponse<String> issued = send("POST", "/v1/uploads",
                "{\"purpose\":\"post\",\"contentType\":\"image/jpeg\",\"contentLength\":" + photo.length + "}", auth);
        assertEquals(201, issued.statusCode(), issued.body());
        JsonNode ticket = json(issued).at("/uploads/0");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        put.header("content-type", ticket.at("/headers/content-type").asText());
        assertEquals(200, http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        HttpResponse<String> created = send("POST", "/v1/posts",
                "{\"uploads\":[\"" + ticket.path("uploadId").asText() + "\"],\"caption\":\"Первый пост #привет\"}", auth);
        assertEquals(201, created.statusCode(), created.body());
        String postId = json(created).path("id").asText();
        HttpResponse<String> read = send("GET", "/v1/posts/" + postId, null, auth);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("processing", json(read).path("status").asText());
        assertEquals(204, send("DELETE", "/v1/posts/" + postId, null, auth).statusCode());
        assertEquals(404, send("GET", "/v1/posts/" + postId, null, auth).statusCode());
    }

    @Test
    void browserOnAnotherOrigin_getsCorsAnswers_fromTheApi() throws Exception {
        start();
        HttpResponse<String> preflight = send("OPTIONS", "/v1/me", null, Map.of(
                "Origin", "https://web.rossgram.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("access-control-allow-origin").isPresent());
        assertTrue(preflight.headers().firstValue("access-control-allow-methods").orElseThrow().contains("GET"));

        HttpResponse<String> simple = send("POST", "/v1/accounts", signUpBody("cors_user"), Map.of("Origin", "https://web.rossgram.example"));
        assertEquals(201, simple.statusCode());
        assertTrue(simple.headers().firstValue("access-control-allow-origin").isPresent());
    }

    @Test
    void restartingTheRunner_keepsAccounts_andTokensStillVerify() throws Exception {
        start();
        HttpResponse<String> created = send("POST", "/v1/accounts", signUpBody("survivor"), Map.of());
        assertEquals(201, created.statusCode(), created.body());
        String token = json(created).at("/tokens/accessToken").asText();
        backend.close();

        start(); // same data directory, new ports
        HttpResponse<String> me = send("GET", "/v1/me", null, Map.of("authorization", "Bearer " + token));
        assertEquals(200, me.statusCode(), me.body());
        HttpResponse<String> signIn = send("POST", "/v1/sessions", "{\"login\":\"survivor\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(201, signIn.statusCode(), signIn.body());
        assertEquals(409, send("POST", "/v1/accounts", signUpBody("survivor"), Map.of()).statusCode());
    }

    @Test
    void anInMemoryRun_keepsNothing() throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(null), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("ephemeral"), Map.of()).statusCode());
        backend.close();
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(null), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("ephemeral"), Map.of()).statusCode());
    }

    @Test
    void reset_startsFromEmptyData() throws Exception {
        start();
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("resettable"), Map.of()).statusCode());
        backend.close();
        backend = LocalBackend.start(new RunnerOptions(null, "127.0.0.1", 0, 0, 0, data, true, Map.of(), Map.of()), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("resettable"), Map.of()).statusCode());
    }
}
