package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.subscriptions.BillingCalendar;
import ru.rossgram.shared.payments.subscriptions.RenewalJob;
import ru.rossgram.shared.payments.subscriptions.Subscription;
import ru.rossgram.shared.payments.subscriptions.SubscriptionRepository;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;

/**
 * Subscriptions end to end through the real handlers and the payment simulator: subscribing through checkout (the
 * first payment saving the method), the settlement of every subscription payment (start, renewal, upgrade, decline,
 * refund) exactly once with the ledger, the access item and the creator's counts, and the subscriber's changes
 * (cancel, upgrade, downgrade). Renewal payments are made here as the renewal job makes them (its derived id, charge
 * RENEWAL, the saved method charged), so their settlement is tested without waiting a month.
 */
abstract class SubscriptionsContract extends Contract {
    private static final long BASIC = 30_000; // 300 roubles a month
    private static final long GOLD = 90_000;
    private static final long BASIC_SHARE = 24_000; // less the 20% fee

    private final Marketplace market = new Marketplace(this::backend);
    /** The services as the renewal job sees them: with the providers configured, for charging saved methods. */
    private SharedServices renewals;

    protected SubscriptionsContract() {
        super("CheckoutFunction", Map.of());
    }

    @AfterAll
    void stop() {
        if (renewals != null) {
            renewals.close();
        }
        market.close();
    }

    /** A creator with three tiers: lite (rank 1, 100 roubles), basic (rank 2) and gold (rank 3). */
    private record Creator(User user, String lite, String basic, String gold) {
    }

    private Creator creatorWithTiers() {
        User creator = market.signUp("creator");
        String lite = tier(creator, "Lite", 10_000);
        String basic = tier(creator, "Basic", BASIC);
        String gold = tier(creator, "Gold", GOLD);
        return new Creator(creator, lite, basic, gold);
    }

    /** A new tier through {@code POST /v1/me/tiers}: it ranks after the creator's others. */
    private static String tier(User creator, String name, long price) {
        return creator.ok("POST", "/v1/me/tiers", "{\"name\": \"" + name + "\", \"description\": \"Posts for " + name
                + "\", \"price\": " + price + "}", 201).json().path("id").asText();
    }

    private <T> T bean(Class<T> type) {
        return market.services().get(type);
    }

    private Subscription stored(User fan, Creator creator) {
        return bean(SubscriptionRepository.class).find(fan.id(), creator.user().id()).orElseThrow();
    }

    /** Subscribes {@code fan} to the basic tier and delivers the provider's success once. */
    private Marketplace.Checkout subscribed(User fan, Creator creator, Provider provider) {
        Marketplace.Checkout checkout = market.subscribeAndOpenPage(fan, creator.user(), creator.basic(), provider);
        Reply answer = market.deliver(market.notice(provider, checkout.simulatedId(), Action.PAY));
        assertEquals(200, answer.status(), answer.body());
        return checkout;
    }

