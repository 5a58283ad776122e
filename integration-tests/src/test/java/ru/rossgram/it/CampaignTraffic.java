package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.it.PaymentWebhookReliabilityTest.Lines;
import ru.rossgram.it.PaymentWebhookReliabilityTest.Sale;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.crowdfunding.Campaign;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import ru.rossgram.shared.payments.crowdfunding.CampaignTotals;
import ru.rossgram.shared.payments.crowdfunding.CrowdfundingConfig;
import ru.rossgram.shared.payments.crowdfunding.Pledge;

/**
 * The crowdfunding share of {@link PaymentWebhookReliabilityTest}: six campaigns, one of each fate and two with a
 * limited reward, and a few hundred pledges with their stories; the closing job run as its scheduled function runs
 * it, at a clock moved past the deadline and on through the retries and the fix window; and the model of what every
 * pledge must leave: its state, its campaign's totals and reward claims, and its payments' lines on the ledger.
 *
 * <p>The stories. A pledge's first payment (keep what you raise: the pledge; all or nothing: the verification that
 * saves the method) is paid, declined, or (keep, not Robokassa) paid and refunded by the provider, its notices
 * delivered in round 0 with the others'. Before round 1: some backers of the kept campaign cancel (a refund), its
 * creator cancels another (every pledge refunded), the cards of the charges planned to fail are set to decline, and
 * the closing job runs twice at once at the deadline: it closes every campaign, charges the succeeding
 * all-or-nothing campaign's pledges, releases the failing one's, refunds the verifications and the cancelled
 * campaign's pledges. Before round 2 the backers of the pledges planned to be fixed pay through checkout (while
 * errored), the retried pledges' cards are fixed and the job retries at the deadline + 2 days. Rounds 3 and 4 retry at + 4 and + 6
 * days; after each round, a run at the outcome check asks Robokassa for its silent declines; after the last, a run
 * past the fix window drops what is still errored. Every notice these make is held by the simulator and delivered
 * by the test, duplicated, reordered, concurrent and forged, mixed with the posts' and subscriptions'.
 */
final class CampaignTraffic {
    private static final int BACKERS_PER_CAMPAIGN = 40;
    /** Pledges asking at once for a limited reward of {@link #LIMIT}: the rest are refused. */
    private static final int LIMITED_ASKS = 12;
    private static final int LIMIT = 5;
    private static final long LIMITED_MINIMUM = 100_000;
    private static final long THANKS_MINIMUM = 10_000;
    /** Each pledge pays with its own card, so that the plan declines its charges alone. */
    private static final int FIRST_CARD = 2_000;
    private static final int CONCURRENCY = 8;
    private static final Provider[] PROVIDERS = {Provider.YOOKASSA, Provider.TBANK, Provider.CLOUDPAYMENTS, Provider.ROBOKASSA};

    /** What becomes of a campaign, and what it is at the end. */
    enum Fate {
        KEEP(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.SUCCEEDED),
        KEEP_CANCELLED(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.CANCELLED),
        GOAL_MET(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.SUCCEEDED),
        GOAL_MISSED(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.FAILED);

        final Campaign.Mode mode;
        final Campaign.Status end;

        Fate(Campaign.Mode mode, Campaign.Status end) {
            this.mode = mode;
            this.end = end;
        }

        boolean keep() {
            return mode == Campaign.Mode.KEEP_WHAT_YOU_RAISE;
        }
    }

    /** What a pledge whose first payment stood does next. */
    enum Plan {
        /** Keep: stays paid. All or nothing: charged at the deadline (goal met), or released (missed). */
        PAID(1, true, false),
        /** Keep: the backer cancels while live: refunded. */
        BACKER_CANCELS(0, true, false),
        /** Goal met: the charge at the deadline declined, the retry two days later paid. */
        RETRIED(2, true, false),
        /** Goal met: the charge declined, and the backer pays it through checkout (retries decline too). */
        FIXED(2, true, true),
        /** Goal met: every charge declined, dropped when its fix window ends. */
        DROPPED(4, false, false);

