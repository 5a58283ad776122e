package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SavedMethodCharges;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.subscriptions.BillingCalendar;
import ru.rossgram.shared.payments.subscriptions.RenewalJob;
import ru.rossgram.shared.payments.subscriptions.Subscription;
import ru.rossgram.shared.payments.subscriptions.SubscriptionRepository;
import ru.rossgram.shared.payments.subscriptions.SubscriptionTransitions;
import ru.rossgram.shared.payments.subscriptions.SubscriptionWrites;
import ru.rossgram.shared.payments.subscriptions.SubscriptionsConfig;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * The renewal job ({@link RenewalJob}, what the {@code renew-subscriptions} function runs) against the real tables,
 * the providers' simulated APIs and our webhook: a subscription paid for with its method saved is renewed when the
 * job runs at the end of the paid period, once however many runs race, and its retries, grace, end, price rules and
 * downgrades follow. The job runs in the test with a clock the test moves (a month ahead, a day, an hour), the way
 * the function runs it with the platform's; the charges' notifications are held by the simulator and delivered by
 * the test to our webhook route, as the providers' servers would deliver them.
 *
 * <p>The table is shared with the other contracts of the run, so a run of the job renews whatever else is due by its
 * clock too: every assertion is about this test's own subscription, never about the run's totals.
 */
abstract class RenewalJobContract extends Contract {
    private static final long GOLD = 50_000;
    private static final long SILVER = 20_000;
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final AtomicInteger CARDS = new AtomicInteger(4_100);

    private final Marketplace market = new Marketplace(this::backend);
    private final MovableClock clock = new MovableClock();
    private final ProviderCalls calls = new ProviderCalls();
    private SharedServices services;
    private RenewalJob job;

    protected RenewalJobContract() {
        super("RenewSubscriptionsFunction", Map.of());
    }

    @BeforeAll
    void buildTheJob() {
        services = market.servicesAs("RenewSubscriptionsFunction");
        PaymentGateways counted = calls.counting(services.get(PaymentGateways.class));
        job = new RenewalJob(services.get(SubscriptionRepository.class), services.get(PaymentRepository.class),
                services.get(TierRepository.class), services.get(SubscriptionWrites.class),
                new SavedMethodCharges(services.get(PaymentRepository.class), counted, services.get(Settlement.class),
                        services.get(PaymentsConfig.class), clock),
                services.get(TransactionWriter.class),
                services.get(SubscriptionsConfig.class), services.get(PaymentsConfig.class), clock);
    }

    @AfterAll
    void stop() {
        market.close();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aPeriodsEnd_isRenewedBySavedMethodBeforeItEnds_chargedOnceWhenTwoRunsRace_andNotAgainAfter(Provider provider) throws Exception {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription first = subscribe(creator, fan, "gold", GOLD, provider, card());
        assertEquals(1, first.period());

        // 20 minutes before the period ends: within the half hour a renewal is charged ahead, so access has no gap
        List<JobSummary<RenewalJob.Outcome>> runs = runTogetherAt(first.paidThrough().minus(Duration.ofMinutes(20)));
        String renewal = RenewalJob.renewalPaymentId(first, 2, 1);
        assertEquals(1, chargesOf(renewal), "two runs at once charge the saved method once: " + runs);
        Payment payment = payment(renewal).orElseThrow();
        assertEquals(new SubscriptionCharge(SubscriptionCharge.Reason.RENEWAL, 2, 1), payment.charge());
        assertEquals(Money.rub(GOLD), payment.amount());
        assertNotNull(payment.providerPaymentId());

        job.run();
        assertEquals(1, chargesOf(renewal), "a later run before the notification charges nothing more");
        market.deliverHeldNotices();
        Subscription renewed = subscription(fan, creator);
        assertEquals(Subscription.Status.ACTIVE, renewed.status());
        assertEquals(2, renewed.period());
        assertEquals(BillingCalendar.periodEnd(first.anchor(), 2), renewed.paidThrough());
        assertEquals(renewed.paidThrough(), renewed.dueAt());
        assertEquals(renewed.paidThrough(), access(fan, creator).orElseThrow().accessUntil());
        assertEquals(PaymentState.SUCCEEDED, payment(renewal).orElseThrow().state());

        clock.set(first.paidThrough().plus(Duration.ofDays(2)));
        job.run();
        assertEquals(1, chargesOf(renewal));
        assertTrue(payment(RenewalJob.renewalPaymentId(renewed, 3, 1)).isEmpty(), "the next period is not due yet");
        long share = GOLD - Money.rub(GOLD).share(Marketplace.FEE_BASIS_POINTS).minor();
        assertEquals(2 * share, creator.send("GET", "/v1/me/earnings", null).json().at("/balance/amount").asLong(),
                "the first period and the renewal, each less the fee");
    }

    @Test
    void aDeclinedRenewal_isPastDueWithGrace_retriedAfterADay_andAfterThreeDaysSucceeds() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        SimulatedCard card = card();
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.TBANK, card);
        Instant end = first.paidThrough();
        market.simulator().declineCharges(card, true);

