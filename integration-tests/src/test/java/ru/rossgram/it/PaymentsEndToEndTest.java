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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.WebhookAnswer;

/**
 * A purchase as phones and a provider meet it, through the local runner over real HTTP: the creator posts a paid
 * photo (the thumbnail function makes its locked renditions and blurred preview), a buyer checks out, the
 * simulated T-Bank sends its signed notification to the runner's webhook route, the post unlocks; a forged
 * notification changes nothing; a refund locks it again and the buyer's old URL stops working when it expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sunrise over Neva, 5 a.m.";
    private static final Duration PAID_URL_TTL = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    private LocalBackend backend;
    private PaymentSimulator simulator;

    @BeforeAll
    void start() throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(null)
                .withPaymentsPort(0).withEnvironment(Map.of("ROSSGRAM_MEDIA_PAID_URL_TTL", PAID_URL_TTL.getSeconds() + "s")),
                line -> { });
        simulator = backend.paymentSimulator().orElseThrow();
    }

    @AfterAll
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aBuyerPaysThroughTBank_thePostUnlocks_aForgeryChangesNothing_andARefundLocksItAgain() throws Exception {
        String masha = signUp("masha");
        String petya = signUp("petya");
        String post = paidPhotoPost(masha, 19_900);

        JsonNode locked = ok(petya, "GET", "/v1/posts/" + post, null, null, 200);
        assertTrue(locked.path("locked").asBoolean(), locked.toString());
        assertEquals(List.of("preview"), names(locked.at("/photos/0/urls")));
        assertEquals(200, download(locked.at("/photos/0/urls/preview").asText()).statusCode(), "the blurred preview is for everyone");

        JsonNode payment = ok(petya, "POST", "/v1/checkouts", "{\"item\": {\"type\": \"post\", \"id\": \"" + post
                + "\"}, \"provider\": \"tbank\"}", "unlock-" + post, 201);
        URI page = URI.create(payment.path("confirmationUrl").asText());
        assertEquals(200, http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String tbankId = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);

        HttpResponse<String> forged = webhook("tbank", "{\"TerminalKey\":\"1700000000000DEMO\",\"OrderId\":\""
                + payment.path("paymentId").asText() + "\",\"Success\":true,\"Status\":\"CONFIRMED\",\"PaymentId\":" + tbankId
                + ",\"ErrorCode\":\"0\",\"Amount\":19900,\"Token\":\"" + "0".repeat(64) + "\"}");
        assertEquals(400, forged.statusCode(), forged.body());
        assertTrue(ok(petya, "GET", "/v1/posts/" + post, null, null, 200).path("locked").asBoolean());

        WebhookAnswer paid = simulator.pay(Provider.TBANK, tbankId); // T-Bank's servers POST to the runner
        assertEquals(new WebhookAnswer(200, "OK"), paid);

        JsonNode unlocked = ok(petya, "GET", "/v1/posts/" + post, null, null, 200);
        assertFalse(unlocked.path("locked").asBoolean(), unlocked.toString());
        assertFalse(names(unlocked.at("/photos/0/urls")).contains("preview"));
        String fullSize = unlocked.at("/photos/0/urls/w320").asText();
        HttpResponse<byte[]> image = download(fullSize);
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("content-type").orElse(""));
        assertEquals(403, download(fullSize.substring(0, fullSize.indexOf('?'))).statusCode(),
                "the key alone, unsigned, gets nothing: the bucket is private");
        assertEquals("succeeded", ok(petya, "GET", "/v1/checkouts/" + payment.path("paymentId").asText(), null, null, 200)
                .path("status").asText());
        assertEquals(15_920, ok(masha, "GET", "/v1/me/earnings", null, null, 200).at("/balance/amount").asLong());

        assertEquals(new WebhookAnswer(200, "OK"), simulator.refund(Provider.TBANK, tbankId));
        assertTrue(ok(petya, "GET", "/v1/posts/" + post, null, null, 200).path("locked").asBoolean());
        assertEquals(0, ok(masha, "GET", "/v1/me/earnings", null, null, 200).at("/balance/amount").asLong());
        Thread.sleep(PAID_URL_TTL.plusSeconds(1).toMillis());
        assertEquals(403, download(fullSize).statusCode(), "an old URL to a refunded photo expires like any other");
    }

    // --- a phone -------------------------------------------------------------------------------------------

    private String signUp(String name) throws Exception {
        String username = name + "_" + run;
        JsonNode created = ok(null, "POST", "/v1/accounts", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.ru\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}", null, 201);
        return created.at("/tokens/accessToken").asText();
    }

    /** A paid post with one photo sent through its presigned URL, once the thumbnail function has published it. */
    private String paidPhotoPost(String token, long price) throws Exception {
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        JsonNode ticket = ok(token, "POST", "/v1/uploads", "{\"purpose\":\"paid-post\",\"contentType\":\"image/jpeg\",\"contentLength\":"
                + photo.length + "}", null, 201).at("/uploads/0");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText())).PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equals("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertEquals(200, http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String post = ok(token, "POST", "/v1/posts", "{\"uploads\":[\"" + ticket.path("uploadId").asText() + "\"],\"price\":" + price
                + ",\"caption\":\"Полная версия за 199 ₽\"}", null, 201).path("id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ok(token, "GET", "/v1/posts/" + post, null, null, 200).path("status").asText().equals("published")) {
            assertTrue(System.nanoTime() < deadline, "the paid post never published");
            Thread.sleep(100);
        }
        return post;
    }

    private JsonNode ok(String token, String method, String path, String body, String idempotencyKey, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.apiUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> webhook(String provider, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(backend.apiUri().resolve("/v1/webhooks/" + provider))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