        /** Charges of the saved method, at most (a fixed pledge's retry may come before its fix is heard). */
        final int charges;
        final boolean collected;
        final boolean fixed;

        Plan(int charges, boolean collected, boolean fixed) {
            this.charges = charges;
            this.collected = collected;
            this.fixed = fixed;
        }

        boolean chargeDeclines(int attempt) {
            return this == DROPPED || this == FIXED || (this == RETRIED && attempt == 1);
        }
    }

    record CampaignStory(String campaignId, User creator, Fate fate, long goal, String limitedRewardId,
                         String thanksRewardId) {
    }

    /** A pledge asked for: the first payment's story, and the plan if that stands. */
    record Ask(int index, CampaignStory campaign, User backer, long amount, String rewardId, Provider provider,
               List<Action> first, Plan plan) {
        SimulatedCard card() {
            return SimulatedCard.numbered(FIRST_CARD + index);
        }

        boolean firstStands() {
            return first.contains(Action.PAY) && !first.contains(Action.REFUND);
        }
    }

    /** A pledge made: its ask and the checkout of its first payment. */
    record PledgeStory(Ask ask, Marketplace.Checkout first) {
        String describe() {
            return "pledge " + ask.provider() + " " + ask.campaign().fate() + " " + ask.first()
                    + (ask.firstStands() ? " " + ask.plan() : "") + (ask.rewardId() == null ? "" : " reward " + ask.rewardId());
        }

        /** The states it may end in: a refund heard before its success leaves it cancelled or refunded alike. */
        Set<Pledge.State> ends() {
            if (ask.first().contains(Action.CANCEL)) {
                return Set.of(Pledge.State.CANCELLED);
            }
            if (ask.first().contains(Action.REFUND)) {
                return Set.of(Pledge.State.REFUNDED, Pledge.State.CANCELLED);
            }
            return Set.of(switch (ask.campaign().fate()) {
                case KEEP -> ask.plan() == Plan.BACKER_CANCELS ? Pledge.State.REFUNDED : Pledge.State.COLLECTED;
                case KEEP_CANCELLED -> Pledge.State.REFUNDED;
                case GOAL_MET -> ask.plan().collected ? Pledge.State.COLLECTED : Pledge.State.DROPPED;
                case GOAL_MISSED -> Pledge.State.RELEASED;
            });
        }

        /** What the model counts it as (any of {@link #ends()} counts alike). */
        Pledge.State end() {
            return ends().iterator().next();
        }
    }

    private final Marketplace market;
    private final SharedServices jobServices;
    private final Function<Instant, ?> closingRun;
    private final CrowdfundingConfig config;
    private final List<CampaignStory> campaigns = new ArrayList<>();
    private final List<PledgeStory> pledges = new ArrayList<>();
    private final List<Ask> refused = new ArrayList<>();
    private final List<Notice> firstNotices = new ArrayList<>();
    private final Map<PledgeStory, Marketplace.Checkout> fixes = new HashMap<>();
    private final List<String> runs = new ArrayList<>();
    private Instant closing;
    private int notices;

    /**
     * @param jobServices the services as the closing function builds them
     * @param closingRun  one run of the closing job with its clock at the instant given (gateways fenced to the
     *                    test's backers), answering its summary
     */
    CampaignTraffic(Marketplace market, SharedServices jobServices, Function<Instant, ?> closingRun) {
        this.market = market;
        this.jobServices = jobServices;
        this.closingRun = closingRun;
        this.config = jobServices.get(CrowdfundingConfig.class);
        assertEquals(4, config.attempts(), "the plans are written for four charges (retries after 2, 4 and 6 days)");
    }

