package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;

/**
 * A paid subscription as phones, a provider and the schedule meet it, through the local runner over real HTTP, for
 * each provider: the creator offers a tier and posts for subscribers; a fan subscribes through checkout and pays on
 * the simulated provider's page, and the post opens; the runner's clock moves to the end of the month and the
 * renewal schedule fires: the saved method is charged and the provider's notification renews the subscription; the
 * next renewal is declined, the fan keeps reading through the grace and the retry a day later succeeds; a
 * cancelled subscription keeps its access to the end of the paid period, is never charged, and then ends.
 */
class SubscriptionsEndToEndTest {
    private static final long PRICE = 29_900;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger CARDS = new AtomicInteger(7_300);

    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of()).withPayments();

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aFanSubscribes_reads_isRenewedByTheSchedule_keepsReadingThroughADeclinesGrace_andCancelsToThePeriodsEnd(
            Provider provider) throws Exception {
        User masha = RUNNER.signUp("masha");
        User petya = RUNNER.signUp("petya");
        masha.ok("POST", "/v1/me/tiers", "{\"name\": \"Закулисье\", \"price\": " + PRICE + "}", 201);
        String tierId = masha.ok("GET", "/v1/me/tiers", null, 200).json().at("/items/0/id").asText();
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        String post = masha.postPhotoAndAwaitPublished("paid-post", photo, "\"minTierRank\": 1, \"caption\": \"Для подписчиков\"");
        assertTrue(locked(petya, post), "for subscribers only");

        SimulatedCard card = SimulatedCard.numbered(CARDS.incrementAndGet());
        subscribe(petya, masha, tierId, provider, card);
        assertFalse(locked(petya, post), "a subscriber reads it");
        JsonNode first = subscriptionTo(petya, masha);
        assertEquals("active", first.path("status").asText());
        Instant firstEnd = Instant.parse(first.path("paidThrough").asText());

        // The month passes; the schedule fires 10 minutes before the period ends, and the renewal is paid.
        moveClockTo(firstEnd.minus(Duration.ofMinutes(10)));
        petya = signIn(petya);
        masha = signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        JsonNode renewed = await(petya, masha, s -> Instant.parse(s.path("paidThrough").asText()).isAfter(firstEnd));
        assertEquals("active", renewed.path("status").asText());
        Instant secondEnd = Instant.parse(renewed.path("paidThrough").asText());
        moveClockTo(firstEnd.plus(Duration.ofMinutes(1)));
        petya = signIn(petya);
        assertFalse(locked(petya, post), "no gap at the period's end");

        // The next renewal is declined: past due, readable through the grace; the retry a day later succeeds.
        simulator().declineCharges(card, true);
        moveClockTo(secondEnd.minus(Duration.ofMinutes(10)));
        petya = signIn(petya);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        if (provider == Provider.ROBOKASSA) { // it notifies no decline: the job asks an hour later
            moveClockTo(secondEnd.plus(Duration.ofMinutes(51)));
            petya = signIn(petya);
            RUNNER.runSchedule("RenewSubscriptionsFunction");
        }
        JsonNode pastDue = await(petya, masha, s -> s.path("status").asText().equals("past_due"));
        assertEquals(secondEnd.plus(Duration.ofDays(7)), Instant.parse(pastDue.path("accessUntil").asText()));
        assertEquals(secondEnd.plus(Duration.ofDays(1)), Instant.parse(pastDue.path("nextChargeAt").asText()));
        moveClockTo(secondEnd.plus(Duration.ofHours(2)));
        petya = signIn(petya);
        assertFalse(locked(petya, post), "readable through the grace");

        simulator().declineCharges(card, false);
        moveClockTo(secondEnd.plus(Duration.ofDays(1)));
        petya = signIn(petya);
        masha = signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        JsonNode retried = await(petya, masha, s -> s.path("status").asText().equals("active"));
        Instant thirdEnd = Instant.parse(retried.path("paidThrough").asText());
        assertTrue(thirdEnd.isAfter(secondEnd), retried.toString());

        // Cancelled: no more charges, access to the end of what was paid, then the end.
        petya.ok("DELETE", "/v1/me/subscriptions/" + masha.username(), null, 200);
        moveClockTo(thirdEnd.minus(Duration.ofMinutes(5)));
        petya = signIn(petya);
        masha = signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        assertFalse(locked(petya, post), "a cancelled subscriber reads to the period's end");
        assertEquals("canceled", subscriptionTo(petya, masha).path("status").asText());
        moveClockTo(thirdEnd.plus(Duration.ofMinutes(1)));
        petya = signIn(petya);
        masha = signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        assertEquals("ended", subscriptionTo(petya, masha).path("status").asText());
        assertTrue(locked(petya, post), "locked once the paid period is over");

        long share = PRICE - PRICE * 2000 / 10_000;
        assertEquals(3 * share, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "the first month, the renewal and the retried renewal; the declines and the cancelled month nothing");
    }

    // --- a phone, a provider, the schedule ------------------------------------------------------------------

    private static void subscribe(User fan, User creator, String tierId, Provider provider, SimulatedCard card) throws Exception {
        JsonNode payment = fan.ok("POST", "/v1/checkouts", "{\"item\": {\"type\": \"subscription\", \"id\": \"" + tierId
                        + "\", \"creator\": \"" + creator.username() + "\"}, \"provider\": \"" + provider.wire() + "\"}",
                Map.of("idempotency-key", "sub-" + TestSettings.unique("k")), 201).json();
        URI page = URI.create(payment.path("confirmationUrl").asText());
        assertEquals(200, ApiDriver.HTTP.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, simulator().pay(provider, Marketplace.simulatedId(provider, payment), card).status());
    }

    private static boolean locked(User reader, String post) {
        return reader.ok("GET", "/v1/posts/" + post, null, 200).json().path("locked").asBoolean();
    }

    private static JsonNode subscriptionTo(User fan, User creator) {
        for (JsonNode subscription : fan.ok("GET", "/v1/me/subscriptions", null, 200).json().path("subscriptions")) {
            if (subscription.at("/creator/id").asText().equals(creator.id())) {
                return subscription;
            }
        }
        throw new AssertionError(fan.username() + " has no subscription to " + creator.username());
    }

    /** The subscription once the provider's notification (sent on its own, a moment after the charge) moved it. */
    private static JsonNode await(User fan, User creator, Predicate<JsonNode> moved) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode subscription = subscriptionTo(fan, creator);
        while (!moved.test(subscription)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the subscription did not move: " + subscription);
            }
            Thread.sleep(100);
            subscription = subscriptionTo(fan, creator);
        }
        return subscription;
    }

    /** Moves the runner's clock to {@code at} (never back). */
    private static void moveClockTo(Instant at) {
        Instant now = RUNNER.advanceClock(Duration.ZERO);
        if (at.isAfter(now)) {
            RUNNER.advanceClock(Duration.between(now, at));
        }
    }

    /** The user signed in again: a jump of the clock outlives access tokens. */
    private static User signIn(User user) {
        JsonNode session = RUNNER.api().post("/v1/sessions", TestSettings.signInBody(user.username(), TestSettings.PASSWORD)).json();
        return new User(user.id(), user.username(), session.at("/tokens/accessToken").asText(), user.api());
    }

    private static PaymentSimulator simulator() {
        return RUNNER.backend().paymentSimulator().orElseThrow();
    }
}