    private JsonNode mySubscription(User fan) {
        JsonNode mine = fan.ok("GET", "/v1/me/subscriptions", null, 200).json();
        assertEquals(1, mine.path("subscriptions").size(), mine.toString());
        return mine.at("/subscriptions/0");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void subscribingAndPaying_makesAnActiveSubscription_withAccess_theSavedMethod_andTheCreatorsEarnings(Provider provider) {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        Instant before = Instant.now();
        subscribed(fan, creator, provider);

        Subscription sub = stored(fan, creator);
        assertEquals(Subscription.Status.ACTIVE, sub.status());
        assertEquals(1, sub.period());
        assertTrue(!sub.anchor().isBefore(before.minusSeconds(1)), sub.toString());
        assertEquals(BillingCalendar.periodEnd(sub.anchor(), 1), sub.paidThrough());
        assertNotNull(sub.savedMethod(), provider + " saved the method for the renewals");
        assertEquals(sub.paidThrough(), sub.dueAt());

        SubscriptionAccess.Access access = bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow();
        assertEquals(creator.basic(), access.tierId());
        assertEquals(sub.paidThrough(), access.accessUntil());

        JsonNode mine = mySubscription(fan);
        assertEquals("active", mine.path("status").asText());
        assertEquals(creator.user().username(), mine.at("/creator/username").asText());
        assertEquals("Basic", mine.at("/tier/name").asText());
        assertEquals(BASIC, mine.at("/price/amount").asLong());
        assertEquals(sub.paidThrough(), Instant.parse(mine.path("nextChargeAt").asText()));

        JsonNode earnings = creator.user().ok("GET", "/v1/me/earnings", null, 200).json();
        assertEquals(BASIC_SHARE, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals("subscription", earnings.at("/items/0/kind").asText());

        JsonNode subscribers = creator.user().ok("GET", "/v1/me/subscribers", null, 200).json();
        assertEquals(1, subscribers.at("/counts/total").asLong(), subscribers.toString());
        assertEquals(1, subscribers.at("/counts/perTier/" + creator.basic()).asLong());
        assertEquals(fan.username(), subscribers.at("/subscribers/0/username").asText());

        Reply again = market.subscribe(fan, creator.user(), creator.gold(), provider.wire(), null);
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("already-subscribed"), again.body());
    }

    @Test
    void theSameSuccess_deliveredTwiceAtOnce_andAgainAfterTheRefund_buysOnePeriod() throws Exception {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        Marketplace.Checkout checkout = market.subscribeAndOpenPage(fan, creator.user(), creator.basic(), Provider.TBANK);
        Notice success = market.notice(Provider.TBANK, checkout.simulatedId(), Action.PAY);

        concurrently(10, i -> market.deliver(success)).forEach(answer -> assertEquals("OK", answer.body()));
        assertEquals(1, stored(fan, creator).period(), "one payment, one period");
        assertEquals(1, creator.user().ok("GET", "/v1/me/subscribers", null, 200).json().at("/counts/total").asLong());

        Notice refund = market.notice(Provider.TBANK, checkout.simulatedId(), Action.REFUND);
        assertEquals("OK", market.deliver(refund).body());
        assertEquals("OK", market.deliver(success).body(), "a success redelivered after the refund");
        assertEquals(Subscription.Status.ENDED, stored(fan, creator).status());
        JsonNode earnings = creator.user().ok("GET", "/v1/me/earnings", null, 200).json();
        assertEquals(0, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(2, earnings.path("items").size(), earnings.toString());
    }

    @Test
    void aRefund_endsTheSubscription_takesTheAccessAway_andReversesTheLedgerExactly() {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        Marketplace.Checkout checkout = subscribed(fan, creator, Provider.YOOKASSA);

        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.REFUND)).status());