    /**
     * Launches the campaigns (creators 0 to 5) and makes the pledges among {@code backers}, eight checkouts at a
     * time, each limited reward asked for by {@value #LIMITED_ASKS} at once; prepares their first notices.
     */
    void setUp(List<User> creators, List<User> backers, Random random) throws Exception {
        Fate[] fates = {Fate.KEEP, Fate.KEEP, Fate.KEEP_CANCELLED, Fate.GOAL_MET, Fate.GOAL_MET, Fate.GOAL_MISSED};
        List<List<Ask>> asksOf = new ArrayList<>();
        int index = 0;
        Map<Provider, AtomicInteger> planned = new EnumMap<>(Provider.class);
        for (int c = 0; c < fates.length; c++) {
            Fate fate = fates[c];
            boolean limited = c == 1 || c == 4;
            List<Ask> asks = new ArrayList<>();
            for (int b = 0; b < BACKERS_PER_CAMPAIGN; b++) {
                User backer = backers.get((c * 7 + b) % backers.size()); // a backer pledges once per campaign
                Provider provider = PROVIDERS[index % PROVIDERS.length];
                boolean asksLimited = limited && b < LIMITED_ASKS;
                long amount = asksLimited ? LIMITED_MINIMUM + random.nextInt(400_000) : THANKS_MINIMUM + random.nextInt(490_000);
                String reward = asksLimited ? "limited" : random.nextBoolean() ? "thanks" : null;
                List<Action> first = firstStory(fate, provider, random);
                Plan plan = null;
                if (first.contains(Action.PAY) && !first.contains(Action.REFUND)) {
                    plan = plan(fate, planned.computeIfAbsent(provider, p -> new AtomicInteger()).getAndIncrement(), b);
                }
                asks.add(new Ask(index++, null, backer, amount, reward, provider, first, plan));
            }
            asksOf.add(asks);
        }
        Instant deadline = Instant.now().plus(config.shortest()).plus(Duration.ofMinutes(10));
        closing = deadline.plus(Duration.ofMinutes(1));
        for (int c = 0; c < fates.length; c++) {
            List<Ask> asks = asksOf.get(c);
            long sure = asks.stream().filter(a -> a.firstStands() && !"limited".equals(a.rewardId())).mapToLong(Ask::amount).sum();
            long all = asks.stream().mapToLong(Ask::amount).sum();
            long goal = switch (fates[c]) {
                case GOAL_MET -> sure / 2; // met by the pledges whose verification stands, whatever the reward's race
                case GOAL_MISSED -> all * 10;
                default -> all;
            };
            CampaignStory campaign = launch(creators.get(c), fates[c], goal, c == 1 || c == 4, deadline);
            campaigns.add(campaign);
            asksOf.set(c, asks.stream().map(a -> new Ask(a.index(), campaign, a.backer(), a.amount(),
                    a.rewardId() == null ? null : a.rewardId().equals("limited") ? campaign.limitedRewardId() : campaign.thanksRewardId(),
                    a.provider(), a.first(), a.plan())).toList());
        }
        List<Callable<Optional<PledgeStory>>> checkouts = new ArrayList<>();
        asksOf.forEach(asks -> asks.forEach(ask -> checkouts.add(() -> checkOut(ask))));
        List<Optional<PledgeStory>> made = concurrently(checkouts);
        for (int i = 0; i < made.size(); i++) {
            Ask ask = asksOf.get(i / BACKERS_PER_CAMPAIGN).get(i % BACKERS_PER_CAMPAIGN);
            made.get(i).ifPresentOrElse(pledges::add, () -> refused.add(ask));
        }
        for (PledgeStory pledge : pledges) {
            for (Action action : pledge.ask().first()) {
                firstNotices.add(market.notice(pledge.ask().provider(), pledge.first().simulatedId(), action, pledge.ask().card()));
            }
        }
        long limitedAsks = campaigns.stream().filter(c -> c.limitedRewardId() != null).count() * LIMITED_ASKS;
        assertEquals(limitedAsks - 2L * LIMIT, refused.size(), "each limited reward went to " + LIMIT + " of its askers: " + refused);
        assertTrue(refused.stream().allMatch(a -> a.rewardId() != null && a.rewardId().equals(a.campaign().limitedRewardId())),
                "only the limited rewards' askers were refused");
    }

