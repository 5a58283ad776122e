package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.SavedMethodCharges;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.crowdfunding.CampaignClosingJob;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import ru.rossgram.shared.payments.crowdfunding.CrowdfundingConfig;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.providers.RefundOrder;
import ru.rossgram.shared.payments.subscriptions.BillingCalendar;
import ru.rossgram.shared.payments.subscriptions.RenewalJob;
import ru.rossgram.shared.payments.subscriptions.Subscription;
import ru.rossgram.shared.payments.subscriptions.SubscriptionRepository;
import ru.rossgram.shared.payments.subscriptions.SubscriptionWrites;
import ru.rossgram.shared.payments.subscriptions.SubscriptionsConfig;
import ru.rossgram.shared.posts.AccessGrants;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * 10,000 webhook deliveries for 200 post payments (50 posts, each bought by four buyers), 100 subscriptions with
 * their renewals, and a few hundred pledges to six campaigns with their closing ({@link CampaignTraffic}), through the real webhook handler against DynamoDB Local, as providers deliver them: every
 * notification at least once and 30% of deliveries duplicates, eight at a time, in shuffled order (refunds before
 * their successes, cancels after), and 5% forged. Afterwards every balance is exact, the ledger sums to zero, each
 * payment has at most one sale, access is held exactly by buyers whose payment stands, and no delivery was answered
 * 5xx. Half the creators were referred: their referrers' rewards (a share of the fee on each sale that stands,
 * subscriptions' included) come out of the platform's fees exactly, and are counted in the zero sum.
 *
 * <p>Subscriptions. Every creator offers two tiers (added through the tiers function); 100 subscribers subscribe
 * through checkout (a START payment that saves the card), through all four providers: paid, declined, or paid and
 * refunded (both notices shuffled together, so the refund may be heard first and the subscription never begins).
 * Then the real {@link RenewalJob} runs with its clock moved to the end of the first period, and again 1, 3 and 5
 * days later (the retries), each run followed by one an hour later (the outcome check). The simulator holds the
 * notices of the charges it makes ({@code holdNotices}), and the test delivers them as it delivers the others:
 * duplicated, reordered, concurrent, forged, mixed with a share of the posts' notices. Each subscription that began
 * follows a plan: renewed at once; renewed, then the renewal refunded (its refund delivered in the next round);
 * declined, then the retry a day later succeeds; declined four times, which ends it. Robokassa notifies only
 * successes: its declines are settled by the job asking {@code OpStateExt} at the outcome check, and it has no
 * refunds here. Afterwards, besides the balances: each subscription's status, period, {@code paidThrough} (counted
 * from its anchor, the START's settlement), due date and access item ({@link SubscriptionAccess}); each renewal
 * payment's state, charged exactly once, and no attempt or period charged beyond the plan.
 *
 * <p>Only the job's clock moves (a fixed clock per run): the webhook settles at the real time, so a START's anchor and
 * the referral program's period are read at the real time, and every later date is counted from the anchor, which a
 * renewal's settlement never moves. The table is shared with the other tests of the run, so the job's gateways
 * charge and ask about this test's subscribers only.
 *
 * <p>Pledges ({@link CampaignTraffic}). Six campaigns of four creators' (keep what you raise: one kept, one kept with
 * a limited reward, one cancelled by its creator; all or nothing: two meeting their goal, one with a limited reward,
 * one missing it), 40 pledges asked for each, eight at a time, each limited reward by 12 backers at once for 5
 * places. Their first payments' notices go in round 0; before each later round the real closing job runs with its
 * clock at the deadline (twice at once), then at each retry, after the backers' cancels, the creator's cancel, and
 * some charges set to decline; some declined pledges are fixed by a retry, some by the backer through checkout, some
 * dropped. Its charges' and refunds' notices are held and delivered as the renewals' are. Afterwards, besides the
 * balances (pledges and verifications included): each campaign's status, its totals (pledged, collected, dropped,
 * backers) and reward claims against the model, never above a limit, and each pledge's state and charges.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentWebhookReliabilityTest {
    private static final int POST_PAYMENTS = 200;
    /** Each post is bought by four different buyers: the pair (buyer, post) stays unique, the uploads are fewer. */
    private static final int POSTS = 50;
    private static final int SUBSCRIPTIONS = 100;
    private static final int DELIVERIES = 10_000;
    private static final int CREATORS = 10;
    private static final int BUYERS = 60;
    private static final int CONCURRENCY = 8;
    private static final int REFERRERS = 3;
    /** The template's default: a quarter of the fee. */
    private static final int REFERRAL_SHARE_BASIS_POINTS = 2500;
    private static final Provider[] PROVIDERS = Provider.values();

    private Marketplace market;
    private SharedServices jobServices;
    private final Set<String> buyerIds = ConcurrentHashMap.newKeySet();
    /** The renewal job's charges asked per payment id, and its outcomes asked. */
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final AtomicInteger askedOutcomes = new AtomicInteger();
    /** The closing job's, apart. */
    private final Map<String, AtomicInteger> pledgeCharges = new ConcurrentHashMap<>();
    private final AtomicInteger pledgeOutcomes = new AtomicInteger();
    private CampaignTraffic campaigns;

    /** What a subscription that began does at its renewal: the charges made, and what became of the last. */
    private enum Plan {
        RENEWED(1, true, false),
        RENEWED_THEN_REFUNDED(1, true, true),
        RETRIED(2, true, false),
        DECLINED_TO_THE_END(4, false, false);

        final int attempts;
        final boolean paid;
        final boolean refunded;

        Plan(int attempts, boolean paid, boolean refunded) {
            this.attempts = attempts;
            this.paid = paid;
            this.refunded = refunded;
        }

        boolean declines(int attempt) {
            return attempt <= attempts && !(paid && attempt == attempts);
        }

        /** Whether the provider notifies attempt {@code attempt} (Robokassa is silent on a decline). */
        boolean notifies(int attempt, Provider provider) {
            return attempt <= attempts && (provider != Provider.ROBOKASSA || !declines(attempt));
        }
    }

    /** How a payment shows on its creator's ledger lines at the end. */
    enum Lines { ONE_SALE, SALE_AND_REFUND, SALE_AND_REFUND_OR_NONE, NONE }

    /** One payment, what really happened to it at the provider, and what it must leave. */
    record Sale(String what, String paymentId, User creator, User buyer, long price, PaymentState state,
                        Lines lines) {
        boolean stands() {
            return lines == Lines.ONE_SALE;
        }
    }

    /** One post payment and its provider's story. */
    private record PostStory(Marketplace.Checkout checkout, Provider provider, User buyer, User creator, String postId,
                             long price, List<Action> actions) {
        boolean standsPaid() {
            return actions.contains(Action.PAY) && !actions.contains(Action.REFUND);
        }

        Sale sale() {
            PaymentState state = actions.contains(Action.REFUND) ? PaymentState.REFUNDED
                    : actions.contains(Action.PAY) ? PaymentState.SUCCEEDED : PaymentState.CANCELED;
            Lines lines = standsPaid() ? Lines.ONE_SALE
                    : actions.contains(Action.REFUND) ? Lines.SALE_AND_REFUND_OR_NONE : Lines.NONE;
            return new Sale("post " + provider + " " + actions, checkout.paymentId(), creator, buyer, price, state, lines);
        }
    }

    /** One subscription: its START's story at checkout and, if it began, its renewal's plan. */
    private record SubscriptionStory(Marketplace.Checkout start, Provider provider, User subscriber, User creator,
                                     String tierId, long price, SimulatedCard card, List<Action> actions, Plan plan) {
        boolean began() {
            return plan != null;
        }

        String describe() {
            return "subscription " + provider + " " + actions + " " + plan;
        }
    }

    @BeforeAll
    void open(Backend backend) {
        market = new Marketplace(() -> backend);
        // What the renew-subscriptions function builds, the simulator as its providers; the test gives the job its clock.
        jobServices = market.servicesAs("RenewSubscriptionsFunction");
        // And what the close-campaigns function builds, for the campaigns' closing job.
        SharedServices closingServices = market.servicesAs("CloseCampaignsFunction");
        campaigns = new CampaignTraffic(market, closingServices, at -> closeCampaignsAt(closingServices, at));
    }

    @AfterAll
    void close() {
        market.close();
    }

    @Test
    void tenThousandDeliveries_ofPostsSubscriptionsRenewalsAndPledges_duplicatedReorderedConcurrentAndForged_countEveryRoubleExactlyOnce() throws Exception {
        Random random = new Random(20261201);
        long began = System.nanoTime();
        SubscriptionsConfig config = jobServices.get(SubscriptionsConfig.class);
        assertEquals(4, config.attempts(), "the plans are written for four attempts (retries after 1, 3 and 5 days)");
        // The platform's fee accounts are the whole table's: other tests' sales in this JVM are there already.
        long platformBefore = platformFees(market.services().get(Ledger.class));
        long verificationsBefore = verificationsHeld(market.services().get(Ledger.class));
        List<User> referrers = new ArrayList<>();
        for (int i = 0; i < REFERRERS; i++) {
            referrers.add(market.signUp("referrer"));
        }
        List<User> creators = new ArrayList<>();
        Map<String, User> referrerOf = new HashMap<>();
        Map<String, long[]> tierPrices = new HashMap<>();
        Map<String, String[]> tierIds = new HashMap<>();
        for (int i = 0; i < CREATORS; i++) {
            User creator;
            if (i % 2 == 0) {
                User referrer = referrers.get(i / 2 % REFERRERS);
                String code = referrer.send("GET", "/v1/me/referrals", null).json().path("code").asText();
                creator = market.signUpReferredBy("creator", code);
                referrerOf.put(creator.id(), referrer);
            } else {
                creator = market.signUp("creator");
            }
            creators.add(creator);
            // 100 to 700 and 700 to 1,500 roubles a month, odd kopecks included
            long silver = 10_000 + random.nextInt(60_000);
            long gold = 70_000 + random.nextInt(80_000);
            tierIds.put(creator.id(), new String[] {offerTier(creator, "Silver", silver), offerTier(creator, "Gold", gold)});
            tierPrices.put(creator.id(), new long[] {silver, gold});
        }
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            User buyer = market.signUp("buyer");
            buyers.add(buyer);
            buyerIds.add(buyer.id());
        }

        // Rounds of delivery: 0 the checkouts' notices, then one per renewal attempt. Posts' notices are spread
        // over all of them, so every round mixes posts with subscriptions.
        int rounds = 1 + config.attempts();
        List<List<Notice>> postNotices = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            postNotices.add(new ArrayList<>());
        }
        List<String> postIds = new ArrayList<>();
        List<Long> postPrices = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            long price = 100 + random.nextInt(500_000); // 1 to 5,001 roubles, odd kopecks included
            postIds.add(market.paidPost(creators.get(i % CREATORS), price));
            postPrices.add(price);
        }
        List<PostStory> posts = new ArrayList<>();
        for (int i = 0; i < POST_PAYMENTS; i++) {
            User creator = creators.get(i % POSTS % CREATORS);
            User buyer = buyers.get(i % BUYERS); // POSTS and BUYERS repeat together only after 300: one payment a pair
            long price = postPrices.get(i % POSTS);
            String post = postIds.get(i % POSTS);
            Provider provider = PROVIDERS[i % PROVIDERS.length];
            Marketplace.Checkout checkout = market.checkoutAndOpenPage(buyer, post, provider);
            List<Action> actions = story(provider, random);
            for (Action action : actions) {
                postNotices.get(i % rounds).add(market.notice(provider, checkout.simulatedId(), action, SimulatedCard.numbered(i % BUYERS)));
            }
            posts.add(new PostStory(checkout, provider, buyer, creator, post, price, actions));
        }

        List<SubscriptionStory> subscriptions = new ArrayList<>();
        List<Notice> startNotices = new ArrayList<>();
        Map<Provider, AtomicInteger> begun = new EnumMap<>(Provider.class);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            User subscriber = buyers.get(i % BUYERS);
            User creator = creators.get((i + i / BUYERS) % CREATORS); // a pair subscribes once
            int rank = 1 + random.nextInt(2);
            long price = tierPrices.get(creator.id())[rank - 1];
            Provider provider = PROVIDERS[i % PROVIDERS.length];
            SimulatedCard card = SimulatedCard.numbered(1_000 + i); // its own card: the plan declines it alone
            String tierId = tierIds.get(creator.id())[rank - 1];
            Marketplace.Checkout checkout = market.subscribeAndOpenPage(subscriber, creator, tierId, provider);
            List<Action> actions = story(provider, random);
            for (Action action : actions) {
                startNotices.add(market.notice(provider, checkout.simulatedId(), action, card));
            }
            Plan plan = null;
            if (actions.contains(Action.PAY) && !actions.contains(Action.REFUND)) {
                // Every provider gets every plan in turn; Robokassa notifies no refund, so it is not refunded.
                List<Plan> plans = Arrays.stream(Plan.values())
                        .filter(p -> !(p.refunded && provider == Provider.ROBOKASSA)).toList();
                plan = plans.get(begun.computeIfAbsent(provider, p -> new AtomicInteger()).getAndIncrement() % plans.size());
                if (plan.declines(1)) {
                    market.simulator().declineCharges(card, true);
                }
            }
            subscriptions.add(new SubscriptionStory(checkout, provider, subscriber, creator, tierId, price, card, actions, plan));
        }
        for (Provider provider : PROVIDERS) {
            Set<Plan> planned = subscriptions.stream().filter(s -> s.provider() == provider && s.began())
                    .map(SubscriptionStory::plan).collect(Collectors.toSet());
            assertEquals(provider == Provider.ROBOKASSA ? 3 : 4, planned.size(), provider + " has every plan: " + planned);
        }
        campaigns.setUp(creators, buyers, random);

        // The deliveries, shared among the rounds by their notices: each round's own notices, its duplicates and forgeries.
        int[] planned = new int[rounds];
        for (int round = 0; round < rounds; round++) {
            planned[round] = postNotices.get(round).size() + (round == 0 ? startNotices.size() : chargeNotices(subscriptions, round));
        }
        planned[2] += (int) subscriptions.stream().filter(s -> s.began() && s.plan().refunded).count();
        int plannedNotices = Arrays.stream(planned).sum();
        // The campaigns' notices depend on the closing job's runs: roughly known, enough to share the deliveries.
        int[] weights = IntStream.range(0, rounds).map(round -> planned[round] + campaigns.expectedNotices(round)).toArray();
        int allWeights = Arrays.stream(weights).sum();
        double setUp = (System.nanoTime() - began) / 1e9;
        Deliveries deliveries = new Deliveries(random);

        List<Notice> first = new ArrayList<>(startNotices);
        first.addAll(postNotices.get(0));
        first.addAll(campaigns.firstNotices());
        market.simulator().holdNotices(true);
        Instant checkoutsSettling = Instant.now();
        deliveries.round(first, share(DELIVERIES, weights, 0, allWeights));
        Instant checkoutsSettled = Instant.now();

        Instant due = subscriptions.stream().filter(SubscriptionStory::began)
                .map(s -> subscription(s).orElseThrow(() -> new AssertionError(s.describe() + " did not begin")).paidThrough())
                .max(Instant::compareTo).orElseThrow();
        List<String> runs = new ArrayList<>();
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            Instant at = attempt == 1 ? due : due.plus(config.retryAfter().get(attempt - 2));
            if (attempt == 2) {
                subscriptions.stream().filter(s -> s.began() && s.plan() == Plan.RETRIED)
                        .forEach(s -> market.simulator().declineCharges(s.card(), false));
            }
            runs.add("+" + Duration.between(due, at).toDays() + "d " + runJobAt(at));
            List<Notice> notices = new ArrayList<>(market.simulator().heldNotices());
            assertEquals(chargeNotices(subscriptions, attempt), notices.size(), "the charges' notices of attempt " + attempt + ": " + runs);
            if (attempt == 2) {
                // The refunds of renewals paid in the round before: the shop refunds the renewal's payment.
                for (SubscriptionStory s : subscriptions) {
                    if (s.began() && s.plan().refunded) {
                        String renewal = RenewalJob.renewalPaymentId(subscription(s).orElseThrow(), 2, 1);
                        String simulated = market.simulator().paymentByReference(s.provider(), renewal).orElseThrow().id();
                        notices.add(market.notice(s.provider(), simulated, Action.REFUND));
                    }
                }
            }
            notices.addAll(postNotices.get(attempt));
            assertEquals(planned[attempt], notices.size(), "round " + attempt);
            notices.addAll(campaigns.before(attempt));
            deliveries.round(notices, attempt == config.attempts() ? DELIVERIES - deliveries.total()
                    : share(DELIVERIES, weights, attempt, allWeights));
            // Robokassa's declines, which it never notifies: asked for at the outcome check.
            runs.add("+" + Duration.between(due, at).toDays() + "d+1h " + runJobAt(at.plus(config.outcomeCheck())));
            campaigns.after(attempt);
            assertEquals(List.of(), market.simulator().heldNotices(), "asking charges nothing");
        }
        market.simulator().holdNotices(false);
        double all = (System.nanoTime() - began) / 1e9;
        assertEquals(DELIVERIES, deliveries.total());
        assertEquals(plannedNotices + campaigns.notices(), deliveries.notices());

        int renewalCharges = charges.values().stream().mapToInt(AtomicInteger::get).sum();
        long refunds = subscriptions.stream().filter(s -> s.began() && s.plan().refunded).count();
        long robokassaDeclines = subscriptions.stream().filter(s -> s.began() && s.provider() == Provider.ROBOKASSA)
                .mapToLong(s -> IntStream.rangeClosed(1, 4).filter(s.plan()::declines).count()).sum();
        System.out.printf("webhook reliability: %,d deliveries (%,d notices, %,d forged) for %d posts, %d subscriptions "
                        + "(%d began, %d renewal charges, %d renewals refunded, %d Robokassa declines asked) and %d pledges "
                        + "(%d notices, %d charges at and after the deadline, %d Robokassa declines asked) in %.1f s: %.0f deliveries/s; "
                        + "statuses %s; renewal runs %s; closing runs %s; set up in %.1f s, renewal and closing runs in %.1f s%n",
                deliveries.total(), deliveries.notices(), deliveries.forged(), POST_PAYMENTS, SUBSCRIPTIONS,
                subscriptions.stream().filter(SubscriptionStory::began).count(), renewalCharges, refunds, askedOutcomes.get(),
                campaigns.pledges(), campaigns.notices(), pledgeCharges.size(), pledgeOutcomes.get(),
                deliveries.seconds(), deliveries.total() / deliveries.seconds(), deliveries.statuses, runs, campaigns.runs(),
                setUp, all - setUp - deliveries.seconds());
        assertTrue(deliveries.total() - deliveries.notices() - deliveries.forged() >= DELIVERIES * 3 / 10 - deliveries.forged(),
                "at least 30% of deliveries repeat a notice");
        assertEquals(List.of(), deliveries.wrong.subList(0, Math.min(10, deliveries.wrong.size())),
                deliveries.wrong.size() + " deliveries answered wrongly");
        assertEquals(robokassaDeclines, askedOutcomes.get(), "each Robokassa decline was asked for once, at its outcome check");

        PaymentRepository payments = market.services().get(PaymentRepository.class);
        AccessGrants grants = market.services().get(AccessGrants.class);
        List<Sale> sales = new ArrayList<>();
        for (PostStory story : posts) {
            sales.add(story.sale());
            assertEquals(story.standsPaid(), grants.has(story.buyer().id(), story.postId()), story.provider() + " " + story.actions());
        }
        for (SubscriptionStory story : subscriptions) {
            sales.addAll(subscriptionSales(story, checkoutsSettling, checkoutsSettled));
        }
        sales.addAll(campaigns.assertAgainstModel(pledgeCharges));
        for (Sale sale : sales) {
            assertEquals(sale.state(), payments.find(sale.paymentId()).orElseThrow().state(), sale.what());
        }
        assertBalances(sales, creators, buyers, referrers, referrerOf, platformBefore, verificationsBefore);
    }

    /**
     * The subscription's final state and access, its renewal payments' charges; answers its payments (the START, then
     * each renewal attempt) with what each must have left.
     */
    private List<Sale> subscriptionSales(SubscriptionStory story, Instant settling, Instant settled) {
        String what = story.describe();
        Optional<Subscription> found = subscription(story);
        Optional<SubscriptionAccess.Access> access = jobServices.get(SubscriptionAccess.class)
                .find(story.subscriber().id(), story.creator().id());
        List<Sale> sales = new ArrayList<>();
        if (!story.began()) {
            if (story.actions().contains(Action.REFUND)) {
                // Its refund heard first: the success was stale and the subscription never began; heard after: ended.
                found.ifPresent(s -> {
                    assertEquals(Subscription.Status.ENDED, s.status(), what);
                    assertEquals(1, s.period(), what);
                });
                sales.add(new Sale(what, story.start().paymentId(), story.creator(), story.subscriber(), story.price(),
                        PaymentState.REFUNDED, found.isPresent() ? Lines.SALE_AND_REFUND : Lines.NONE));
            } else {
                assertTrue(found.isEmpty(), what + ": " + found);
                sales.add(new Sale(what, story.start().paymentId(), story.creator(), story.subscriber(), story.price(),
                        PaymentState.CANCELED, Lines.NONE));
            }
            assertTrue(access.isEmpty(), what + ": " + access);
            return sales;
        }
        Subscription subscription = found.orElseThrow();
        Plan plan = story.plan();
        boolean renewed = plan.paid;
        boolean live = renewed && !plan.refunded;
        assertTrue(!subscription.anchor().isBefore(settling) && !subscription.anchor().isAfter(settled),
                what + ": anchored when its START was settled, not at the job's time: " + subscription.anchor());
        assertEquals(live ? Subscription.Status.ACTIVE : Subscription.Status.ENDED, subscription.status(), what);
        assertEquals(renewed ? 2 : 1, subscription.period(), what);
        assertEquals(BillingCalendar.periodEnd(subscription.anchor(), subscription.period()), subscription.paidThrough(), what);
        assertEquals(story.tierId(), subscription.tierId(), what);
        assertEquals(Money.rub(story.price()), subscription.price(), what);
        assertEquals(live ? subscription.paidThrough() : null, subscription.dueAt(), what);
        if (live) {
            assertEquals(0, subscription.failedAttempts(), what);
            assertNull(subscription.graceUntil(), what);
            assertEquals(Optional.of(new SubscriptionAccess.Access(story.subscriber().id(), story.creator().id(),
                    story.tierId(), subscription.paidThrough())), access, what);
        } else {
            assertTrue(access.isEmpty(), what + ": " + access);
        }
        sales.add(new Sale(what + " start", story.start().paymentId(), story.creator(), story.subscriber(), story.price(),
                PaymentState.SUCCEEDED, Lines.ONE_SALE));
        PaymentRepository payments = jobServices.get(PaymentRepository.class);
        for (int attempt = 1; attempt <= plan.attempts; attempt++) {
            String renewal = RenewalJob.renewalPaymentId(subscription, 2, attempt);
            assertEquals(1, charges.getOrDefault(renewal, new AtomicInteger()).get(), what + ": attempt " + attempt + " charged once");
            boolean declined = plan.declines(attempt);
            sales.add(new Sale(what + " attempt " + attempt, renewal, story.creator(), story.subscriber(), story.price(),
                    declined ? PaymentState.CANCELED : plan.refunded ? PaymentState.REFUNDED : PaymentState.SUCCEEDED,
                    declined ? Lines.NONE : plan.refunded ? Lines.SALE_AND_REFUND : Lines.ONE_SALE));
        }
        assertTrue(payments.find(RenewalJob.renewalPaymentId(subscription, 2, plan.attempts + 1)).isEmpty(), what + ": no attempt beyond the plan");
        assertTrue(payments.find(RenewalJob.renewalPaymentId(subscription, 3, 1)).isEmpty(), what + ": the next period is not due");
        return sales;
    }

    /**
     * Every creator's, buyer's, referrer's and the platform's balance from the sales that stand; the pledges'
     * verification payments all returned; the zero sum; and per
     * payment, the creator's ledger lines: one sale if it stands; a sale and its refund (or nothing, when the refund
     * was heard first and that may happen) if refunded; nothing if declined. Never a second sale.
     */
    private void assertBalances(List<Sale> sales, List<User> creators, List<User> buyers, List<User> referrers,
                                Map<String, User> referrerOf, long platformBefore, long verificationsBefore) {
        Ledger ledger = market.services().get(Ledger.class);
        Map<String, Long> creatorShares = new HashMap<>();
        Map<String, Long> buyerSpend = new HashMap<>();
        Map<String, Long> referrerRewards = new HashMap<>();
        long fees = 0;
        for (Sale sale : sales) {
            if (sale.stands()) {
                long fee = Money.rub(sale.price()).share(Marketplace.FEE_BASIS_POINTS).minor();
                fees += fee;
                creatorShares.merge(sale.creator().id(), sale.price() - fee, Long::sum);
                buyerSpend.merge(sale.buyer().id(), sale.price(), Long::sum);
                User referrer = referrerOf.get(sale.creator().id());
                if (referrer != null) {
                    long reward = Money.rub(fee).share(REFERRAL_SHARE_BASIS_POINTS).minor();
                    fees -= reward;
                    referrerRewards.merge(referrer.id(), reward, Long::sum);
                }
            }
        }
        long total = 0;
        for (User creator : creators) {
            Money balance = ledger.balance(LedgerAccounts.creator(creator.id()), Money.RUB);
            assertEquals(creatorShares.getOrDefault(creator.id(), 0L), balance.minor(), "creator " + creator.username());
            total += balance.minor();
        }
        for (User buyer : buyers) {
            Money balance = ledger.balance(LedgerAccounts.buyer(buyer.id()), Money.RUB);
            assertEquals(-buyerSpend.getOrDefault(buyer.id(), 0L), balance.minor(), "buyer " + buyer.username());
            total += balance.minor();
        }
        for (User referrer : referrers) {
            Money balance = ledger.balance(LedgerAccounts.referrer(referrer.id()), Money.RUB);
            assertEquals(referrerRewards.getOrDefault(referrer.id(), 0L), balance.minor(), "referrer " + referrer.username());
            total += balance.minor();
        }
        assertTrue(referrerRewards.values().stream().allMatch(r -> r > 0), "every referrer earned: " + referrerRewards);
        long platform = platformFees(ledger) - platformBefore;
        assertEquals(fees, platform, "the platform's fees, less the referral rewards paid out of them");
        long verifications = verificationsHeld(ledger) - verificationsBefore;
        assertEquals(0, verifications, "every verification payment of a pledge was returned");
        assertEquals(0, total + platform + verifications, "double entry: every balance together is zero");
        Map<String, List<String>> linesByPayment = new HashMap<>();
        for (User creator : creators) {
            ledger.entries(LedgerAccounts.creator(creator.id()), null, 1000).forEach(entry ->
                    linesByPayment.computeIfAbsent(entry.paymentId(), id -> new ArrayList<>()).add(entry.kind()));
        }
        for (Sale sale : sales) {
            List<String> kinds = linesByPayment.getOrDefault(sale.paymentId(), List.of()).stream().sorted().toList();
            // The creator's line of a sale: "sale" for a post, "subscription" for a subscription's, "pledge" for a pledge's.
            String credit = sale.what().startsWith("post") ? "sale" : sale.what().startsWith("pledge") ? "pledge" : "subscription";
            List<String> saleAndRefund = java.util.stream.Stream.of("refund", credit).sorted().toList();
            switch (sale.lines()) {
                case ONE_SALE -> assertEquals(List.of(credit), kinds, sale.what());
                case SALE_AND_REFUND -> assertEquals(saleAndRefund, kinds, sale.what());
                case SALE_AND_REFUND_OR_NONE -> assertTrue(kinds.isEmpty() || kinds.equals(saleAndRefund), sale.what() + " " + kinds);
                case NONE -> assertEquals(List.of(), kinds, sale.what());
            }
        }
    }

    /** The notices the provider sends on its own for renewal attempt {@code attempt} of every subscription. */
    private static int chargeNotices(List<SubscriptionStory> subscriptions, int attempt) {
        return (int) subscriptions.stream().filter(s -> s.began() && s.plan().notifies(attempt, s.provider())).count();
    }

    /** Round {@code round}'s part of {@code total}, in proportion to its notices. */
    private static int share(int total, int[] notices, int round, int allNotices) {
        return (int) ((long) total * notices[round] / allNotices);
    }

    /** What happens to a payment: mostly paid; some paid then refunded; some declined. Robokassa only notifies payments. */
    private static List<Action> story(Provider provider, Random random) {
        int roll = random.nextInt(100);
        if (provider == Provider.ROBOKASSA || roll < 70) {
            return List.of(Action.PAY);
        }
        return roll < 88 ? List.of(Action.PAY, Action.REFUND) : List.of(Action.CANCEL);
    }

    /**
     * Delivery rounds: each delivers its notices once, then forged copies (5% of its deliveries) and repeats up to its
     * share, shuffled, eight at a time, and records every answer.
     */
    private final class Deliveries {
        private final Random random;
        private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        private int total;
        private int notices;
        private int forged;
        private long nanos;

        Deliveries(Random random) {
            this.random = random;
        }

        void round(List<Notice> roundNotices, int deliveries) throws Exception {
            List<Delivery> round = new ArrayList<>();
            roundNotices.forEach(notice -> round.add(new Delivery(notice, false)));
            int forgeries = roundNotices.isEmpty() ? 0 : deliveries / 20;
            for (int i = 0; i < forgeries; i++) {
                round.add(new Delivery(forge(roundNotices.get(random.nextInt(roundNotices.size()))), true));
            }
            while (round.size() < deliveries && !roundNotices.isEmpty()) {
                round.add(new Delivery(roundNotices.get(random.nextInt(roundNotices.size())), false));
            }
            Collections.shuffle(round, random);
            ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
            long started = System.nanoTime();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Delivery delivery : round) {
                    done.add(threads.submit(() -> {
                        Reply reply = market.deliver(delivery.notice());
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        boolean refused = reply.status() >= 400;
                        if (reply.status() >= 500 || refused != delivery.forged()) {
                            wrong.add((delivery.forged() ? "forged " : "real ") + delivery.notice().provider().wire() + " -> "
                                    + reply.status() + " " + reply.body());
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                threads.shutdownNow();
            }
            nanos += System.nanoTime() - started;
            total += round.size();
            notices += roundNotices.size();
            forged += forgeries;
        }

        int total() {
            return total;
        }

        int notices() {
            return notices;
        }

        int forged() {
            return forged;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    /** A delivery whose body was altered on the way (or invented): every provider must refuse it. */
    private static Notice forge(Notice notice) {
        String body = notice.bodyText();
        if (notice.provider() == Provider.YOOKASSA) {
            // Unsigned: YooKassa's API is asked about the named payment, which it never made.
            return notice.withBody(body.replaceAll("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\":\"2f5c7a3e-000f-5000-9000-00000000dead\""));
        }
        // The amount, one digit changed: the signature no longer matches the body.
        String amountAt = switch (notice.provider()) {
            case TBANK -> "\"Amount\":";
            case CLOUDPAYMENTS -> "Amount=";
            case ROBOKASSA -> "OutSum=";
            case YOOKASSA -> throw new IllegalStateException();
        };
        int at = body.indexOf(amountAt);
        if (at < 0) {
            throw new IllegalStateException("no amount in " + body);
        }
        int digit = at + amountAt.length();
        while (!Character.isDigit(body.charAt(digit))) {
            digit++;
        }
        char changed = body.charAt(digit) == '9' ? '1' : (char) (body.charAt(digit) + 1);
        return notice.withBody(body.substring(0, digit) + changed + body.substring(digit + 1));
    }

    private record Delivery(Notice notice, boolean forged) {
    }

    // --- subscriptions: the creator's tiers, checkout, the renewal job at a moved clock ---

    /** A tier the creator adds through the tiers function ({@code POST /v1/me/tiers}); answers its id. */
    private static String offerTier(User creator, String name, long price) {
        return creator.ok("POST", "/v1/me/tiers", "{\"name\": \"" + name + "\", \"price\": " + price + "}", 201)
                .json().path("id").asText();
    }

    private Optional<Subscription> subscription(SubscriptionStory story) {
        return jobServices.get(SubscriptionRepository.class).find(story.subscriber().id(), story.creator().id());
    }

    /** One run of the renewal job, as the scheduled function runs it, with its clock at {@code at}. */
    private JobSummary<RenewalJob.Outcome> runJobAt(Instant at) {
        PaymentGateways ours = ownBuyersOnly(jobServices, charges, askedOutcomes);
        RenewalJob job = new RenewalJob(jobServices.get(SubscriptionRepository.class), jobServices.get(PaymentRepository.class),
                jobServices.get(TierRepository.class), jobServices.get(SubscriptionWrites.class),
                new SavedMethodCharges(jobServices.get(PaymentRepository.class), ours, jobServices.get(Settlement.class),
                        jobServices.get(PaymentsConfig.class), Clock.fixed(at, ZoneOffset.UTC)),
                jobServices.get(TransactionWriter.class),
                jobServices.get(SubscriptionsConfig.class), jobServices.get(PaymentsConfig.class), Clock.fixed(at, ZoneOffset.UTC));
        return job.run();
    }

    /** The real gateways of {@code services}, each {@link OwnBuyersOnly}, counting into {@code charged} and {@code asked}. */
    private PaymentGateways ownBuyersOnly(SharedServices services, Map<String, AtomicInteger> charged, AtomicInteger asked) {
        PaymentGateways real = services.get(PaymentGateways.class);
        PaymentRepository payments = services.get(PaymentRepository.class);
        return new PaymentGateways(Arrays.stream(PaymentProvider.values())
                .map(real::forWebhooks).flatMap(Optional::stream).map(g -> new OwnBuyersOnly(g, payments, charged, asked))
                .map(PaymentGateway.class::cast).toList());
    }

    /**
     * A real gateway that charges, asks about and refunds this test's buyers only (a job also finds what other tests
     * left due in the shared table: to it the provider is unreachable), counting the charges asked per payment and
     * the outcomes asked.
     */
    private final class OwnBuyersOnly extends ForwardingGateway {
        private final PaymentRepository payments;
        private final Map<String, AtomicInteger> charged;
        private final AtomicInteger asked;

        OwnBuyersOnly(PaymentGateway gateway, PaymentRepository payments, Map<String, AtomicInteger> charged, AtomicInteger asked) {
            super(gateway);
            this.payments = payments;
            this.charged = charged;
            this.asked = asked;
        }

        @Override
        public CreatedPayment charge(PaymentOrder order, String savedMethod) {
            if (!buyerIds.contains(order.customerId())) {
                throw new ProviderUnavailableException("another test's buyer");
            }
            charged.computeIfAbsent(order.paymentId(), id -> new AtomicInteger()).incrementAndGet();
            return gateway.charge(order, savedMethod);
        }

        @Override
        public Optional<ProviderEvent> outcome(PaymentOrder order, String providerPaymentId) {
            if (!buyerIds.contains(order.customerId())) {
                return Optional.empty();
            }
            Optional<ProviderEvent> outcome = gateway.outcome(order, providerPaymentId);
            outcome.ifPresent(event -> asked.incrementAndGet());
            return outcome;
        }

        @Override
        public Optional<ProviderEvent> refund(RefundOrder order) {
            if (payments.find(order.paymentId()).filter(p -> buyerIds.contains(p.buyerId())).isEmpty()) {
                throw new ProviderUnavailableException("another test's payment");
            }
            return gateway.refund(order);
        }
    }

    /** One run of the campaigns' closing job, as the close-campaigns function runs it, with its clock at {@code at}. */
    private JobSummary<CampaignClosingJob.Outcome> closeCampaignsAt(SharedServices services, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        PaymentRepository payments = services.get(PaymentRepository.class);
        CampaignClosingJob job = new CampaignClosingJob(services.get(CampaignRepository.class), payments,
                new SavedMethodCharges(payments, ownBuyersOnly(services, pledgeCharges, pledgeOutcomes),
                        services.get(Settlement.class), services.get(PaymentsConfig.class), clock),
                services.get(TransactionWriter.class), services.get(CrowdfundingConfig.class),
                services.get(PaymentsConfig.class), clock);
        return job.run();
    }

    /** What the verification accounts of all-or-nothing pledges hold together (the whole table's). */
    private static long verificationsHeld(Ledger ledger) {
        long held = 0;
        for (int shard = 0; shard < LedgerAccounts.VERIFICATION_SHARDS; shard++) {
            held += ledger.balance(LedgerAccounts.verifications(shard), Money.RUB).minor();
        }
        return held;
    }

    /** What the platform's fee shards hold together. */
    private static long platformFees(Ledger ledger) {
        long platform = 0;
        for (int shard = 0; shard < LedgerAccounts.PLATFORM_SHARDS; shard++) {
            platform += ledger.balance(LedgerAccounts.platformFees(shard), Money.RUB).minor();
        }
        return platform;
    }
}