        Subscription sub = stored(fan, creator);
        assertEquals(Subscription.Status.ENDED, sub.status());
        assertEquals(null, sub.dueAt());
        assertTrue(bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).isEmpty(), "access gone");
        JsonNode earnings = creator.user().ok("GET", "/v1/me/earnings", null, 200).json();
        assertEquals(0, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(List.of("refund", "subscription"), kinds(earnings));
        assertEquals(-BASIC_SHARE, earnings.at("/items/0/amount/amount").asLong());
        assertEquals(0, creator.user().ok("GET", "/v1/me/subscribers", null, 200).json().at("/counts/total").asLong());
        JsonNode mine = mySubscription(fan);
        assertEquals("ended", mine.path("status").asText());
        assertTrue(mine.path("nextChargeAt").isMissingNode(), mine.toString());
    }

    @Test
    void cancelling_keepsAccessToThePaidPeriodsEnd_chargesNoMore_andIsIdempotent() {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        subscribed(fan, creator, Provider.CLOUDPAYMENTS);
        Subscription before = stored(fan, creator);

        JsonNode cancelled = fan.ok("DELETE", "/v1/me/subscriptions/" + creator.user().username(), null, 200).json();
        assertEquals("canceled", cancelled.path("status").asText());
        assertTrue(cancelled.path("nextChargeAt").isMissingNode(), cancelled.toString());
        assertEquals(before.paidThrough(), Instant.parse(cancelled.path("accessUntil").asText()));
        assertEquals(before.paidThrough(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().accessUntil());
        Subscription after = stored(fan, creator);
        assertEquals(before.paidThrough(), after.dueAt(), "the renewal job looks again only to end it");

        fan.ok("DELETE", "/v1/me/subscriptions/" + creator.user().username(), null, 200);
        assertEquals(after.version(), stored(fan, creator).version(), "cancelling again changes nothing");
        assertEquals(1, creator.user().ok("GET", "/v1/me/subscribers", null, 200).json().at("/counts/total").asLong(),
                "still a subscriber until the paid period ends");
        Reply again = market.subscribe(fan, creator.user(), creator.basic(), "cloudpayments", null);
        assertEquals(409, again.status(), "cancelled with paid time left: " + again.body());
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anUpgrade_chargesTheProratedDifferenceOnTheSavedMethod_andTheTierChangesWhenItSettles(Provider provider) throws Exception {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        subscribed(fan, creator, provider);
        Subscription before = stored(fan, creator);
        market.simulator().holdNotices(true);
        try {
            Reply upgrade = fan.send("PATCH", "/v1/me/subscriptions/" + creator.user().username(),
                    "{\"tierId\": \"" + creator.gold() + "\"}");
            assertEquals(202, upgrade.status(), upgrade.body());
            long charged = upgrade.json().at("/amount/amount").asLong();
            assertTrue(charged > GOLD - BASIC - 100 && charged <= GOLD - BASIC, "almost a whole period is left: " + charged);
            assertEquals(creator.basic(), stored(fan, creator).tierId(), "not before the charge settles");
            Reply repeated = fan.send("PATCH", "/v1/me/subscriptions/" + creator.user().username(),
                    "{\"tierId\": \"" + creator.gold() + "\"}");
            assertEquals(upgrade.json().path("paymentId").asText(), repeated.json().path("paymentId").asText(), "one payment");

            for (Notice notice : market.heldNotices(1)) {
                assertEquals(200, market.deliver(notice).status());
            }
            Subscription after = stored(fan, creator);
            assertEquals(creator.gold(), after.tierId());
            assertEquals(Money.rub(GOLD), after.price());
            assertEquals(before.paidThrough(), after.paidThrough());
            assertEquals(creator.gold(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().tierId());
            JsonNode counts = creator.user().ok("GET", "/v1/me/subscribers", null, 200).json().path("counts");
            assertEquals(1, counts.at("/perTier/" + creator.gold()).asLong(), counts.toString());
            assertTrue(counts.at("/perTier/" + creator.basic()).isMissingNode(), counts.toString());
            JsonNode earnings = creator.user().ok("GET", "/v1/me/earnings", null, 200).json();
            assertEquals(BASIC_SHARE + charged - charged * 2000 / 10_000, earnings.at("/balance/amount").asLong(), earnings.toString());
        } finally {
            market.simulator().holdNotices(false);
        }
    }

    @Test
    void aDowngrade_waitsForTheNextRenewal() {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        subscribed(fan, creator, Provider.YOOKASSA);

        JsonNode answer = fan.ok("PATCH", "/v1/me/subscriptions/" + creator.user().username(),
                "{\"tierId\": \"" + creator.lite() + "\"}", 200).json();
        assertEquals(creator.basic(), answer.at("/tier/id").asText());
        assertEquals(creator.lite(), answer.at("/pendingTier/id").asText());
        assertEquals("Lite", answer.at("/pendingTier/name").asText());
        assertEquals(creator.basic(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().tierId());
        assertEquals(creator.lite(), stored(fan, creator).pendingTierId());
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aRenewalsSuccess_paysTheNextPeriod_andItsLedgerLine(Provider provider) throws Exception {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        subscribed(fan, creator, provider);
        Subscription before = stored(fan, creator);
        market.simulator().holdNotices(true);
        try {
            chargeRenewal(before, 1);
            for (Notice notice : market.heldNotices(1)) {
                assertEquals(200, market.deliver(notice).status());
                assertEquals(200, market.deliver(notice).status(), "delivered twice");
            }
        } finally {
            market.simulator().holdNotices(false);
        }
        Subscription after = stored(fan, creator);
        assertEquals(2, after.period());
        assertEquals(BillingCalendar.periodEnd(before.anchor(), 2), after.paidThrough());
        assertEquals(after.paidThrough(), after.dueAt());
        assertEquals(after.paidThrough(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().accessUntil());
        JsonNode earnings = creator.user().ok("GET", "/v1/me/earnings", null, 200).json();
        assertEquals(2 * BASIC_SHARE, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(List.of("subscription", "subscription"), kinds(earnings));
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"YOOKASSA", "TBANK", "CLOUDPAYMENTS"}) // Robokassa notifies no decline
    void aDeclinedRenewal_makesItPastDueWithGrace_andPayingAgainThroughCheckoutRestoresIt(Provider provider) throws Exception {
        Creator creator = creatorWithTiers();
        User fan = market.signUp("fan");
        subscribed(fan, creator, provider);
        Subscription before = stored(fan, creator);
        market.simulator().declineCharges(SimulatedCard.DEFAULT, true);
        market.simulator().holdNotices(true);
        try {
            chargeRenewal(before, 1);
            List<Notice> declines = market.heldNotices(1);
            for (Notice notice : declines) {
                assertEquals(200, market.deliver(notice).status());
            }
            Subscription pastDue = stored(fan, creator);
            assertEquals(Subscription.Status.PAST_DUE, pastDue.status());
            assertEquals(1, pastDue.failedAttempts());
            assertEquals(before.paidThrough().plus(java.time.Duration.ofDays(7)), pastDue.graceUntil());
            assertEquals(before.paidThrough().plus(java.time.Duration.ofDays(1)), pastDue.dueAt());
            assertEquals(pastDue.graceUntil(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().accessUntil());
            assertEquals("past_due", mySubscription(fan).path("status").asText());
            for (Notice notice : declines) {
                assertEquals(200, market.deliver(notice).status(), "the decline again");
            }
            assertEquals(pastDue.version(), stored(fan, creator).version(), "counted once");
        } finally {
            market.simulator().holdNotices(false);
            market.simulator().declineCharges(SimulatedCard.DEFAULT, false);
        }

        Marketplace.Checkout restore = market.subscribeAndOpenPage(fan, creator.user(), creator.basic(), provider);
        assertEquals(200, market.deliver(market.notice(provider, restore.simulatedId(), Action.PAY)).status());
        Subscription restored = stored(fan, creator);
        assertEquals(Subscription.Status.ACTIVE, restored.status());
        assertEquals(2, restored.period(), "the restore pays the period the renewal did not");
        assertEquals(0, restored.failedAttempts());
        assertEquals(null, restored.graceUntil());
        assertEquals(restored.paidThrough(), bean(SubscriptionAccess.class).find(fan.id(), creator.user().id()).orElseThrow().accessUntil());
    }

    @Test
    void theCreatorsSubscribers_comeNewestFirst_aPageAtATime_withTheLiveCounts() {
        Creator creator = creatorWithTiers();
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            User fan = market.signUp("fan");
            subscribed(fan, creator, Provider.YOOKASSA);
            fans.add(fan);
        }
        fans.get(0).ok("DELETE", "/v1/me/subscriptions/" + creator.user().username(), null, 200);

        JsonNode first = creator.user().ok("GET", "/v1/me/subscribers?limit=2", null, 200).json();
        assertEquals(List.of(fans.get(2).username(), fans.get(1).username()), usernames(first));
        assertEquals(3, first.at("/counts/total").asLong(), "a cancelled subscriber counts until the paid period ends");
        JsonNode second = creator.user().ok("GET", "/v1/me/subscribers?limit=2&cursor=" + first.path("nextCursor").asText(), null, 200).json();
        assertEquals(List.of(fans.get(0).username()), usernames(second));
        assertEquals("canceled", second.at("/subscribers/0/status").asText());
        assertEquals(400, fans.get(1).send("GET", "/v1/me/subscribers?cursor=" + first.path("nextCursor").asText(), null).status(),
                "a cursor of another creator's list");
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("subscribers").forEach(s -> names.add(s.path("username").asText()));
        return names;
    }

    /** What the renewal job does for a due subscription: the RENEWAL payment under its derived id, charged on the saved method. */
    private void chargeRenewal(Subscription sub, int attempt) {
        PaymentRepository payments = bean(PaymentRepository.class);
        Instant now = Instant.now();
        int period = sub.period() + 1;
        Payment renewal = new Payment(RenewalJob.renewalPaymentId(sub, period, attempt), sub.subscriberId(), sub.creatorId(),
                new Purchase(Purchase.Kind.SUBSCRIPTION, sub.tierId()), sub.price(), sub.price().share(Marketplace.FEE_BASIS_POINTS),
                sub.provider(), payments.nextOrderNumber(), null, null, PaymentState.PENDING, null, now, now, 1, null,
                new SubscriptionCharge(SubscriptionCharge.Reason.RENEWAL, period, attempt));
        assertTrue(payments.create(renewal, null).isEmpty());
        if (renewals == null) {
            renewals = SharedServices.asFunction(backend(), "CheckoutFunction", market.settings());
        }
        CreatedPayment charged = renewals.get(PaymentGateways.class).of(sub.provider()).orElseThrow().charge(new PaymentOrder(
                renewal.paymentId(), renewal.orderNumber(), renewal.amount(), "Rossgram: subscription renewal",
                "rossgram://payments/return", false, sub.subscriberId()), sub.savedMethod());
        payments.recordCharged(renewal, charged.providerPaymentId(), now);
    }

    /** The notices the simulator sent on its own (a charge's outcome comes after its answer), at least {@code count}. */
    private static List<String> kinds(JsonNode earnings) {
        List<String> kinds = new ArrayList<>();
        earnings.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        return kinds;
    }
}