    /** The notices of the pledges' first payments: round 0's. */
    List<Notice> firstNotices() {
        notices += firstNotices.size();
        return firstNotices;
    }

    /** A rough count of the notices round {@code round} brings, to share the deliveries among the rounds. */
    int expectedNotices(int round) {
        long metSaved = pledges.stream().filter(p -> p.ask().campaign().fate() == Fate.GOAL_MET && p.ask().firstStands()).count();
        return switch (round) {
            case 0 -> firstNotices.size();
            case 1 -> (int) (pledges.stream().filter(p -> p.ask().firstStands()).count() + metSaved);
            case 2 -> (int) (metSaved / 2);
            default -> (int) (metSaved / 4);
        };
    }

    /**
     * What happens at the crowdfunding side before round {@code round} (1 to 4) is delivered; answers the notices it
     * made, for the round to deliver.
     */
    List<Notice> before(int round) throws Exception {
        List<Notice> made = new ArrayList<>();
        if (round == 1) {
            for (PledgeStory pledge : pledges) {
                if (pledge.ask().firstStands() && pledge.ask().plan() == Plan.BACKER_CANCELS) {
                    cancelPledge(pledge);
                }
                if (pledge.ask().campaign().fate() == Fate.GOAL_MET && pledge.ask().firstStands()) {
                    market.simulator().declineCharges(pledge.ask().card(), pledge.ask().plan().chargeDeclines(1));
                }
            }
            campaigns.stream().filter(c -> c.fate() == Fate.KEEP_CANCELLED).forEach(this::cancelCampaign);
            // Two runs at once, as a doubled schedule would: every charge and refund still happens once.
            concurrently(List.of(() -> run(round, at(round)), () -> run(round, at(round))));
        } else {
            if (round == 2) {
                // While errored (before the retry turns them charging), the backers pay the fixed ones through checkout.
                for (PledgeStory pledge : planned(Plan.FIXED)) {
                    Marketplace.Checkout fix = market.opened(pledge.ask().provider(), market.pledge(pledge.ask().backer(),
                            pledge.ask().campaign().campaignId(), pledge.ask().amount(), pledge.ask().rewardId(), pledge.ask().provider()));
                    fixes.put(pledge, fix);
                    made.add(market.notice(pledge.ask().provider(), fix.simulatedId(), Action.PAY, pledge.ask().card()));
                }
                planned(Plan.RETRIED).forEach(p -> market.simulator().declineCharges(p.ask().card(), false));
            }
            run(round, at(round));
        }
        made.addAll(market.simulator().heldNotices());
        notices += made.size();
        return made;
    }

    /**
     * After round {@code round} was delivered: the run at the outcome check (asking Robokassa about its silent
     * declines) and, after the last round, the run past the fix window that drops what is still errored. Neither may
     * make a notice.
     */
    void after(int round) {
        run(round, at(round).plus(config.outcomeCheck()));
        if (round == config.attempts()) {
            run(round, closing.plus(config.fixWindow()).plus(Duration.ofMinutes(1)));
        }
        assertEquals(List.of(), market.simulator().heldNotices(), "asking and dropping charge nothing");
    }

    int notices() {
        return notices;
    }

    int pledges() {
        return pledges.size();
    }

    List<String> runs() {
        return runs;
    }

