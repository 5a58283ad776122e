package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.paymentsim.SimulatedPayment;
import ru.rossgram.shared.money.Money;

/**
 * A paid subscription as phones, a provider and the schedule meet it, through the local runner over real HTTP, for
 * each provider: the creator offers a tier and posts for subscribers; a fan subscribes through checkout and pays on
 * the simulated provider's page, and the post opens; the runner's clock moves to the end of the month and the
 * renewal schedule fires: the saved method is charged and the provider's notification renews the subscription; the
 * next renewal is declined, the fan keeps reading through the grace and the retry a day later succeeds; a
 * cancelled subscription keeps its access to the end of the paid period, is never charged, and then ends. An upgrade
 * is charged the prorated difference; notifications delivered twice at once, again, and out of order count once; a
 * refund ends the subscription and reverses exactly its payment's entries.
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
        RUNNER.moveClockTo(firstEnd.minus(Duration.ofMinutes(10)));
        petya = RUNNER.signIn(petya);
        masha = RUNNER.signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        JsonNode renewed = await(petya, masha, s -> Instant.parse(s.path("paidThrough").asText()).isAfter(firstEnd));
        assertEquals("active", renewed.path("status").asText());
        Instant secondEnd = Instant.parse(renewed.path("paidThrough").asText());
        RUNNER.moveClockTo(firstEnd.plus(Duration.ofMinutes(1)));
        petya = RUNNER.signIn(petya);
        assertFalse(locked(petya, post), "no gap at the period's end");

        // The next renewal is declined: past due, readable through the grace; the retry a day later succeeds.
        simulator().declineCharges(card, true);
        RUNNER.moveClockTo(secondEnd.minus(Duration.ofMinutes(10)));
        petya = RUNNER.signIn(petya);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        if (provider == Provider.ROBOKASSA) { // it notifies no decline: the job asks an hour later
            RUNNER.moveClockTo(secondEnd.plus(Duration.ofMinutes(51)));
            petya = RUNNER.signIn(petya);
            RUNNER.runSchedule("RenewSubscriptionsFunction");
        }
        JsonNode pastDue = await(petya, masha, s -> s.path("status").asText().equals("past_due"));
        assertEquals(secondEnd.plus(Duration.ofDays(7)), Instant.parse(pastDue.path("accessUntil").asText()));
        assertEquals(secondEnd.plus(Duration.ofDays(1)), Instant.parse(pastDue.path("nextChargeAt").asText()));
        RUNNER.moveClockTo(secondEnd.plus(Duration.ofHours(2)));
        petya = RUNNER.signIn(petya);
        assertFalse(locked(petya, post), "readable through the grace");

        simulator().declineCharges(card, false);
        RUNNER.moveClockTo(secondEnd.plus(Duration.ofDays(1)));
        petya = RUNNER.signIn(petya);
        masha = RUNNER.signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        JsonNode retried = await(petya, masha, s -> s.path("status").asText().equals("active"));
        Instant thirdEnd = Instant.parse(retried.path("paidThrough").asText());
        assertTrue(thirdEnd.isAfter(secondEnd), retried.toString());

        // Cancelled: no more charges, access to the end of what was paid, then the end.
        petya.ok("DELETE", "/v1/me/subscriptions/" + masha.username(), null, 200);
        RUNNER.moveClockTo(thirdEnd.minus(Duration.ofMinutes(5)));
        petya = RUNNER.signIn(petya);
        masha = RUNNER.signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        assertFalse(locked(petya, post), "a cancelled subscriber reads to the period's end");
        assertEquals("canceled", subscriptionTo(petya, masha).path("status").asText());
        RUNNER.moveClockTo(thirdEnd.plus(Duration.ofMinutes(1)));
        petya = RUNNER.signIn(petya);
        masha = RUNNER.signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        assertEquals("ended", subscriptionTo(petya, masha).path("status").asText());
        assertTrue(locked(petya, post), "locked once the paid period is over");

        long share = PRICE - PRICE * 2000 / 10_000;
        assertEquals(3 * share, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "the first month, the renewal and the retried renewal; the declines and the cancelled month nothing");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anUpgradeIsChargedTheProratedDifference_notificationsDuplicatedAndReorderedCountOnce_andARefundEndsIt(
            Provider provider) throws Exception {
        User masha = RUNNER.signUp("masha");
        User petya = RUNNER.signUp("petya");
        masha.ok("POST", "/v1/me/tiers", "{\"name\": \"Серебро\", \"price\": 20000}", 201);
        masha.ok("POST", "/v1/me/tiers", "{\"name\": \"Золото\", \"price\": 50000}", 201);
        JsonNode tiers = masha.ok("GET", "/v1/me/tiers", null, 200).json().path("items");
        String silver = tiers.get(0).path("id").asText();
        String gold = tiers.get(1).path("id").asText();
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        String post = masha.postPhotoAndAwaitPublished("paid-post", photo, "\"minTierRank\": 2, \"caption\": \"Только для золота\"");
        SimulatedCard card = SimulatedCard.numbered(CARDS.incrementAndGet());
        subscribe(petya, masha, silver, provider, card);
        assertTrue(locked(petya, post), "silver does not open a gold post");

        // The upgrade: the difference for the rest of the month, charged on the saved method; its notification held,
        // then delivered twice at once and again.
        simulator().holdNotices(true);
        JsonNode upgrade = petya.ok("PATCH", "/v1/me/subscriptions/" + masha.username(), "{\"tierId\": \"" + gold + "\"}", 202).json();
        long difference = upgrade.at("/amount/amount").asLong();
        assertTrue(difference > 29_900 && difference <= 30_000, "almost the whole month is left: " + upgrade);
        List<Notice> upgraded = heldNotices(1);
        Concurrency.concurrently(2, i -> simulator().deliver(upgraded.get(0)));
        assertEquals(200, simulator().deliver(upgraded.get(0)).status());
        assertEquals(gold, subscriptionTo(petya, masha).at("/tier/id").asText());
        assertFalse(locked(petya, post), "gold opens it at once");

        // The renewal at gold's price; its notification arrives twice, and the upgrade's again after it.
        Instant end = Instant.parse(subscriptionTo(petya, masha).path("paidThrough").asText());
        RUNNER.moveClockTo(end.minus(Duration.ofMinutes(10)));
        petya = RUNNER.signIn(petya);
        masha = RUNNER.signIn(masha);
        RUNNER.runSchedule("RenewSubscriptionsFunction");
        List<Notice> renewal = heldNotices(1);
        simulator().holdNotices(false);
        assertEquals(200, simulator().deliver(renewal.get(0)).status());
        assertEquals(200, simulator().deliver(upgraded.get(0)).status());
        assertEquals(200, simulator().deliver(renewal.get(0)).status());
        JsonNode renewed = subscriptionTo(petya, masha);
        Instant next = Instant.parse(renewed.path("paidThrough").asText());
        assertTrue(next.isAfter(end) && next.isBefore(end.plus(Duration.ofDays(32))), "one period, not two: " + renewed);
        assertEquals(50_000, renewed.at("/price/amount").asLong());
        long earned = share(20_000) + share(difference) + share(50_000);
        assertEquals(earned, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "each payment once: the first month, the upgrade, the renewal");

        if (provider == Provider.ROBOKASSA) {
            return; // Robokassa notifies no refund: a refund made in its cabinet never reaches us
        }
        SimulatedPayment renewalCharge = simulator().payments(provider).stream()
                .filter(p -> p.merchantInitiated() && p.amountMinor() == 50_000).reduce((a, b) -> b).orElseThrow();
        assertEquals(200, simulator().refund(provider, renewalCharge.id()).status());
        assertEquals("ended", subscriptionTo(petya, masha).path("status").asText());
        assertTrue(locked(petya, post), "a refund ends access");
        assertEquals(earned - share(50_000), masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "the refund reverses exactly the renewal's entries");
    }

    @AfterEach
    void sendNoticesAgain() {
        simulator().holdNotices(false);
    }

    // --- a phone, a provider, the schedule ------------------------------------------------------------------

    private static void subscribe(User fan, User creator, String tierId, Provider provider, SimulatedCard card) throws Exception {
        JsonNode payment = fan.ok("POST", "/v1/checkouts", "{\"item\": {\"type\": \"subscription\", \"id\": \"" + tierId
                        + "\", \"creator\": \"" + creator.username() + "\"}, \"provider\": \"" + provider.wire() + "\"}",
                Map.of("idempotency-key", "sub-" + TestSettings.unique("k")), 201).json();
        RUNNER.pay(provider, payment, card);
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

    private static long share(long kopecks) {
        return kopecks - Money.rub(kopecks).share(2000).minor();
    }

    /** The {@code count} notifications the simulator held (sent on its own a moment after the charge). */
    private static List<Notice> heldNotices(int count) throws InterruptedException {
        List<Notice> held = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (held.size() < count && Instant.now().isBefore(deadline)) {
            held.addAll(simulator().heldNotices());
            Thread.sleep(50);
        }
        assertEquals(count, held.size(), "held notifications: " + held);
        return held;
    }

    private static PaymentSimulator simulator() {
        return RUNNER.simulator();
    }
}
