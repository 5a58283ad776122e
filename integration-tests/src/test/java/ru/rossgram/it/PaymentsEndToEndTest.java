package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.WebhookAnswer;

/**
 * A purchase as phones and a provider meet it, through the local runner over real HTTP: the creator posts a paid
 * photo (the thumbnail function makes its locked renditions and blurred preview), a buyer checks out, the
 * simulated T-Bank sends its signed notification to the runner's webhook route, the post unlocks; a forged
 * notification changes nothing; a refund locks it again and the buyer's old URL stops working when it expires.
 */
class PaymentsEndToEndTest {
    private static final Duration PAID_URL_TTL = Duration.ofSeconds(3);

    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of("ROSSGRAM_MEDIA_PAID_URL_TTL", PAID_URL_TTL.getSeconds() + "s"))
            .withPayments();

    @Test
    void aBuyerPaysThroughTBank_thePostUnlocks_aForgeryChangesNothing_andARefundLocksItAgain() throws Exception {
        User masha = signUp("masha");
        User petya = signUp("petya");
        String post = paidPhotoPost(masha, 19_900);

        JsonNode locked = petya.ok("GET", "/v1/posts/" + post, null, 200).json();
        assertTrue(locked.path("locked").asBoolean(), locked.toString());
        assertEquals(List.of("preview"), names(locked.at("/photos/0/urls")));
        assertEquals(200, PresignedUrl.download(locked.at("/photos/0/urls/preview").asText()).statusCode(), "the blurred preview is for everyone");

        JsonNode payment = petya.ok("POST", "/v1/checkouts", "{\"item\": {\"type\": \"post\", \"id\": \"" + post
                + "\"}, \"provider\": \"tbank\"}", Map.of("idempotency-key", "unlock-" + post), 201).json();
        URI page = URI.create(payment.path("confirmationUrl").asText());
        assertEquals(200, ApiDriver.HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String tbankId = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);

        Reply forged = RUNNER.api().post("/v1/webhooks/tbank", "{\"TerminalKey\":\"1700000000000DEMO\",\"OrderId\":\""
                + payment.path("paymentId").asText() + "\",\"Success\":true,\"Status\":\"CONFIRMED\",\"PaymentId\":" + tbankId
                + ",\"ErrorCode\":\"0\",\"Amount\":19900,\"Token\":\"" + "0".repeat(64) + "\"}");
        assertEquals(400, forged.status(), forged.body());
        assertTrue(petya.ok("GET", "/v1/posts/" + post, null, 200).json().path("locked").asBoolean());

        WebhookAnswer paid = simulator().pay(Provider.TBANK, tbankId); // T-Bank's servers POST to the runner
        assertEquals(new WebhookAnswer(200, "OK"), paid);

        JsonNode unlocked = petya.ok("GET", "/v1/posts/" + post, null, 200).json();
        assertFalse(unlocked.path("locked").asBoolean(), unlocked.toString());
        assertFalse(names(unlocked.at("/photos/0/urls")).contains("preview"));
        String fullSize = unlocked.at("/photos/0/urls/w320").asText();
        HttpResponse<byte[]> image = PresignedUrl.download(fullSize);
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("content-type").orElse(""));
        assertEquals(403, PresignedUrl.download(fullSize.substring(0, fullSize.indexOf('?'))).statusCode(),
                "the key alone, unsigned, gets nothing: the bucket is private");
        assertEquals("succeeded", petya.ok("GET", "/v1/checkouts/" + payment.path("paymentId").asText(), null, 200).json()
                .path("status").asText());
        assertEquals(15_920, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong());

        assertEquals(new WebhookAnswer(200, "OK"), simulator().refund(Provider.TBANK, tbankId));
        assertTrue(petya.ok("GET", "/v1/posts/" + post, null, 200).json().path("locked").asBoolean());
        assertEquals(0, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong());
        Thread.sleep(PAID_URL_TTL.plusSeconds(1).toMillis());
        assertEquals(403, PresignedUrl.download(fullSize).statusCode(), "an old URL to a refunded photo expires like any other");
    }

    // --- a phone -------------------------------------------------------------------------------------------

    private User signUp(String name) {
        return RUNNER.signUp(name);
    }

    /** T-Bank and the other providers, as the runner simulates them. */
    private static PaymentSimulator simulator() {
        return RUNNER.backend().paymentSimulator().orElseThrow();
    }

    /** A paid post with one photo sent through its presigned URL, once the thumbnail function has published it. */
    private String paidPhotoPost(User creator, long price) {
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        return creator.postPhotoAndAwaitPublished("paid-post", photo, "\"price\": " + price + ", \"caption\": \"Полная версия за 199 ₽\"");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