    /**
     * Every campaign's status, totals and reward claims, and every pledge's state, against the model; answers each
     * pledge's payments with what each must have left on the ledger (checked with the posts' and subscriptions').
     *
     * @param charged how many times the job asked a provider to charge each payment id
     */
    List<Sale> assertAgainstModel(Map<String, AtomicInteger> charged) {
        CampaignRepository repository = jobServices.get(CampaignRepository.class);
        PaymentRepository payments = jobServices.get(PaymentRepository.class);
        Map<String, List<Payment>> chargesOf = new HashMap<>();
        for (String paymentId : charged.keySet()) {
            payments.find(paymentId).filter(p -> p.purchase().kind() == Purchase.Kind.PLEDGE)
                    .ifPresent(p -> chargesOf.computeIfAbsent(p.purchase().id() + "#" + p.buyerId(), k -> new ArrayList<>()).add(p));
        }
        List<Sale> sales = new ArrayList<>();
        for (CampaignStory campaign : campaigns) {
            List<PledgeStory> mine = pledges.stream().filter(p -> p.ask().campaign() == campaign).toList();
            String what = "campaign " + campaign.fate();
            Campaign stored = repository.find(campaign.campaignId()).orElseThrow();
            assertEquals(campaign.fate().end, stored.status(), what);
            assertNull(stored.dueAt(), what + ": nothing left for the closing job");
            CampaignTotals totals = repository.totals(campaign.campaignId());
            assertEquals(new CampaignTotals(
                    mine.stream().filter(p -> p.end().pledged()).mapToLong(p -> p.ask().amount()).sum(),
                    mine.stream().filter(p -> p.end().collected()).mapToLong(p -> p.ask().amount()).sum(),
                    mine.stream().filter(p -> p.end().dropped()).mapToLong(p -> p.ask().amount()).sum(),
                    mine.stream().filter(p -> p.end().pledged()).count(),
                    claims(campaign, mine)), totals, what);
            if (campaign.limitedRewardId() != null) {
                assertTrue(totals.claimed(campaign.limitedRewardId()) <= LIMIT, what + ": never oversold: " + totals);
            }
            if (campaign.fate() == Fate.GOAL_MET) {
                assertTrue(totals.pledged() >= campaign.goal(), what + ": the goal was met");
            } else if (campaign.fate() == Fate.GOAL_MISSED) {
                assertTrue(totals.pledged() < campaign.goal(), what + ": the goal was missed");
            }
            for (PledgeStory pledge : mine) {
                Pledge found = repository.findPledge(campaign.campaignId(), pledge.ask().backer().id()).orElseThrow();
                assertTrue(pledge.ends().contains(found.state()), pledge.describe() + ": " + found.state());
                sales.addAll(sales(pledge, chargesOf.getOrDefault(campaign.campaignId() + "#" + pledge.ask().backer().id(), List.of()), charged));
            }
        }
        return sales;
    }

    // --- the model of a pledge's payments

    private List<Sale> sales(PledgeStory pledge, List<Payment> charges, Map<String, AtomicInteger> charged) {
        Ask ask = pledge.ask();
        String what = pledge.describe();
        User creator = ask.campaign().creator();
        List<Sale> sales = new ArrayList<>();
        sales.add(firstSale(pledge));
        if (ask.campaign().fate() != Fate.GOAL_MET || !ask.firstStands()) {
            assertEquals(List.of(), charges, what + ": never charged");
            return sales;
        }
        List<Payment> byAttempt = charges.stream().sorted(Comparator.comparingInt(p -> p.pledge().attempt())).toList();
        int expected = ask.plan().charges;
        if (ask.plan().fixed) {
            // The fix may be heard before the retry at + 2 days, or after it was sent.
            assertTrue(byAttempt.size() == 1 || byAttempt.size() == 2, what + ": charged " + byAttempt.size());
        } else {
            assertEquals(expected, byAttempt.size(), what + ": charges");
        }
        for (int i = 0; i < byAttempt.size(); i++) {
            Payment charge = byAttempt.get(i);
            int attempt = i + 1;
            assertEquals(new PledgeCharge(pledgeIdOf(pledge), PledgeCharge.Reason.COLLECT, attempt), charge.pledge(), what);
            assertTrue(charged.get(charge.paymentId()).get() >= 1, what);
            boolean declined = ask.plan().chargeDeclines(attempt);
            // A retry declined silently (Robokassa) after the fix collected the pledge is never asked about: no money
            // moved, but the payment stays pending on our side (reported to the closing job's owners).
            boolean unasked = ask.plan().fixed && attempt > 1 && ask.provider() == Provider.ROBOKASSA;
            sales.add(new Sale(what + " charge " + attempt, charge.paymentId(), creator, ask.backer(), ask.amount(),
                    unasked ? PaymentState.PENDING : declined ? PaymentState.CANCELED : PaymentState.SUCCEEDED,
                    declined ? Lines.NONE : Lines.ONE_SALE));
        }
        if (ask.plan().fixed) {
            sales.add(new Sale(what + " fix", fixes.get(pledge).paymentId(), creator, ask.backer(), ask.amount(),
                    PaymentState.SUCCEEDED, Lines.ONE_SALE));
        }
        return sales;
    }

