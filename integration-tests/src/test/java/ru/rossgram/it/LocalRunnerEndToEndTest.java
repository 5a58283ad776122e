package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;

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
    void aPhoneUploadsAPhoto_theThumbnailsAppear_andThePostPublishes_overHttp() throws Exception {
        start();
        Map<String, String> auth = signUp("photographer");
        byte[] photo = jpeg(1600, 1200);

        JsonNode ticket = issueUpload(auth, "post", "image/jpeg", photo.length);
        assertEquals(200, put(ticket, photo, Map.of()).statusCode());
        HttpResponse<String> created = send("POST", "/v1/posts",
                "{\"uploads\":[\"" + ticket.path("uploadId").asText() + "\"],\"caption\":\"Первый пост #привет\"}", auth);
        assertEquals(201, created.statusCode(), created.body());
        String postId = json(created).path("id").asText();

        // The S3 server announced the object; the runner invoked the thumbnail function; it published the post.
        JsonNode post = awaitPost(postId, auth, "published");
        JsonNode shown = post.at("/photos/0");
        assertEquals(1600, shown.path("width").asInt());
        assertEquals(1200, shown.path("height").asInt());
        assertTrue(shown.path("dominantColor").asText().matches("#[0-9a-f]{6}"), shown.toString());
        Map<String, int[]> expected = Map.of("w1080", new int[] {1080, 810}, "w640", new int[] {640, 480},
                "w320", new int[] {320, 240}, "square150", new int[] {150, 150});
        for (var rendition : expected.entrySet()) {
            HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(shown.at("/urls/" + rendition.getKey()).asText()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode(), rendition.getKey());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertEquals(rendition.getValue()[0], decoded.getWidth(), rendition.getKey());
            assertEquals(rendition.getValue()[1], decoded.getHeight(), rendition.getKey());
        }
        assertEquals(204, send("DELETE", "/v1/posts/" + postId, null, auth).statusCode());
        assertEquals(404, send("GET", "/v1/posts/" + postId, null, auth).statusCode());
    }

    @Test
    void bytesThatAreNotAPhoto_areRejected_andCannotBePosted() throws Exception {
        start();
        Map<String, String> auth = signUp("texter");
        byte[] notAPhoto = "Это не фотография, а текст с расширением .jpg".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode ticket = issueUpload(auth, "post", "image/jpeg", notAPhoto.length);
        assertEquals(200, put(ticket, notAPhoto, Map.of()).statusCode());
        String uploadId = ticket.path("uploadId").asText();

        JsonNode upload = awaitUpload(uploadId, auth, "rejected");
        assertFalse(upload.path("rejectionReason").asText().isBlank(), upload.toString());
        HttpResponse<String> post = send("POST", "/v1/posts", "{\"uploads\":[\"" + uploadId + "\"]}", auth);
        assertEquals(422, post.statusCode(), post.body());
        assertTrue(json(post).path("type").asText().endsWith("/upload-rejected"), post.body());
    }

    @Test
    void aPhoneUploadsAnAvatar_andItsProfileShowsIt_overHttp() throws Exception {
        start();
        Map<String, String> auth = signUp("portrait");
        byte[] photo = jpeg(800, 600);
        JsonNode ticket = issueUpload(auth, "avatar", "image/jpeg", photo.length);
        assertEquals(200, put(ticket, photo, Map.of()).statusCode());

        awaitUpload(ticket.path("uploadId").asText(), auth, "ready");
        JsonNode avatar = json(send("GET", "/v1/me", null, auth)).path("avatar");
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(avatar.at("/urls/square320").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode(), avatar.toString());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertEquals(320, decoded.getWidth());
        assertEquals(320, decoded.getHeight());
    }

    @Test
    void theS3Server_refusesUploadsThatBreakTheirSignedUrl() throws Exception {
        start();
        Map<String, String> auth = signUp("tamperer");
        byte[] photo = jpeg(64, 48);
        JsonNode ticket = issueUpload(auth, "post", "image/jpeg", photo.length);
        URI url = URI.create(ticket.path("url").asText());

        // Another key under the same signature: someone else's prefix, say.
        URI otherKey = URI.create(url.toString().replace(ticket.path("uploadId").asText(), "01J0000000000000000000000Z"));
        assertEquals(403, http.send(HttpRequest.newBuilder(otherKey).PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                .header("content-type", "image/jpeg").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // Another type than the one signed.
        assertEquals(403, put(ticket, photo, Map.of("content-type", "image/png")).statusCode());
        // Another length than the one signed.
        assertEquals(403, put(ticket, java.util.Arrays.copyOf(photo, photo.length + 1), Map.of()).statusCode());
        assertEquals(200, put(ticket, photo, Map.of()).statusCode());
    }

    @Test
    void anExpiredUploadUrl_isRefusedByTheS3Server() throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(null)
                .withEnvironment(Map.of("ROSSGRAM_UPLOADS_URL_TTL", "1s")), line -> { });
        Map<String, String> auth = signUp("latecomer");
        byte[] photo = jpeg(64, 48);
        JsonNode ticket = issueUpload(auth, "post", "image/jpeg", photo.length);
        Thread.sleep(2_500);
        HttpResponse<String> late = put(ticket, photo, Map.of());
        assertEquals(403, late.statusCode(), late.body());
        assertTrue(late.body().contains("expired"), late.body());
    }

    private Map<String, String> signUp(String username) throws Exception {
        HttpResponse<String> signedUp = send("POST", "/v1/accounts", signUpBody(username), Map.of());
        assertEquals(201, signedUp.statusCode(), signedUp.body());
        return Map.of("authorization", "Bearer " + json(signedUp).at("/tokens/accessToken").asText());
    }

    private JsonNode issueUpload(Map<String, String> auth, String purpose, String type, int length) throws Exception {
        HttpResponse<String> issued = send("POST", "/v1/uploads",
                "{\"purpose\":\"" + purpose + "\",\"contentType\":\"" + type + "\",\"contentLength\":" + length + "}", auth);
        assertEquals(201, issued.statusCode(), issued.body());
        return json(issued).at("/uploads/0");
    }

    /** PUTs to the ticket's URL with the headers it lists, {@code overrides} replacing some of them. */
    private HttpResponse<String> put(JsonNode ticket, byte[] body, Map<String, String> overrides) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        // The HTTP client sets content-length from the body itself; every other signed header is ours to send.
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) {
                put.header(h.getKey(), overrides.getOrDefault(h.getKey(), h.getValue().asText()));
            }
        });
        return http.send(put.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitPost(String postId, Map<String, String> auth, String status) throws Exception {
        return await("/v1/posts/" + postId, auth, status);
    }

    private JsonNode awaitUpload(String uploadId, Map<String, String> auth, String status) throws Exception {
        return await("/v1/uploads/" + uploadId, auth, status);
    }

    /** Polls {@code path} as an app would until its {@code status} is {@code status}. */
    private JsonNode await(String path, Map<String, String> auth, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode found;
        do {
            HttpResponse<String> read = send("GET", path, null, auth);
            assertEquals(200, read.statusCode(), read.body());
            found = json(read);
            if (found.path("status").asText().equals(status)) {
                return found;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " never became " + status + ": " + found);
    }

    /** A photo-like JPEG: smooth gradients, so that it compresses like one. */
    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
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
        backend = LocalBackend.start(new RunnerOptions(null, "127.0.0.1", 0, 0, 0, data, true, Map.of(), Map.of(), 0), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("resettable"), Map.of()).statusCode());
    }
}
