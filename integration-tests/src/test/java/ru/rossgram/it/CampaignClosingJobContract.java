package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.CheckoutRequest;
import ru.rossgram.shared.payments.CheckoutService;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.SavedMethodCharges;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.crowdfunding.Campaign;
import ru.rossgram.shared.payments.crowdfunding.CampaignClosingJob;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import ru.rossgram.shared.payments.crowdfunding.CampaignTotals;
import ru.rossgram.shared.payments.crowdfunding.CrowdfundingConfig;
import ru.rossgram.shared.payments.crowdfunding.Pledge;
import ru.rossgram.shared.payments.crowdfunding.Reward;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The closing job ({@link CampaignClosingJob}, what the {@code close-campaigns} function runs) against the real
 * tables, the providers' simulated APIs and our webhook: pledges made through checkout and settled by their
 * notifications, then the job run with a clock the test moves past the deadline (an hour, days), the charges' and
 * refunds' notifications held by the simulator and delivered by the test as the providers' servers would.
 *
 * <p>Campaigns are written straight to the table, live (or cancelled, as the creator's cancel leaves them): what
 * matters here is what the job makes of them. The table is shared with the other contracts of the run, so every
 * assertion is about this test's own campaign, never about a run's totals.
 *
 * <p>CloudPayments is charged here but not refunded: its gateway's refund needs the payment's numeric
 * {@code TransactionId}, and a payment begun through checkout stores the widget's id instead (the refunds' work to
 * settle); the job logs such a refusal and asks again later without holding anything else up.
 */
abstract class CampaignClosingJobContract extends Contract {
    private static final AtomicInteger CARDS = new AtomicInteger(5_300);
    private static final Duration OUTCOME_CHECK = Duration.ofHours(1);

    private final Marketplace market = new Marketplace(this::backend);
    private final MovableClock clock = new MovableClock();
    private final ProviderCalls calls = new ProviderCalls();
    private SharedServices services;
    private CheckoutService checkouts;
    private CampaignClosingJob job;

    protected CampaignClosingJobContract() {
        super("CloseCampaignsFunction", Map.of());
    }

    @BeforeAll
    void buildTheJob() {
        services = market.servicesAs("CloseCampaignsFunction");
        checkouts = market.servicesAs("CheckoutFunction").get(CheckoutService.class);
        SavedMethodCharges charges = new SavedMethodCharges(services.get(PaymentRepository.class),
                calls.counting(services.get(PaymentGateways.class)), services.get(Settlement.class),
                services.get(PaymentsConfig.class), clock);
        job = new CampaignClosingJob(campaigns(), services.get(PaymentRepository.class), charges,
                services.get(TransactionWriter.class), services.get(CrowdfundingConfig.class),
                services.get(PaymentsConfig.class), clock);
    }

    @AfterAll
    void stop() {
        market.close();
    }

    // ----- all or nothing

    @ParameterizedTest
    @EnumSource(Provider.class)
    void allOrNothing_thatMetItsGoal_chargesEverySavedPledgeOnce_whenTwoRunsRace_andCollectsThemAll(Provider provider) throws Exception {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 100_000);
        Backer first = pledgeSaved(campaign, 60_000, provider, card());
        Backer second = pledgeSaved(campaign, 50_000, provider, card());
        assertEquals(110_000, totals(campaign).pledged());

