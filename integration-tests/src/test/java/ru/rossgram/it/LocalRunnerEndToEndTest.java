package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.TestSettings.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;

/**
 * The local runner as a mobile client meets it: started in-process on free ports, driven over real HTTP with
 * {@link HttpClient}. Later features add their flows here.
 */
class LocalRunnerEndToEndTest {
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
        backend = LocalBackend.start(LocalRunner.onFreePorts(getClass()).withDataDirectory(data),
                line -> { });
        return backend;
    }

    /** A call from a phone not signed in; with a body, a JSON one. */
    private Reply send(String method, String path, String body, Map<String, String> headers) {
        return new User(null, null, null, api()).send(method, path, body, headers);
    }

    private ApiDriver api() {
        return ApiDriver.overHttp(backend.apiUri());
    }

    private static String signUpBody(String username) {
        return TestSettings.signUpBody(username, username + "@example.ru", PASSWORD);
    }

    @Test
    void everyTemplateRoute_answersOverHttp_fromItsFunction() throws Exception {
        start();
        for (FunctionSpec function : backend.template().functions()) {
            for (HttpRoute route : function.httpRoutes()) {
                String path = route.path().replaceAll("\\{[^}]+}", "sample");
                Reply response = send(route.method(), path, route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}", Map.of());
                assertTrue(response.status() < 500, route + " -> " + response.status() + " " + response.body());
                assertFalse(response.body().equals("{\"message\":\"Not Found\"}"), route + " was not routed");
            }
        }
        assertEquals(404, send("GET", "/v1/no-such-route", null, Map.of()).status());
    }

    @Test
    void theRunnerPlaysTheCloudTheTestAsksFor() throws Exception {
        start();
        boolean yandex = getClass().isAnnotationPresent(OnYandex.class);
        assertEquals(yandex ? CloudProfile.YANDEX : CloudProfile.AWS, backend.profile());
        assertEquals(yandex ? "ru-central1" : "us-east-1", backend.cloud().region());
    }

    @Test
    void aPhoneSignsUpSignsInAndReadsItsProfile_overHttp() throws Exception {
        start();
        Reply created = send("POST", "/v1/accounts", signUpBody("phone_user"), Map.of());
        assertEquals(201, created.status(), created.body());
        assertEquals("application/json", created.header("content-type"));

        Reply signedIn = send("POST", "/v1/sessions", "{\"login\":\"PHONE_USER\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(201, signedIn.status(), signedIn.body());
        String token = signedIn.json().at("/tokens/accessToken").asText();

        Reply me = send("GET", "/v1/me", null, Map.of("authorization", "Bearer " + token));
        assertEquals(200, me.status());
        assertEquals("phone_user", me.json().path("username").asText());

        Reply malformed = send("POST", "/v1/accounts", "{\"username\":", Map.of());
        assertEquals(400, malformed.status());
        assertEquals("application/problem+json", malformed.header("content-type"));
    }

    @Test
    void aCyrillicUsername_isItsProfileUrl_percentEncoded_overHttp() throws Exception {
        start();
        Reply created = send("POST", "/v1/accounts",
                TestSettings.signUpBody("Ёлка.Фото", "yolka@example.ru", PASSWORD), Map.of());
        assertEquals(201, created.status(), created.body());
        String token = created.json().at("/tokens/accessToken").asText();
        String encoded = java.net.URLEncoder.encode("ёлка.фото", java.nio.charset.StandardCharsets.UTF_8);

        Reply profile = send("GET", "/v1/users/" + encoded, null, Map.of("authorization", "Bearer " + token));
        assertEquals(200, profile.status(), profile.body());
        assertEquals("Ёлка.Фото", profile.json().path("username").asText());
        assertEquals(created.json().at("/account/id").asText(), profile.json().path("id").asText());
    }

    @Test
    void aPhoneUploadsAPhoto_theThumbnailsAppear_andThePostPublishes_overHttp() throws Exception {
        start();
        User phone = signUp("photographer");
        byte[] photo = jpeg(1600, 1200);

        JsonNode ticket = phone.ticket("post", "image/jpeg", photo.length);
        assertEquals(200, PresignedUrl.put(ticket, photo, Map.of()).status());
        Reply created = phone.send("POST", "/v1/posts",
                "{\"uploads\":[\"" + ticket.path("uploadId").asText() + "\"],\"caption\":\"Первый пост #привет\"}");
        assertEquals(201, created.status(), created.body());
        String postId = created.json().path("id").asText();

        // The S3 server announced the object; the runner invoked the thumbnail function; it published the post.
        JsonNode post = phone.awaitStatus("/v1/posts/" + postId, "published");
        JsonNode shown = post.at("/photos/0");
        assertEquals(1600, shown.path("width").asInt());
        assertEquals(1200, shown.path("height").asInt());
        assertTrue(shown.path("dominantColor").asText().matches("#[0-9a-f]{6}"), shown.toString());
        Map<String, int[]> expected = Map.of("w1080", new int[] {1080, 810}, "w640", new int[] {640, 480},
                "w320", new int[] {320, 240}, "square150", new int[] {150, 150});
        for (var rendition : expected.entrySet()) {
            HttpResponse<byte[]> image = ApiDriver.HTTP.send(HttpRequest.newBuilder(URI.create(shown.at("/urls/" + rendition.getKey()).asText()))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, image.statusCode(), rendition.getKey());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
            assertEquals(rendition.getValue()[0], decoded.getWidth(), rendition.getKey());
            assertEquals(rendition.getValue()[1], decoded.getHeight(), rendition.getKey());
        }
        assertEquals(204, phone.send("DELETE", "/v1/posts/" + postId, null).status());
        assertEquals(404, phone.send("GET", "/v1/posts/" + postId, null).status());
    }

    @Test
    void bytesThatAreNotAPhoto_areRejected_andCannotBePosted() throws Exception {
        start();
        User phone = signUp("texter");
        byte[] notAPhoto = "Это не фотография, а текст с расширением .jpg".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode ticket = phone.ticket("post", "image/jpeg", notAPhoto.length);
        assertEquals(200, PresignedUrl.put(ticket, notAPhoto, Map.of()).status());
        String uploadId = ticket.path("uploadId").asText();

        JsonNode upload = phone.awaitStatus("/v1/uploads/" + uploadId, "rejected");
        assertFalse(upload.path("rejectionReason").asText().isBlank(), upload.toString());
        Reply post = phone.send("POST", "/v1/posts", "{\"uploads\":[\"" + uploadId + "\"]}");
        assertEquals(422, post.status(), post.body());
        assertTrue(post.json().path("type").asText().endsWith("/upload-rejected"), post.body());
    }

    @Test
    void aPhoneUploadsAnAvatar_andItsProfileShowsIt_overHttp() throws Exception {
        start();
        User phone = signUp("portrait");
        byte[] photo = jpeg(800, 600);
        JsonNode ticket = phone.ticket("avatar", "image/jpeg", photo.length);
        assertEquals(200, PresignedUrl.put(ticket, photo, Map.of()).status());

        phone.awaitStatus("/v1/uploads/" + ticket.path("uploadId").asText(), "ready");
        JsonNode avatar = phone.send("GET", "/v1/me", null).json().path("avatar");
        HttpResponse<byte[]> image = ApiDriver.HTTP.send(HttpRequest.newBuilder(URI.create(avatar.at("/urls/square320").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode(), avatar.toString());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertEquals(320, decoded.getWidth());
        assertEquals(320, decoded.getHeight());
    }

    @Test
    void theS3Server_refusesUploadsThatBreakTheirSignedUrl() throws Exception {
        start();
        User phone = signUp("tamperer");
        byte[] photo = jpeg(64, 48);
        JsonNode ticket = phone.ticket("post", "image/jpeg", photo.length);
        URI url = URI.create(ticket.path("url").asText());

        // Another key under the same signature: someone else's prefix, say.
        URI otherKey = URI.create(url.toString().replace(ticket.path("uploadId").asText(), "01J0000000000000000000000Z"));
        assertEquals(403, ApiDriver.HTTP.send(HttpRequest.newBuilder(otherKey).PUT(HttpRequest.BodyPublishers.ofByteArray(photo))
                .header("content-type", "image/jpeg").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        // Another type than the one signed.
        assertEquals(403, PresignedUrl.put(ticket, photo, Map.of("content-type", "image/png")).status());
        // Another length than the one signed.
        assertEquals(403, PresignedUrl.put(ticket, java.util.Arrays.copyOf(photo, photo.length + 1), Map.of()).status());
        assertEquals(200, PresignedUrl.put(ticket, photo, Map.of()).status());
    }

    @Test
    void anExpiredUploadUrl_isRefusedByTheS3Server() throws Exception {
        backend = LocalBackend.start(LocalRunner.onFreePorts(getClass()).withDataDirectory(null)
                .withEnvironment(Map.of("ROSSGRAM_UPLOADS_URL_TTL", "1s")), line -> { });
        User phone = signUp("latecomer");
        byte[] photo = jpeg(64, 48);
        JsonNode ticket = phone.ticket("post", "image/jpeg", photo.length);
        Thread.sleep(2_500);
        Reply late = PresignedUrl.put(ticket, photo, Map.of());
        assertEquals(403, late.status(), late.body());
        assertTrue(late.body().contains("expired"), late.body());
    }

    @Test
    void aFollowShowsInTheFolloweesActivity_andMarkingItReadClearsTheCount_overHttp() throws Exception {
        start();
        User anna = signUp("activity_anna");
        User boris = signUp("activity_boris");
        assertEquals("following", boris.followed(anna));

        JsonNode inbox = anna.ok("GET", "/v1/me/activity", null, 200).json();
        assertEquals("follow", inbox.at("/items/0/type").asText(), inbox.toString());
        assertEquals("activity_boris", inbox.at("/items/0/actor/username").asText());
        assertEquals(1, inbox.path("unreadCount").asInt());
        anna.ok("POST", "/v1/me/activity/read", "{\"upTo\":\"" + inbox.at("/items/0/activityId").asText() + "\"}", 204);
        assertEquals(0, anna.ok("GET", "/v1/me/activity", null, 200).json().path("unreadCount").asInt());
    }

    private User signUp(String username) {
        return User.signUp(api(), username);
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
        Reply preflight = send("OPTIONS", "/v1/me", null, Map.of(
                "Origin", "https://web.rossgram.example", "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.status());
        assertTrue(preflight.headers().containsKey("access-control-allow-origin"));
        assertTrue(preflight.header("access-control-allow-methods").contains("GET"));

        Reply simple = send("POST", "/v1/accounts", signUpBody("cors_user"), Map.of("Origin", "https://web.rossgram.example"));
        assertEquals(201, simple.status());
        assertTrue(simple.headers().containsKey("access-control-allow-origin"));
    }

    @Test
    void restartingTheRunner_keepsAccounts_andTokensStillVerify() throws Exception {
        start();
        Reply created = send("POST", "/v1/accounts", signUpBody("survivor"), Map.of());
        assertEquals(201, created.status(), created.body());
        String token = created.json().at("/tokens/accessToken").asText();
        backend.close();

        start(); // same data directory, new ports
        Reply me = send("GET", "/v1/me", null, Map.of("authorization", "Bearer " + token));
        assertEquals(200, me.status(), me.body());
        Reply signIn = send("POST", "/v1/sessions", "{\"login\":\"survivor\",\"password\":\"" + PASSWORD + "\"}", Map.of());
        assertEquals(201, signIn.status(), signIn.body());
        assertEquals(409, send("POST", "/v1/accounts", signUpBody("survivor"), Map.of()).status());
    }

    @Test
    void anInMemoryRun_keepsNothing() throws Exception {
        backend = LocalBackend.start(LocalRunner.onFreePorts(getClass()).withDataDirectory(null), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("ephemeral"), Map.of()).status());
        backend.close();
        backend = LocalBackend.start(LocalRunner.onFreePorts(getClass()).withDataDirectory(null), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("ephemeral"), Map.of()).status());
    }

    @Test
    void reset_startsFromEmptyData() throws Exception {
        start();
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("resettable"), Map.of()).status());
        backend.close();
        backend = LocalBackend.start(LocalRunner.onFreePorts(getClass()).withDataDirectory(data).withReset(true), line -> { });
        assertEquals(201, send("POST", "/v1/accounts", signUpBody("resettable"), Map.of()).status());
    }
}
