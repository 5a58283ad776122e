package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import ru.rossgram.shared.posts.AccessGrants;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;

/**
 * 10,000 webhook deliveries for 300 payments through the real webhook handler against DynamoDB Local, as providers
 * deliver them: every notification at least once and 30% of deliveries duplicates, eight at a time, in shuffled
 * order (refunds before their successes, cancels after), and 5% forged. Afterwards every balance is exact, the
 * ledger sums to zero, access is held exactly by buyers whose payment stands, and no delivery was answered 5xx.
 * Half the creators were referred: their referrers' rewards (a share of the fee on each sale that stands) come out
 * of the platform's fees exactly, and are counted in the zero sum.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentWebhookReliabilityTest {
    private static final int PAYMENTS = 300;
    private static final int DELIVERIES = 10_000;
    private static final int CREATORS = 10;
    private static final int BUYERS = 60;
    private static final int CONCURRENCY = 8;
    private static final int REFERRERS = 3;
    /** The template's default: a quarter of the fee. */
    private static final int REFERRAL_SHARE_BASIS_POINTS = 2500;
    private static final Provider[] PROVIDERS = Provider.values();

    private Marketplace market;

    /** One payment and what really happened to it at the provider. */
    private record Story(Marketplace.Checkout checkout, Provider provider, User buyer, User creator, String postId,
                         long price, List<Action> actions) {
        boolean standsPaid() {
            return actions.contains(Action.PAY) && !actions.contains(Action.REFUND);
        }

        PaymentState finalState() {
            if (actions.contains(Action.REFUND)) {
                return PaymentState.REFUNDED;
            }
            return actions.contains(Action.PAY) ? PaymentState.SUCCEEDED : PaymentState.CANCELED;
        }
    }

    @BeforeAll
    void open(Backend backend) {
        market = new Marketplace(() -> backend);
    }

    @AfterAll
    void close() {
        market.close();
    }

    @Test
    void tenThousandDeliveries_duplicatedReorderedConcurrentAndForged_countEveryRoubleExactlyOnce() throws Exception {
        Random random = new Random(20261201);
        // The platform's fee accounts are the whole table's: other tests' sales in this JVM are there already.
        long platformBefore = platformFees(market.services().get(Ledger.class));
        List<User> referrers = new ArrayList<>();
        for (int i = 0; i < REFERRERS; i++) {
            referrers.add(market.signUp("referrer"));
        }
        List<User> creators = new ArrayList<>();
        Map<String, User> referrerOf = new HashMap<>();
        for (int i = 0; i < CREATORS; i++) {
            if (i % 2 == 0) {
                User referrer = referrers.get(i / 2 % REFERRERS);
                String code = referrer.send("GET", "/v1/me/referrals", null).json().path("code").asText();
                User creator = market.signUpReferredBy("creator", code);
                creators.add(creator);
                referrerOf.put(creator.id(), referrer);
            } else {
                creators.add(market.signUp("creator"));
            }
        }
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(market.signUp("buyer"));
        }

        List<Story> stories = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            User creator = creators.get(i % CREATORS);
            User buyer = buyers.get(i % BUYERS);
            long price = 100 + random.nextInt(500_000); // 1 to 5,001 roubles, odd kopecks included
            String post = market.paidPost(creator, price);
            Provider provider = PROVIDERS[i % PROVIDERS.length];
            Marketplace.Checkout checkout = market.checkoutAndOpenPage(buyer, post, provider);
            List<Action> actions = story(provider, random);
            for (Action action : actions) {
                notices.add(market.notice(provider, checkout.simulatedId(), action, SimulatedCard.numbered(i % BUYERS)));
            }
            stories.add(new Story(checkout, provider, buyer, creator, post, price, actions));
        }

        // Every notice once, then duplicates up to 30% of all deliveries, forged copies 5%, the rest repeats.
        List<Delivery> deliveries = new ArrayList<>();
        notices.forEach(notice -> deliveries.add(new Delivery(notice, false)));
        int forged = DELIVERIES / 20;
        for (int i = 0; i < forged; i++) {
            deliveries.add(new Delivery(forge(notices.get(random.nextInt(notices.size()))), true));
        }
        while (deliveries.size() < DELIVERIES) {
            deliveries.add(new Delivery(notices.get(random.nextInt(notices.size())), false));
        }
        Collections.shuffle(deliveries, random);
        assertTrue(deliveries.size() - notices.size() - forged >= DELIVERIES * 3 / 10 - forged,
                "at least 30% of deliveries repeat a notice");

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Delivery delivery : deliveries) {
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
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("webhook reliability: %,d deliveries (%,d notices, %,d forged) for %d payments in %.1f s: %.0f deliveries/s; statuses %s%n",
                deliveries.size(), notices.size(), forged, PAYMENTS, seconds, deliveries.size() / seconds, statuses);
        assertEquals(List.of(), wrong.subList(0, Math.min(10, wrong.size())), wrong.size() + " deliveries answered wrongly");

        PaymentRepository payments = market.services().get(PaymentRepository.class);
        Ledger ledger = market.services().get(Ledger.class);
        AccessGrants grants = market.services().get(AccessGrants.class);
        Map<String, Long> creatorShares = new HashMap<>();
        Map<String, Long> buyerSpend = new HashMap<>();
        Map<String, Long> referrerRewards = new HashMap<>();
        long fees = 0;
        for (Story story : stories) {
            var payment = payments.find(story.checkout().paymentId()).orElseThrow();
            assertEquals(story.finalState(), payment.state(), story.provider() + " " + story.actions());
            assertEquals(story.standsPaid(), grants.has(story.buyer().id(), story.postId()), story.provider() + " " + story.actions());
            if (story.standsPaid()) {
                long fee = Money.rub(story.price()).share(Marketplace.FEE_BASIS_POINTS).minor();
                fees += fee;
                creatorShares.merge(story.creator().id(), story.price() - fee, Long::sum);
                buyerSpend.merge(story.buyer().id(), story.price(), Long::sum);
                User referrer = referrerOf.get(story.creator().id());
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
        assertEquals(0, total + platform, "double entry: every balance together is zero");
        // Per payment, the creator's entries: one sale if it stands paid; a sale and its refund, or nothing at all
        // (the refund was heard first), if it was refunded; nothing if declined. Never a second sale.
        Map<String, List<String>> entriesByPayment = new HashMap<>();
        for (User creator : creators) {
            ledger.entries(LedgerAccounts.creator(creator.id()), null, 1000).forEach(entry ->
                    entriesByPayment.computeIfAbsent(entry.paymentId(), id -> new ArrayList<>()).add(entry.kind()));
        }
        for (Story story : stories) {
            List<String> kinds = entriesByPayment.getOrDefault(story.checkout().paymentId(), List.of()).stream().sorted().toList();
            if (story.standsPaid()) {
                assertEquals(List.of("sale"), kinds, story.provider() + " " + story.actions());
            } else if (story.actions().contains(Action.REFUND)) {
                assertTrue(kinds.isEmpty() || kinds.equals(List.of("refund", "sale")), story.provider() + " " + kinds);
            } else {
                assertEquals(List.of(), kinds, story.provider() + " " + story.actions());
            }
        }
    }

    /** What happens to a payment: mostly paid; some paid then refunded; some declined. Robokassa only notifies payments. */
    private static List<Action> story(Provider provider, Random random) {
        int roll = random.nextInt(100);
        if (provider == Provider.ROBOKASSA || roll < 70) {
            return List.of(Action.PAY);
        }
        return roll < 88 ? List.of(Action.PAY, Action.REFUND) : List.of(Action.CANCEL);
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

    /** What the platform's fee shards hold together. */
    private static long platformFees(Ledger ledger) {
        long platform = 0;
        for (int shard = 0; shard < LedgerAccounts.PLATFORM_SHARDS; shard++) {
            platform += ledger.balance(LedgerAccounts.platformFees(shard), Money.RUB).minor();
        }
        return platform;
    }
}