        List<JobSummary<CampaignClosingJob.Outcome>> runs = runTogetherAt(campaign.deadline().plusSeconds(60));
        assertEquals(Campaign.Status.SUCCEEDED, campaign(campaign).status(), runs.toString());
        for (Backer backer : List.of(first, second)) {
            String charge = CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1);
            assertEquals(1, calls.charges(charge), "two runs at once charge a pledge once: " + runs);
            Payment payment = payment(charge).orElseThrow();
            assertEquals(new PledgeCharge(backer.pledge().pledgeId(), PledgeCharge.Reason.COLLECT, 1), payment.pledge());
            assertEquals(backer.pledge().amount(), payment.amount());
            assertEquals(Pledge.State.CHARGING, pledge(backer).state());
        }
        runAt(campaign.deadline().plusSeconds(120));
        market.deliverHeldNotices();

        for (Backer backer : List.of(first, second)) {
            assertEquals(Pledge.State.COLLECTED, pledge(backer).state());
            assertEquals(1, calls.charges(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)), "charged once in all");
        }
        CampaignTotals totals = totals(campaign);
        assertEquals(110_000, totals.collected());
        assertEquals(110_000, totals.pledged(), "pledged stays what the backers pledged");
        assertEquals(2, totals.backers());
        assertNull(campaign(campaign).dueAt(), "every pledge worked through");
        long share = 110_000 - Money.rub(60_000).share(Marketplace.FEE_BASIS_POINTS).minor()
                - Money.rub(50_000).share(Marketplace.FEE_BASIS_POINTS).minor();
        assertEquals(share, balance(LedgerAccounts.creator(campaign.creatorId())), "the creator's: both pledges less the fee");
    }

    @Test
    void allOrNothing_aDeclinedChargeFixedByARetryIsCollected_andOneDeclinedPastItsWindowIsDropped() {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 100_000);
        Backer paying = pledgeSaved(campaign, 50_000, Provider.YOOKASSA, card());
        Backer fixed = pledgeSaved(campaign, 30_000, Provider.TBANK, card());
        Backer never = pledgeSaved(campaign, 40_000, Provider.YOOKASSA, card());
        market.simulator().declineCharges(fixed.card(), true);
        market.simulator().declineCharges(never.card(), true);
        Instant deadline = campaign.deadline();

        runAt(deadline.plusSeconds(60));
        market.deliverHeldNotices();
        assertEquals(Pledge.State.COLLECTED, pledge(paying).state());
        for (Backer declined : List.of(fixed, never)) {
            Pledge errored = pledge(declined);
            assertEquals(Pledge.State.ERRORED, errored.state());
            assertEquals(deadline.plus(Duration.ofDays(2)), errored.dueAt(), "retried two days after the deadline");
            assertEquals(deadline.plus(Duration.ofDays(7)), errored.fixBy());
        }
        assertEquals(50_000, totals(campaign).collected());
        assertEquals(120_000, totals(campaign).pledged(), "an errored pledge still stands");

        runAt(deadline.plus(Duration.ofDays(2)).minusSeconds(60));
        assertTrue(payment(CampaignClosingJob.collectPaymentId(campaign, fixed.pledge(), 2)).isEmpty(), "no retry before its day");
        market.simulator().declineCharges(fixed.card(), false);
        runAt(deadline.plus(Duration.ofDays(2)));
        market.deliverHeldNotices();
        assertEquals(Pledge.State.COLLECTED, pledge(fixed).state());
        assertEquals(1, calls.charges(CampaignClosingJob.collectPaymentId(campaign, fixed.pledge(), 2)));

        for (int days : List.of(4, 6)) {
            runAt(deadline.plus(Duration.ofDays(days)));
            market.deliverHeldNotices();
            assertEquals(Pledge.State.ERRORED, pledge(never).state(), "after day " + days);
        }
        runAt(deadline.plus(Duration.ofDays(7)));
        Pledge dropped = pledge(never);
        assertEquals(Pledge.State.DROPPED, dropped.state());
        assertNull(dropped.dueAt());
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(1, calls.charges(CampaignClosingJob.collectPaymentId(campaign, never.pledge(), attempt)), "attempt " + attempt);
        }
        runAt(deadline.plus(Duration.ofDays(30)));
        assertEquals(0, calls.charges(CampaignClosingJob.collectPaymentId(campaign, never.pledge(), 5)), "nothing after the drop");
        CampaignTotals totals = totals(campaign);
        assertEquals(80_000, totals.collected(), "collected: the pledges actually paid");
        assertEquals(80_000, totals.pledged(), "a dropped pledge leaves what was pledged");
        assertEquals(40_000, totals.dropped());
        assertEquals(2, totals.backers());
    }

    @Test
    void allOrNothing_thatMissedItsGoal_chargesNobody_andReleasesTheSavedMethods() {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 1_000_000);
        Backer backer = pledgeSaved(campaign, 50_000, Provider.YOOKASSA, card());
        Backer pending = pledgePending(campaign, 20_000, Provider.TBANK, null);

        runAt(campaign.deadline().plusSeconds(60));
        assertEquals(Campaign.Status.FAILED, campaign(campaign).status());
        Pledge released = pledge(backer);
        assertEquals(Pledge.State.RELEASED, released.state());
        assertNull(released.savedMethod(), "the saved method is forgotten");
        assertEquals(Pledge.State.CANCELLED, pledge(pending).state());
        assertTrue(payment(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)).isEmpty(), "nobody charged");
        assertEquals(0, calls.charges(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)));
        assertEquals(50_000, totals(campaign).pledged(), "what was pledged, honestly");
        assertEquals(0, totals(campaign).collected());
    }

    @Test
    void aCancelledAllOrNothingCampaign_chargesNobody() {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 10_000);
        Backer backer = pledgeSaved(campaign, 50_000, Provider.CLOUDPAYMENTS, card());
        Campaign cancelled = cancel(campaign);

        runAt(Instant.now().plusSeconds(60));
        Pledge pledge = pledge(backer);
        assertEquals(Pledge.State.CANCELLED, pledge.state());
        assertNull(pledge.savedMethod());
        assertTrue(payment(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)).isEmpty());
        runAt(campaign.deadline().plusSeconds(60));
        assertEquals(Campaign.Status.CANCELLED, campaign(cancelled).status(), "a cancelled campaign is not closed again");
        assertEquals(0, calls.charges(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)));
        assertEquals(0, totals(campaign).pledged());
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"YOOKASSA", "TBANK", "ROBOKASSA"}) // CloudPayments: see the class's note
    void aSucceededVerificationPayment_isRefunded_reversingItsLedgerEntries(Provider provider) {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 100_000);
        Backer backer = pledgeSaved(campaign, 50_000, provider, card());
        String verification = pledge(backer).verificationId();
        assertNotNull(verification);
        assertEquals(-100, balance(LedgerAccounts.buyer(backer.user().id())), "the verification paid");

        runAt(Instant.now().plusSeconds(60));
        runAt(Instant.now().plusSeconds(120));
        assertEquals(1, calls.refunds(verification), "refunded once, however many runs (Robokassa's settled at once)");
        market.deliverHeldNotices();
        assertEquals(PaymentState.REFUNDED, payment(verification).orElseThrow().state());
        Pledge saved = pledge(backer);
        assertNull(saved.verificationId(), "the refund's settlement clears it");
        assertEquals(Pledge.State.SAVED, saved.state());
        assertEquals(0, balance(LedgerAccounts.buyer(backer.user().id())), "the ledger reversed exactly");
    }

    @Test
    void robokassasDeclinedCharge_whichItNeverNotifies_isFoundByAskingAfterTheOutcomeCheck() {
        Campaign campaign = launch(Campaign.Mode.ALL_OR_NOTHING, 40_000);
        Backer backer = pledgeSaved(campaign, 40_000, Provider.ROBOKASSA, card());
        market.simulator().declineCharges(backer.card(), true);
        Instant closed = campaign.deadline().plusSeconds(60);

        runAt(closed);
        String charge = CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1);
        assertTrue(market.simulator().heldNotices().stream().noneMatch(n -> n.provider() == Provider.ROBOKASSA),
                "Robokassa says nothing of a declined charge");
        assertEquals(PaymentState.PENDING, payment(charge).orElseThrow().state());
        assertEquals(closed.plus(OUTCOME_CHECK), pledge(backer).dueAt());

        runAt(closed.plus(OUTCOME_CHECK).minusSeconds(60));
        assertEquals(PaymentState.PENDING, payment(charge).orElseThrow().state(), "not asked before the outcome check");
        runAt(closed.plus(OUTCOME_CHECK));
        assertEquals(PaymentState.CANCELED, payment(charge).orElseThrow().state());
        Pledge errored = pledge(backer);
        assertEquals(Pledge.State.ERRORED, errored.state());
        assertEquals(campaign.deadline().plus(Duration.ofDays(2)), errored.dueAt());
        assertEquals(1, calls.charges(charge), "asking is not charging");
    }

    // ----- keep what you raise

    @Test
    void keepWhatYouRaise_succeedsAtItsDeadline_withWhatItCollected_chargingNobodyAgain() {
        Campaign campaign = launch(Campaign.Mode.KEEP_WHAT_YOU_RAISE, 1_000_000);
        Backer first = pledgeCollected(campaign, 30_000, Provider.YOOKASSA, card());
        Backer second = pledgeCollected(campaign, 20_000, Provider.TBANK, card());

        runAt(campaign.deadline().plusSeconds(60));
        Campaign succeeded = campaign(campaign);
        assertEquals(Campaign.Status.SUCCEEDED, succeeded.status(), "whatever it raised");
        assertNotNull(succeeded.endedAt());
        assertNull(succeeded.dueAt());
        assertEquals(50_000, totals(campaign).collected());
        for (Backer backer : List.of(first, second)) {
            assertEquals(Pledge.State.COLLECTED, pledge(backer).state());
            assertEquals(0, calls.charges(CampaignClosingJob.collectPaymentId(campaign, backer.pledge(), 1)));
        }
    }

    @Test
    void aCancelledKeepCampaign_refundsEveryCollectedPledge_theLedgerReversedExactly() {
        Campaign campaign = launch(Campaign.Mode.KEEP_WHAT_YOU_RAISE, 1_000_000);
        List<Backer> backers = List.of(pledgeCollected(campaign, 30_000, Provider.YOOKASSA, card()),
                pledgeCollected(campaign, 20_000, Provider.TBANK, card()),
                pledgeCollected(campaign, 5_000, Provider.ROBOKASSA, card()));
        long creatorBefore = balance(LedgerAccounts.creator(campaign.creatorId()));
        assertTrue(creatorBefore > 0);
        cancel(campaign);

        runAt(Instant.now().plusSeconds(60));
        runAt(Instant.now().plusSeconds(120));
        market.deliverHeldNotices();
        for (Backer backer : backers) {
            Pledge refunded = pledge(backer);
            assertEquals(Pledge.State.REFUNDED, refunded.state());
            assertEquals(PaymentState.REFUNDED, payment(refunded.paymentId()).orElseThrow().state());
            assertEquals(0, balance(LedgerAccounts.buyer(backer.user().id())), "each backer paid back exactly");
        }
        assertEquals(0, balance(LedgerAccounts.creator(campaign.creatorId())), "the creator's sales reversed exactly");
        CampaignTotals totals = totals(campaign);
        assertEquals(0, totals.collected());
        assertEquals(0, totals.pledged());
        runAt(Instant.now().plus(Duration.ofHours(3)));
        market.deliverHeldNotices();
        assertEquals(0, balance(LedgerAccounts.creator(campaign.creatorId())), "nothing reversed twice");
    }

    // ----- a pending pledge's reward hold

    @Test
    void aPendingPledgesRewardHold_endsAfterHalfAnHour_andFreesTheLimitedReward() {
        Reward poster = new Reward("poster", "A signed poster", "A1, signed", Money.rub(10_000), "2027-06", 1);
        Campaign campaign = launch(Campaign.Mode.KEEP_WHAT_YOU_RAISE, 100_000, poster);
        Backer slow = pledgePending(campaign, 20_000, Provider.YOOKASSA, "poster");
        assertEquals(1, totals(campaign).claimed("poster"));
        User other = market.signUp("fan");
        ProblemException soldOut = assertThrows(ProblemException.class,
                () -> checkout(campaign, other, 20_000, Provider.YOOKASSA, "poster"));
        assertEquals(ProblemType.REWARD_SOLD_OUT, soldOut.type());

        Instant held = pledge(slow).createdAt();
        runAt(held.plus(Duration.ofMinutes(29)));
        assertEquals(Pledge.State.PENDING, pledge(slow).state());
        runAt(held.plus(Duration.ofMinutes(30)));
        assertEquals(Pledge.State.CANCELLED, pledge(slow).state());
        assertEquals(0, totals(campaign).claimed("poster"), "the reward is free again");
        assertNotNull(checkout(campaign, other, 20_000, Provider.YOOKASSA, "poster").confirmationUrl());
    }

    // ----- campaigns and pledges, as launching, checkout and the notifications leave them

    /** A backer and their pledge as checkout and its settlement left it. */
    private record Backer(User user, Pledge pledge, SimulatedCard card) {
    }

    /** A live campaign of a new creator's, its deadline two hours ahead (its marker with it). */
    private Campaign launch(Campaign.Mode mode, long goal, Reward... rewards) {
        User creator = market.signUp("creator");
        Instant now = Instant.now();
        Instant deadline = now.plus(Duration.ofHours(2));
        Campaign campaign = new Campaign(services.get(IdGenerator.class).newId(), creator.id(), "Фильм о Неве",
                "Короткий метр", null, Money.rub(goal), deadline, mode, Campaign.Status.LIVE, List.of(rewards), deadline,
                null, now, now, null, now, 1);
        write(campaigns().saveItems(null, campaign));
        return campaign;
    }

    /** The creator's cancel, as the campaigns' function leaves it: cancelled, pledging closed, due at once. */
    private Campaign cancel(Campaign c) {
        Campaign seen = campaign(c);
        Instant now = Instant.now();
        Campaign cancelled = new Campaign(seen.campaignId(), seen.creatorId(), seen.title(), seen.description(),
                seen.cover(), seen.goal(), seen.deadline(), seen.mode(), Campaign.Status.CANCELLED, seen.rewards(), now,
                null, seen.createdAt(), seen.launchedAt(), now, now, seen.version() + 1);
        List<TransactWriteItem> items = new ArrayList<>(campaigns().saveItems(seen, cancelled));
        items.addAll(campaigns().closeItems(seen.campaignId(), now));
        write(items);
        return cancelled;
    }

    /** All or nothing: a pledge whose verification payment {@code card} paid, settled by its notification: saved. */
    private Backer pledgeSaved(Campaign campaign, long amount, Provider provider, SimulatedCard card) {
        Backer backer = pledgePaid(campaign, amount, provider, card);
        assertEquals(Pledge.State.SAVED, backer.pledge().state());
        assertNotNull(backer.pledge().savedMethod(), "the verification saved the method");
        return backer;
    }

    /** Keep what you raise: a pledge paid with {@code card}, settled by its notification: collected. */
    private Backer pledgeCollected(Campaign campaign, long amount, Provider provider, SimulatedCard card) {
        Backer backer = pledgePaid(campaign, amount, provider, card);
        assertEquals(Pledge.State.COLLECTED, backer.pledge().state());
        return backer;
    }

    private Backer pledgePaid(Campaign campaign, long amount, Provider provider, SimulatedCard card) {
        User fan = market.signUp("fan");
        PaymentView payment = checkout(campaign, fan, amount, provider, null);
        Marketplace.openPage(payment.confirmationUrl());
        String simulated = Marketplace.simulatedId(provider, payment.confirmationUrl());
        ApiDriver.Reply paid = market.deliver(market.notice(provider, simulated, Action.PAY, card));
        assertEquals(200, paid.status(), paid.body());
        return new Backer(fan, campaigns().findPledge(campaign.campaignId(), fan.id()).orElseThrow(), card);
    }

    /** A pledge checked out and never paid: pending, its reward held. */
    private Backer pledgePending(Campaign campaign, long amount, Provider provider, String rewardId) {
        User fan = market.signUp("fan");
        checkout(campaign, fan, amount, provider, rewardId);
        Pledge pending = campaigns().findPledge(campaign.campaignId(), fan.id()).orElseThrow();
        assertEquals(Pledge.State.PENDING, pending.state());
        return new Backer(fan, pending, null);
    }

    /** The checkout of a pledge, as {@code POST /v1/checkouts} of item {@code pledge} runs it. */
    private PaymentView checkout(Campaign campaign, User fan, long amount, Provider provider, String rewardId) {
        CheckoutRequest request = new CheckoutRequest(
                new CheckoutRequest.Item("pledge", campaign.campaignId(), null, amount, rewardId), provider.wire());
        return checkouts.checkout(new Caller(fan.id(), "session"), request, "k-" + TestSettings.unique("pledge"));
    }

    private static SimulatedCard card() {
        return SimulatedCard.numbered(CARDS.incrementAndGet());
    }

    // ----- running the job, and what it left

    private JobSummary<CampaignClosingJob.Outcome> runAt(Instant at) {
        clock.set(at);
        return job.run();
    }

    private List<JobSummary<CampaignClosingJob.Outcome>> runTogetherAt(Instant at) throws Exception {
        clock.set(at);
        return concurrently(2, i -> job.run());
    }

    private CampaignRepository campaigns() {
        return services.get(CampaignRepository.class);
    }

    private Campaign campaign(Campaign campaign) {
        return campaigns().find(campaign.campaignId()).orElseThrow();
    }

    private Pledge pledge(Backer backer) {
        return campaigns().findPledge(backer.pledge().campaignId(), backer.user().id()).orElseThrow();
    }

    private CampaignTotals totals(Campaign campaign) {
        return campaigns().totals(campaign.campaignId());
    }

    private Optional<Payment> payment(String paymentId) {
        return services.get(PaymentRepository.class).find(paymentId);
    }

    private long balance(String account) {
        return services.get(Ledger.class).balance(account, Money.RUB).minor();
    }

    private void write(List<TransactWriteItem> items) {
        assertTrue(services.get(TransactionWriter.class).write(items).isEmpty(), "written");
    }
}