        runAt(end);
        market.deliverHeldNotices();
        Subscription pastDue = subscription(fan, creator);
        assertEquals(Subscription.Status.PAST_DUE, pastDue.status());
        assertEquals(1, pastDue.failedAttempts());
        assertEquals(end.plus(Duration.ofDays(7)), pastDue.graceUntil());
        assertEquals(end.plus(Duration.ofDays(1)), pastDue.dueAt());
        assertEquals(end.plus(Duration.ofDays(7)), access(fan, creator).orElseThrow().accessUntil(), "access through the grace");

        runAt(end.plus(Duration.ofHours(23)));
        assertTrue(payment(RenewalJob.renewalPaymentId(first, 2, 2)).isEmpty(), "no retry before its day");
        runAt(end.plus(Duration.ofDays(1)));
        market.deliverHeldNotices();
        assertEquals(1, chargesOf(RenewalJob.renewalPaymentId(first, 2, 2)));
        Subscription again = subscription(fan, creator);
        assertEquals(Subscription.Status.PAST_DUE, again.status());
        assertEquals(2, again.failedAttempts());
        assertEquals(end.plus(Duration.ofDays(3)), again.dueAt());

        market.simulator().declineCharges(card, false);
        runAt(end.plus(Duration.ofDays(3)));
        market.deliverHeldNotices();
        Subscription restored = subscription(fan, creator);
        assertEquals(Subscription.Status.ACTIVE, restored.status());
        assertEquals(2, restored.period());
        assertEquals(0, restored.failedAttempts());
        assertNull(restored.graceUntil());
        assertEquals(BillingCalendar.periodEnd(first.anchor(), 2), restored.paidThrough(), "the period counts from its due date");
        assertEquals(PaymentState.SUCCEEDED, payment(RenewalJob.renewalPaymentId(first, 2, 3)).orElseThrow().state());
    }

    @Test
    void fourDeclines_endTheSubscription_andItsAccess() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        SimulatedCard card = card();
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.YOOKASSA, card);
        Instant end = first.paidThrough();
        market.simulator().declineCharges(card, true);

        for (Duration after : List.of(Duration.ZERO, Duration.ofDays(1), Duration.ofDays(3))) {
            runAt(end.plus(after));
            market.deliverHeldNotices();
            assertEquals(Subscription.Status.PAST_DUE, subscription(fan, creator).status(), "after " + after);
        }
        assertTrue(access(fan, creator).isPresent());
        runAt(end.plus(Duration.ofDays(5)));
        market.deliverHeldNotices();
        Subscription ended = subscription(fan, creator);
        assertEquals(Subscription.Status.ENDED, ended.status());
        assertNull(ended.dueAt());
        assertTrue(access(fan, creator).isEmpty(), "access ends with the last decline, not at the grace's end");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(1, chargesOf(RenewalJob.renewalPaymentId(first, 2, attempt)), "attempt " + attempt);
        }
        runAt(end.plus(Duration.ofDays(40)));
        assertEquals(0, chargesOf(RenewalJob.renewalPaymentId(first, 2, 5)), "nothing after the end");
    }

    @Test
    void aCancelledSubscription_isNeverCharged_andEndsAtTheEndOfItsPaidPeriod() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.CLOUDPAYMENTS, card());
        save(first, SubscriptionTransitions.cancelled(first, Instant.now()).orElseThrow());

        runAt(first.paidThrough().minusSeconds(60));
        assertEquals(Subscription.Status.CANCELED, subscription(fan, creator).status());
        assertTrue(access(fan, creator).isPresent());
        runAt(first.paidThrough());
        Subscription ended = subscription(fan, creator);
        assertEquals(Subscription.Status.ENDED, ended.status());
        assertNull(ended.dueAt());
        assertTrue(access(fan, creator).isEmpty());
        assertEquals(0, chargesOf(RenewalJob.renewalPaymentId(first, 2, 1)));
        assertTrue(payment(RenewalJob.renewalPaymentId(first, 2, 1)).isEmpty());
    }

    @Test
    void aPriceRise_appliesToARenewalOnlyWhenMadeThirtyDaysBeforeIt_andAFallAtOnce() {
        User noticed = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User recent = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fell = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription toNoticed = subscribe(noticed, fan, "gold", GOLD, Provider.YOOKASSA, card());
        Subscription toRecent = subscribe(recent, fan, "gold", GOLD, Provider.YOOKASSA, card());
        Subscription toFell = subscribe(fell, fan, "gold", GOLD, Provider.YOOKASSA, card());
        Instant due = toRecent.paidThrough();
        setTiers(noticed, tier("gold", 2, 70_000, toNoticed.paidThrough().minus(Duration.ofDays(30))));
        setTiers(recent, tier("gold", 2, 70_000, due.minus(Duration.ofDays(29))));
        setTiers(fell, tier("gold", 2, 40_000, due.minus(Duration.ofDays(1))));

        runAt(List.of(toNoticed.paidThrough(), due, toFell.paidThrough()).stream().max(Instant::compareTo).orElseThrow());
        market.deliverHeldNotices();
        assertEquals(Money.rub(70_000), payment(RenewalJob.renewalPaymentId(toNoticed, 2, 1)).orElseThrow().amount());
        assertEquals(Money.rub(GOLD), payment(RenewalJob.renewalPaymentId(toRecent, 2, 1)).orElseThrow().amount());
        assertEquals(Money.rub(40_000), payment(RenewalJob.renewalPaymentId(toFell, 2, 1)).orElseThrow().amount());
        assertEquals(Money.rub(70_000), subscription(fan, noticed).price(), "the subscription pays the new price from now on");
        assertEquals(Money.rub(GOLD), subscription(fan, recent).price());
        assertEquals(2, subscription(fan, recent).period());
    }

    @Test
    void aDowngrade_isAppliedAtTheRenewal_atTheLowerTiersPrice() {
        User creator = creatorWithTiers(tier("silver", 1, SILVER, LONG_AGO), tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.TBANK, card());
        save(first, SubscriptionTransitions.withPendingTier(first, "silver", Instant.now()));

        runAt(first.paidThrough());
        Payment renewal = payment(RenewalJob.renewalPaymentId(first, 2, 1)).orElseThrow();
        assertEquals(new Purchase(Purchase.Kind.SUBSCRIPTION, "silver"), renewal.purchase());
        assertEquals(Money.rub(SILVER), renewal.amount());
        assertEquals("gold", subscription(fan, creator).tierId(), "gold until the renewal is paid");
        market.deliverHeldNotices();
        Subscription downgraded = subscription(fan, creator);
        assertEquals("silver", downgraded.tierId());
        assertEquals(Money.rub(SILVER), downgraded.price());
        assertNull(downgraded.pendingTierId());
        assertEquals("silver", access(fan, creator).orElseThrow().tierId());
    }

    @Test
    void robokassasDecline_whichItNeverNotifies_isFoundByAskingAfterTheOutcomeCheck() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        SimulatedCard card = card();
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.ROBOKASSA, card);
        market.simulator().declineCharges(card, true);
        Instant end = first.paidThrough();

        runAt(end);
        assertTrue(market.simulator().heldNotices().stream().noneMatch(n -> n.provider() == Provider.ROBOKASSA),
                "Robokassa says nothing of a declined charge");
        String renewal = RenewalJob.renewalPaymentId(first, 2, 1);
        assertEquals(PaymentState.PENDING, payment(renewal).orElseThrow().state());
        assertEquals(end.plus(Duration.ofHours(1)), subscription(fan, creator).dueAt());

        runAt(end.plus(Duration.ofMinutes(59)));
        assertEquals(PaymentState.PENDING, payment(renewal).orElseThrow().state(), "not asked before the outcome check");
        runAt(end.plus(Duration.ofHours(1)));
        assertEquals(PaymentState.CANCELED, payment(renewal).orElseThrow().state());
        Subscription pastDue = subscription(fan, creator);
        assertEquals(Subscription.Status.PAST_DUE, pastDue.status());
        assertEquals(1, pastDue.failedAttempts());
        assertEquals(end.plus(Duration.ofDays(1)), pastDue.dueAt());
        assertEquals(1, chargesOf(renewal), "asking is not charging");
    }

    @Test
    void aSubscriptionWithoutASavedMethod_isDeclinedAsIfTheProviderHad_withoutACharge() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription first = subscribe(creator, fan, "gold", GOLD, Provider.YOOKASSA, card());
        Subscription noMethod = new Subscription(first.subscriberId(), first.creatorId(), first.tierId(), first.price(),
                first.status(), first.anchor(), first.period(), first.paidThrough(), first.provider(), null, null, 0, null,
                first.dueAt(), first.startedAt(), Instant.now(), first.version() + 1);
        save(first, noMethod);

        runAt(first.paidThrough());
        String renewal = RenewalJob.renewalPaymentId(first, 2, 1);
        assertEquals(0, chargesOf(renewal));
        assertEquals(PaymentState.CANCELED, payment(renewal).orElseThrow().state());
        Subscription pastDue = subscription(fan, creator);
        assertEquals(Subscription.Status.PAST_DUE, pastDue.status());
        assertEquals(1, pastDue.failedAttempts());
    }

    @Test
    void subscribedOnThe31stOfJanuary_renewsOnThe29thOfFebruary2028_andThe31stOfMarch() {
        User creator = creatorWithTiers(tier("gold", 2, GOLD, LONG_AGO));
        User fan = market.signUp("fan");
        Subscription paid = subscribe(creator, fan, "gold", GOLD, Provider.CLOUDPAYMENTS, card());
        Instant anchor = moscow("2028-01-31T21:30:00");
        Instant february = moscow("2028-02-29T21:30:00");
        Subscription onThe31st = new Subscription(paid.subscriberId(), paid.creatorId(), paid.tierId(), paid.price(),
                paid.status(), anchor, 1, february, paid.provider(), paid.savedMethod(), null, 0, null, february,
                paid.startedAt(), Instant.now(), paid.version() + 1);
        save(paid, onThe31st);

        runAt(february.minus(RenewalJob.CHARGE_AHEAD).minusSeconds(1));
        assertTrue(payment(RenewalJob.renewalPaymentId(onThe31st, 2, 1)).isEmpty());
        runAt(february);
        market.deliverHeldNotices();
        Subscription march = subscription(fan, creator);
        assertEquals(2, march.period());
        assertEquals(moscow("2028-03-31T21:30:00"), march.paidThrough(), "back on the 31st after February");
        runAt(march.paidThrough());
        market.deliverHeldNotices();
        Subscription april = subscription(fan, creator);
        assertEquals(3, april.period());
        assertEquals(moscow("2028-04-30T21:30:00"), april.paidThrough());
        assertEquals(1, chargesOf(RenewalJob.renewalPaymentId(onThe31st, 2, 1)));
        assertEquals(1, chargesOf(RenewalJob.renewalPaymentId(march, 3, 1)));
    }

    // --- the subscription's setup, as checkout and the payment's notification leave it ---

    /**
     * A subscription made by checkout ({@code POST /v1/checkouts} of the tier, the method to be saved), its page
     * opened and paid with {@code card}, and the provider's success notification delivered to our webhook, which
     * settles it: ACTIVE, period 1, the method saved.
     */
    private Subscription subscribe(User creator, User fan, String tierId, long price, Provider provider, SimulatedCard card) {
        ApiDriver.Reply checkout = fan.send("POST", "/v1/checkouts", """
                {"item": {"type": "subscription", "id": "%s", "creator": "%s"}, "provider": "%s"}"""
                .formatted(tierId, creator.username(), provider.wire()), Map.of("idempotency-key", "k-" + TestSettings.unique("sub")));
        assertEquals(201, checkout.status(), checkout.body());
        assertEquals(price, checkout.json().at("/amount/amount").asLong(), checkout.body());
        URI page = URI.create(checkout.json().path("confirmationUrl").asText());
        try {
            HttpResponse<String> opened = BROWSER.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, opened.statusCode(), opened.body());
        } catch (Exception e) {
            throw new AssertionError("could not open " + page, e);
        }
        ApiDriver.Reply paid = market.deliver(market.notice(provider, Marketplace.simulatedId(provider, checkout.json()), Action.PAY, card));
        assertEquals(200, paid.status(), paid.body());
        Subscription subscription = subscription(fan, creator);
        assertEquals(Subscription.Status.ACTIVE, subscription.status());
        assertNotNull(subscription.savedMethod(), "the first payment saved the method");
        return subscription;
    }

    private User creatorWithTiers(Tier... tiers) {
        User creator = market.signUp("creator");
        setTiers(creator, tiers);
        return creator;
    }

    private void setTiers(User creator, Tier... tiers) {
        TierRepository repository = services.get(TierRepository.class);
        CreatorTiers seen = repository.find(creator.id());
        write(List.of(repository.saveItem(seen, new CreatorTiers(creator.id(), List.of(tiers), seen.version() + 1))));
    }

    private static Tier tier(String id, int rank, long price, Instant priceSince) {
        return new Tier(id, id, "", Money.rub(price), priceSince, rank, Tier.State.ACTIVE, LONG_AGO);
    }

    private void save(Subscription seen, Subscription next) {
        write(services.get(SubscriptionWrites.class).items(seen, next));
    }

    private void write(List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> items) {
        assertTrue(services.get(TransactionWriter.class).write(items).isEmpty(), "written");
    }

    private static SimulatedCard card() {
        return SimulatedCard.numbered(CARDS.incrementAndGet());
    }

    private static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BillingCalendar.MOSCOW).toInstant();
    }

    // --- running the job, and what it left ---

    private JobSummary<RenewalJob.Outcome> runAt(Instant at) {
        clock.set(at);
        return job.run();
    }

    private List<JobSummary<RenewalJob.Outcome>> runTogetherAt(Instant at) throws Exception {
        clock.set(at);
        return concurrently(2, i -> job.run());
    }

    private int chargesOf(String paymentId) {
        return calls.charges(paymentId);
    }

    private Subscription subscription(User fan, User creator) {
        return services.get(SubscriptionRepository.class).find(fan.id(), creator.id()).orElseThrow();
    }

    private Optional<SubscriptionAccess.Access> access(User fan, User creator) {
        return services.get(SubscriptionAccess.class).find(fan.id(), creator.id());
    }

    private Optional<Payment> payment(String paymentId) {
        return services.get(PaymentRepository.class).find(paymentId);
    }
}