    /** The first payment: a pledge's own (keep), or the verification, always returned (all or nothing). */
    private static Sale firstSale(PledgeStory pledge) {
        Ask ask = pledge.ask();
        String what = pledge.describe() + " first";
        String paymentId = pledge.first().paymentId();
        User creator = ask.campaign().creator();
        if (ask.first().contains(Action.CANCEL)) {
            return new Sale(what, paymentId, creator, ask.backer(), ask.amount(), PaymentState.CANCELED, Lines.NONE);
        }
        if (!ask.campaign().fate().keep()) {
            // The verification's money is never the creator's: no line of hers, and the backer's comes back.
            return new Sale(what, paymentId, creator, ask.backer(), ask.amount(), PaymentState.REFUNDED, Lines.NONE);
        }
        if (ask.first().contains(Action.REFUND)) {
            return new Sale(what, paymentId, creator, ask.backer(), ask.amount(), PaymentState.REFUNDED, Lines.SALE_AND_REFUND_OR_NONE);
        }
        boolean refunded = ask.campaign().fate() == Fate.KEEP_CANCELLED || ask.plan() == Plan.BACKER_CANCELS;
        return new Sale(what, paymentId, creator, ask.backer(), ask.amount(),
                refunded ? PaymentState.REFUNDED : PaymentState.SUCCEEDED, refunded ? Lines.SALE_AND_REFUND : Lines.ONE_SALE);
    }

    private String pledgeIdOf(PledgeStory pledge) {
        return jobServices.get(PaymentRepository.class).find(pledge.first().paymentId()).orElseThrow().pledge().pledgeId();
    }

    /** Per reward, the pledges that hold it at the end. */
    private static Map<String, Long> claims(CampaignStory campaign, List<PledgeStory> pledges) {
        Map<String, Long> claims = new HashMap<>();
        for (String reward : new String[] {campaign.limitedRewardId(), campaign.thanksRewardId()}) {
            if (reward != null) {
                claims.put(reward, pledges.stream().filter(p -> reward.equals(p.ask().rewardId()) && p.end().holdsReward()).count());
            }
        }
        return claims;
    }

    // --- the stories

    /**
     * A first payment: mostly paid; some declined; some kept pledges paid, then refunded by the provider. Robokassa
     * notifies only payments.
     */
    private static List<Action> firstStory(Fate fate, Provider provider, Random random) {
        int roll = random.nextInt(100);
        if (roll < 80 || provider == Provider.ROBOKASSA) {
            return List.of(Action.PAY);
        }
        // The cancelled campaign refunds what was paid itself.
        return roll < 90 && fate == Fate.KEEP ? List.of(Action.PAY, Action.REFUND) : List.of(Action.CANCEL);
    }

    /** The plans, every provider getting each of its fate's in turn. */
    private static Plan plan(Fate fate, int turn, int backer) {
        return switch (fate) {
            case KEEP -> backer % 3 == 2 ? Plan.BACKER_CANCELS : Plan.PAID;
            case GOAL_MET -> List.of(Plan.PAID, Plan.RETRIED, Plan.PAID, Plan.FIXED, Plan.DROPPED).get(turn % 5);
            default -> Plan.PAID;
        };
    }

