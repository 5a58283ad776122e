package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.WebhookAnswer;

/**
 * The referral program as phones and a provider meet it, through the local runner over real HTTP with a short hold
 * ({@code --env ROSSGRAM_REFERRALS_HOLD=2s}): a referrer shares its code, a creator signs up with it, a buyer pays
 * for the creator's paid post through the simulated T-Bank; the referrer's reward is pending, then available once
 * the hold passes, then reversed by the refund.
 */
class ReferralsEndToEndTest {
    private static final Duration HOLD = Duration.ofSeconds(2);

    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of("ROSSGRAM_REFERRALS_HOLD", HOLD.getSeconds() + "s"))
            .withPayments();

    @Test
    void aReferredCreatorsPaidPostBought_rewardsTheReferrer_pendingThenAvailable_thenReversedByTheRefund() throws Exception {
        User anya = RUNNER.signUp("anya");
        String code = referrals(anya).path("code").asText();
        User masha = User.signUpReferred(RUNNER.api(), TestSettings.unique("masha"), code);
        User petya = RUNNER.signUp("petya");
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        String post = masha.postPhotoAndAwaitPublished("paid-post", photo, "\"price\": 19900, \"caption\": \"Только для своих\"");

        JsonNode payment = petya.ok("POST", "/v1/checkouts", "{\"item\": {\"type\": \"post\", \"id\": \"" + post
                + "\"}, \"provider\": \"tbank\"}", Map.of("idempotency-key", "referral-" + post), 201).json();
        URI page = URI.create(payment.path("confirmationUrl").asText());
        assertEquals(200, ApiDriver.HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        String tbankId = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);
        assertEquals(new WebhookAnswer(200, "OK"), simulator().pay(Provider.TBANK, tbankId));

        JsonNode pending = referrals(anya);
        assertEquals(masha.username(), pending.at("/referred/0/username").asText(), pending.toString());
        assertEquals("pending", pending.at("/items/0/state").asText());
        assertEquals(995, pending.at("/rewards/pending/amount").asLong(), "a quarter of the 20% fee on 199 roubles");
        assertEquals(15_920, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "the creator keeps her whole share");

        Thread.sleep(HOLD.plusMillis(500).toMillis());
        JsonNode available = referrals(anya);
        assertEquals("available", available.at("/items/0/state").asText(), available.toString());
        assertEquals(995, available.at("/rewards/available/amount").asLong());

        assertEquals(new WebhookAnswer(200, "OK"), simulator().refund(Provider.TBANK, tbankId));
        JsonNode reversed = referrals(anya);
        assertEquals("reversed", reversed.at("/items/0/state").asText(), reversed.toString());
        assertEquals(995, reversed.at("/rewards/reversed/amount").asLong());
        assertEquals(0, reversed.at("/rewards/available/amount").asLong());
    }

    private static JsonNode referrals(User user) {
        return user.ok("GET", "/v1/me/referrals", null, 200).json();
    }

    private static PaymentSimulator simulator() {
        return RUNNER.backend().paymentSimulator().orElseThrow();
    }
}