    private List<PledgeStory> planned(Plan plan) {
        return pledges.stream().filter(p -> p.ask().firstStands() && p.ask().plan() == plan
                && p.ask().campaign().fate() == Fate.GOAL_MET).toList();
    }

    /** The closing job's time for round {@code round}: the deadline passed, then each retry. */
    private Instant at(int round) {
        return round == 1 ? closing : closing.plus(config.retryAfter().get(round - 2));
    }

    private Void run(int round, Instant at) {
        Object summary = closingRun.apply(at);
        synchronized (runs) {
            runs.add("round " + round + " +" + Duration.between(closing, at).toHours() + "h " + summary);
        }
        return null;
    }

    private Optional<PledgeStory> checkOut(Ask ask) {
        Reply reply = market.pledge(ask.backer(), ask.campaign().campaignId(), ask.amount(), ask.rewardId(), ask.provider());
        if (reply.status() == 201) {
            return Optional.of(new PledgeStory(ask, market.opened(ask.provider(), reply)));
        }
        assertEquals(409, reply.status(), "a sold-out reward is a conflict, never a server error: " + reply.body());
        return Optional.empty();
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<T>> futures = threads.invokeAll(tasks);
            List<T> done = new ArrayList<>();
            for (Future<T> future : futures) {
                done.add(future.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    // --- the campaign API

    /**
     * A campaign the creator writes as a draft and launches ({@code POST /v1/me/campaigns}, {@code .../launch}): a
     * reward for everyone, and for {@code limited} one of {@value #LIMIT} places.
     */
    private static CampaignStory launch(User creator, Fate fate, long goal, boolean limited, Instant deadline) {
        String rewards = reward("Спасибо", THANKS_MINIMUM, null) + (limited ? ", " + reward("Принт с автографом", LIMITED_MINIMUM, LIMIT) : "");
        String draft = creator.ok("POST", "/v1/me/campaigns", "{\"title\": \"Фотокнига «Северный свет»\", "
                + "\"description\": \"Печатаем книгу снимков Карелии\", \"goal\": " + rub(goal) + ", \"deadline\": \""
                + deadline + "\", \"mode\": \"" + fate.mode.wire() + "\", \"rewards\": [" + rewards + "]}", 201)
                .json().path("campaignId").asText();
        JsonNode live = creator.ok("POST", "/v1/me/campaigns/" + draft + "/launch", null, 200).json();
        assertEquals("live", live.path("status").asText(), live.toString());
        return new CampaignStory(draft, creator, fate, goal,
                limited ? live.path("rewards").get(1).path("rewardId").asText() : null,
                live.path("rewards").get(0).path("rewardId").asText());
    }

    private static String reward(String title, long minimum, Integer limit) {
        return "{\"title\": \"" + title + "\", \"description\": \"" + title + " для каждого, кто поддержал\", \"minimum\": "
                + rub(minimum) + ", \"deliveryEstimate\": \"2027-06\"" + (limit == null ? "" : ", \"limit\": " + limit) + "}";
    }

    private static String rub(long kopecks) {
        return "{\"amount\": " + kopecks + ", \"currency\": \"RUB\"}";
    }

    /** The backer cancels a paid pledge while the campaign is live: refunded through its provider at once. */
    private static void cancelPledge(PledgeStory pledge) {
        pledge.ask().backer().ok("DELETE", "/v1/campaigns/" + pledge.ask().campaign().campaignId() + "/pledge", null, 202);
    }

    /** The creator cancels a live campaign: the closing job refunds its collected pledges. */
    private void cancelCampaign(CampaignStory campaign) {
        campaign.creator().ok("POST", "/v1/me/campaigns/" + campaign.campaignId() + "/cancel", null, 200);
    }
}
