package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
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
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.crowdfunding.Campaign;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import ru.rossgram.shared.payments.crowdfunding.CampaignTotals;
import ru.rossgram.shared.payments.crowdfunding.Pledge;
import ru.rossgram.shared.payments.crowdfunding.Reward;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pledges end to end through the real checkout, payment-webhook and pledges handlers and the payment simulator:
 * pledging through checkout (the pending pledge stored with its payment), the settlement of every pledge payment
 * exactly once with the campaign's totals, the reward's claims and the ledger, the backer's cancel in both modes,
 * paying an errored pledge, the lists, and the problems. Campaigns are written through {@link CampaignRepository} as the
 * campaigns function leaves them; errored pledges as the closing job leaves them.
 */
abstract class PledgesContract extends Contract {
    private static final long PLEDGE = 50_000; // 500 roubles
    private static final long CREATOR_SHARE = 40_000; // less the 20% fee
    private static final long VERIFICATION = 100;

    private final Marketplace market = new Marketplace(this::backend);

    protected PledgesContract() {
        super("CheckoutFunction", Map.of());
    }

    @AfterAll
    void stop() {
        market.close();
    }

    private <T> T bean(Class<T> type) {
        return market.services().get(type);
    }

    private CampaignRepository campaigns() {
        return bean(CampaignRepository.class);
    }

    /** A live campaign of {@code creator}'s, its deadline 10 days ahead, with a reward "r1" (minimum 30,000) of {@code limit}. */
    private Campaign live(User creator, Campaign.Mode mode, Integer limit) {
        Instant now = Instant.now();
        return saved(new Campaign(bean(IdGenerator.class).newId(), creator.id(), "Фильм о Байкале", "Снимаем зимой", null,
                Money.rub(10_000_000), now.plus(Duration.ofDays(10)), mode, Campaign.Status.LIVE,
                List.of(new Reward("r1", "Постер", "A2, подписанный", Money.rub(30_000), "2027-06", limit)),
                now.plus(Duration.ofDays(10)), null, now, now, null, now, 1));
    }

    private Campaign saved(Campaign campaign) {
        assertTrue(bean(TransactionWriter.class).write(campaigns().saveItems(null, campaign)).isEmpty());
        return campaign;
    }

    /** {@code POST /v1/checkouts} of a pledge, as the app sends it ({@code amount} and {@code rewardId} left out when null). */
    private static Reply pledge(User backer, String campaignId, Long amount, String rewardId, Provider provider, String key) {
        String item = "{\"type\": \"pledge\", \"id\": \"" + campaignId + "\""
                + (amount == null ? "" : ", \"amount\": " + amount)
                + (rewardId == null ? "" : ", \"rewardId\": \"" + rewardId + "\"") + "}";
        return backer.send("POST", "/v1/checkouts", "{\"item\": " + item + ", \"provider\": \"" + provider.wire() + "\"}",
                key == null ? Map.of() : Map.of("idempotency-key", key));
    }

    /** Pledges {@link #PLEDGE} with reward r1, the backer then opening the payment page. */
    private Marketplace.Checkout pledged(User backer, Campaign campaign, Provider provider) {
        return market.opened(provider, pledge(backer, campaign.campaignId(), PLEDGE, "r1", provider,
                "k-" + TestSettings.unique("pledge")));
    }

    private Marketplace.Checkout paid(User backer, Campaign campaign, Provider provider) {
        Marketplace.Checkout checkout = pledged(backer, campaign, provider);
        assertEquals(200, market.deliver(market.notice(provider, checkout.simulatedId(), Action.PAY)).status());
        return checkout;
    }

    private Pledge stored(Campaign campaign, User backer) {
        return campaigns().findPledge(campaign.campaignId(), backer.id()).orElseThrow();
    }

    private long balance(String account) {
        return bean(Ledger.class).balance(account, Money.RUB).minor();
    }

    private long earnings(User creator) {
        return creator.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong();
    }

    private static String verificationsOf(String paymentId) {
        return LedgerAccounts.verifications(Math.floorMod(paymentId.hashCode(), LedgerAccounts.VERIFICATION_SHARDS));
    }

    /** Double entry: every balance of the ledger together is zero, whatever the tests moved. */
    private void assertLedgerSumsToZero() {
        DynamoDbClient dynamo = bean(DynamoDbClient.class);
        String table = bean(RossgramConfig.class).table();
        long total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.scan(r -> r.tableName(table).filterExpression("#type = :balance")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":balance", AttributeValue.fromS("ledger-balance")))
                    .exclusiveStartKey(from).consistentRead(true));
            for (var item : page.items()) {
                total += Long.parseLong(item.get("balance").n());
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(0, total, "the ledger's balances sum to zero");
    }

    private List<Notice> heldNotices(int count) throws InterruptedException {
        List<Notice> held = new ArrayList<>();
        for (int i = 0; i < 100 && held.size() < count; i++) {
            held.addAll(market.simulator().heldNotices());
            if (held.size() < count) {
                Thread.sleep(50);
            }
        }
        assertFalse(held.isEmpty(), "the simulator sent no notice");
        return held;
    }

    // ----- keep what you raise

    @Test
    void aKeepWhatYouRaisePledge_settlesExactlyOnce_countsAtOnce_andIsTheCreatorsAsAPledgeLine() throws Exception {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 5);
        Marketplace.Checkout checkout = pledged(backer, campaign, Provider.TBANK);

        Pledge pending = stored(campaign, backer);
        assertEquals(Pledge.State.PENDING, pending.state());
        assertEquals(checkout.paymentId(), pending.paymentId());
        assertEquals(1, campaigns().totals(campaign.campaignId()).claimed("r1"), "the reward is held while the backer pays");
        assertEquals(0, campaigns().totals(campaign.campaignId()).pledged(), "a pending pledge counts nothing");
        Payment payment = bean(PaymentRepository.class).find(checkout.paymentId()).orElseThrow();
        assertEquals(Money.rub(PLEDGE), payment.amount());
        assertEquals(PledgeCharge.Reason.PLEDGE, payment.pledge().reason());

        Notice success = market.notice(Provider.TBANK, checkout.simulatedId(), Action.PAY);
        concurrently(8, i -> market.deliver(success)).forEach(answer -> assertEquals("OK", answer.body()));
        assertEquals("OK", market.deliver(success).body(), "delivered again later");

        Pledge collected = stored(campaign, backer);
        assertEquals(Pledge.State.COLLECTED, collected.state());
        assertNull(collected.dueAt());
        CampaignTotals totals = campaigns().totals(campaign.campaignId());
        assertEquals(new CampaignTotals(PLEDGE, PLEDGE, 0, 1, Map.of("r1", 1L)), totals);
        JsonNode earnings = creator.ok("GET", "/v1/me/earnings", null, 200).json();
        assertEquals(CREATOR_SHARE, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(1, earnings.path("items").size());
        assertEquals("pledge", earnings.at("/items/0/kind").asText());
        assertEquals(-PLEDGE, balance(LedgerAccounts.buyer(backer.id())));
        assertLedgerSumsToZero();
    }

    @Test
    void aDeclineDeliveredBeforeTheLaterSuccess_cancelsThePledge_thenCollectsItWithoutItsReward() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 1);
        Marketplace.Checkout checkout = pledged(backer, campaign, Provider.YOOKASSA);
        Notice declined = market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.CANCEL);
        Notice paidLater = market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.PAY);

        assertEquals(200, market.deliver(declined).status());
        assertEquals(Pledge.State.CANCELLED, stored(campaign, backer).state());
        assertEquals(0, campaigns().totals(campaign.campaignId()).claimed("r1"), "a declined pledge frees its reward");
        assertEquals(200, market.deliver(paidLater).status());
        assertEquals(200, market.deliver(declined).status(), "the decline again, after the success: stale");

        Pledge collected = stored(campaign, backer);
        assertEquals(Pledge.State.COLLECTED, collected.state(), "real money counts");
        assertNull(collected.rewardId(), "the reward it gave up is not taken again inside a settlement");
        assertEquals(new CampaignTotals(PLEDGE, PLEDGE, 0, 1, Map.of("r1", 0L)), campaigns().totals(campaign.campaignId()));
        assertEquals(CREATOR_SHARE, earnings(creator));
        assertLedgerSumsToZero();
    }

    @Test
    void aDeclinedPledge_cancelsIt_andFreesTheRewardForAnotherBacker() {
        User creator = market.signUp("creator");
        User first = market.signUp("first");
        User second = market.signUp("second");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 1);
        Marketplace.Checkout checkout = pledged(first, campaign, Provider.CLOUDPAYMENTS);

        Reply soldOut = pledge(second, campaign.campaignId(), PLEDGE, "r1", Provider.CLOUDPAYMENTS, null);
        assertEquals(409, soldOut.status(), soldOut.body());
        assertTrue(soldOut.body().contains("reward-sold-out"), soldOut.body());
        assertTrue(campaigns().findPledge(campaign.campaignId(), second.id()).isEmpty(), "no pledge without its claim");

        assertEquals(200, market.deliver(market.notice(Provider.CLOUDPAYMENTS, checkout.simulatedId(), Action.CANCEL)).status());
        assertEquals(Pledge.State.CANCELLED, stored(campaign, first).state());
        assertEquals(0, campaigns().totals(campaign.campaignId()).claimed("r1"));
        assertEquals(201, pledge(second, campaign.campaignId(), PLEDGE, "r1", Provider.CLOUDPAYMENTS, null).status());
        assertEquals(1, campaigns().totals(campaign.campaignId()).claimed("r1"));
        assertEquals(0, earnings(creator));
    }

    @Test
    void thirtyBackersAtOnce_forARewardLimitedToFive_claimExactlyFive() throws Exception {
        User creator = market.signUp("creator");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 5);
        List<User> backers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            backers.add(market.signUp("backer" + i));
        }
        List<Reply> answers = concurrently(30, i -> pledge(backers.get(i), campaign.campaignId(), PLEDGE, "r1",
                Provider.YOOKASSA, "k-" + TestSettings.unique("rush")));

        assertEquals(5, answers.stream().filter(a -> a.status() == 201).count(), answers.toString());
        assertEquals(25, answers.stream().filter(a -> a.status() == 409 && a.body().contains("reward-sold-out")).count(),
                answers.toString());
        assertEquals(5, campaigns().totals(campaign.campaignId()).claimed("r1"));
        assertEquals(5, backers.stream().filter(b -> campaigns().findPledge(campaign.campaignId(), b.id()).isPresent()).count());
    }

    @Test
    void aRetriedCheckout_answersTheSamePayment_neverASecondPledge() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, null);
        String key = "k-" + TestSettings.unique("retry");
        Reply first = pledge(backer, campaign.campaignId(), PLEDGE, null, Provider.YOOKASSA, key);
        Reply again = pledge(backer, campaign.campaignId(), PLEDGE, null, Provider.YOOKASSA, key);

        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().path("paymentId").asText(), again.json().path("paymentId").asText());
        assertEquals(first.json().path("paymentId").asText(), stored(campaign, backer).paymentId());
        Reply another = pledge(backer, campaign.campaignId(), PLEDGE, null, Provider.YOOKASSA, null);
        assertEquals(409, another.status(), another.body());
        assertTrue(another.body().contains("already-pledged"), another.body());
    }

    // ----- all or nothing

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anAllOrNothingPledge_paysOnlyTheVerification_whichSavesTheMethod_andCountsAsPledged(Provider provider) {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.ALL_OR_NOTHING, null);
        Marketplace.Checkout checkout = pledged(backer, campaign, provider);
        Payment verification = bean(PaymentRepository.class).find(checkout.paymentId()).orElseThrow();
        assertEquals(Money.rub(VERIFICATION), verification.amount());
        assertEquals(Money.rub(0), verification.platformFee());
        assertEquals(PledgeCharge.Reason.VERIFY, verification.pledge().reason());

        assertEquals(200, market.deliver(market.notice(provider, checkout.simulatedId(), Action.PAY)).status());

        Pledge saved = stored(campaign, backer);
        assertEquals(Pledge.State.SAVED, saved.state());
        assertNotNull(saved.savedMethod(), provider + " saved the method for the deadline's charge");
        assertEquals(checkout.paymentId(), saved.verificationId());
        assertNotNull(saved.dueAt(), "due for the verification's refund");
        assertEquals(Money.rub(PLEDGE), saved.amount());
        assertEquals(new CampaignTotals(PLEDGE, 0, 0, 1, Map.of("r1", 1L)), campaigns().totals(campaign.campaignId()));
        assertEquals(-VERIFICATION, balance(LedgerAccounts.buyer(backer.id())));
        assertEquals(0, earnings(creator), "the verification is not the creator's");
        assertTrue(balance(verificationsOf(checkout.paymentId())) >= VERIFICATION);
        assertLedgerSumsToZero();
    }

    @Test
    void aRefundedVerification_returnsTheBackersMoney_andLeavesThePledgeSaved() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.ALL_OR_NOTHING, null);
        Marketplace.Checkout checkout = pledged(backer, campaign, Provider.YOOKASSA);
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.PAY)).status());
        long held = balance(verificationsOf(checkout.paymentId()));

        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.REFUND)).status());

        Pledge saved = stored(campaign, backer);
        assertEquals(Pledge.State.SAVED, saved.state());
        assertNull(saved.verificationId());
        assertNotNull(saved.savedMethod());
        assertEquals(0, balance(LedgerAccounts.buyer(backer.id())));
        assertEquals(held - VERIFICATION, balance(verificationsOf(checkout.paymentId())));
        assertEquals(PLEDGE, campaigns().totals(campaign.campaignId()).pledged());
        assertLedgerSumsToZero();
    }

    @Test
    void anErroredPledge_isPaidThroughCheckoutWithinItsFixWindow_andCollected() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Instant now = Instant.now();
        Campaign campaign = saved(new Campaign(bean(IdGenerator.class).newId(), creator.id(), "Альбом", "Винил", null,
                Money.rub(100_000), now.minus(Duration.ofDays(1)), Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.SUCCEEDED,
                List.of(new Reward("r1", "Пластинка", "LP", Money.rub(30_000), "2027-06", null)), null, null,
                now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)), now, 2));
        Pledge errored = new Pledge(campaign.campaignId(), backer.id(), bean(IdGenerator.class).newId(), Money.rub(PLEDGE), "r1",
                PaymentProvider.YOOKASSA, Pledge.State.ERRORED, null, "pm-1", null, 1, now.plus(Duration.ofDays(6)),
                now.plus(Duration.ofDays(1)), now.minus(Duration.ofDays(15)), now, 1);
        assertTrue(bean(TransactionWriter.class).write(campaigns().pledgeItems(campaign, null, errored)).isEmpty());

        Reply otherAmount = pledge(backer, campaign.campaignId(), PLEDGE + 1, null, Provider.YOOKASSA, null);
        assertEquals(400, otherAmount.status(), otherAmount.body());
        JsonNode mine = backer.ok("GET", "/v1/me/pledges", null, 200).json();
        assertEquals("errored", mine.at("/items/0/state").asText());
        assertEquals(errored.fixBy(), Instant.parse(mine.at("/items/0/fixBy").asText()));

        Marketplace.Checkout fix = market.opened(Provider.YOOKASSA,
                pledge(backer, campaign.campaignId(), null, null, Provider.YOOKASSA, "k-" + TestSettings.unique("fix")));
        Payment payment = bean(PaymentRepository.class).find(fix.paymentId()).orElseThrow();
        assertEquals(PledgeCharge.Reason.FIX, payment.pledge().reason());
        assertEquals(Money.rub(PLEDGE), payment.amount());
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, fix.simulatedId(), Action.PAY)).status());

        Pledge collected = stored(campaign, backer);
        assertEquals(Pledge.State.COLLECTED, collected.state());
        assertNull(collected.dueAt());
        assertEquals(PLEDGE, campaigns().totals(campaign.campaignId()).collected());
        assertEquals(CREATOR_SHARE, earnings(creator));
        assertLedgerSumsToZero();
    }

    // ----- the backer's cancel

    @ParameterizedTest
    @EnumSource(Provider.class)
    void cancellingAPaidKeepWhatYouRaisePledge_refundsIt_andReversesTheLedgerExactly(Provider provider) throws Exception {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 5);
        paid(backer, campaign, provider);
        assertEquals(CREATOR_SHARE, earnings(creator));

        market.simulator().holdNotices(true);
        try {
            JsonNode answer = backer.ok("DELETE", "/v1/campaigns/" + campaign.campaignId() + "/pledge", null, 202).json();
            if (provider == Provider.ROBOKASSA) { // it notifies no refund: the refund's answer was settled at once
                assertEquals("refunded", answer.path("state").asText(), answer.toString());
            } else {
                assertEquals("collected", answer.path("state").asText(), "until the refund's notification");
                for (Notice notice : heldNotices(1)) {
                    assertEquals(200, market.deliver(notice).status());
                    assertEquals(200, market.deliver(notice).status(), "delivered twice");
                }
            }
        } finally {
            market.simulator().holdNotices(false);
        }
        assertEquals(Pledge.State.REFUNDED, stored(campaign, backer).state());
        assertEquals(new CampaignTotals(0, 0, 0, 0, Map.of("r1", 0L)), campaigns().totals(campaign.campaignId()));
        assertEquals(0, earnings(creator));
        assertEquals(0, balance(LedgerAccounts.buyer(backer.id())));
        assertLedgerSumsToZero();
        assertEquals(201, pledge(backer, campaign.campaignId(), PLEDGE, "r1", provider, null).status(), "and may pledge again");
    }

    @Test
    void cancellingASavedAllOrNothingPledge_releasesItsRewardAndMethod_refundsTheVerification_andTheBackerMayPledgeAgain()
            throws Exception {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.ALL_OR_NOTHING, 1);
        Marketplace.Checkout checkout = paid(backer, campaign, Provider.TBANK);
        String firstPledge = stored(campaign, backer).pledgeId();

        market.simulator().holdNotices(true);
        try {
            JsonNode answer = backer.ok("DELETE", "/v1/campaigns/" + campaign.campaignId() + "/pledge", null, 202).json();
            assertEquals("cancelled", answer.path("state").asText());
            Pledge cancelled = stored(campaign, backer);
            assertNull(cancelled.savedMethod(), "the method is forgotten");
            assertEquals(checkout.paymentId(), cancelled.verificationId(), "the verification's refund is asked, not settled");
            assertEquals(new CampaignTotals(0, 0, 0, 0, Map.of("r1", 0L)), campaigns().totals(campaign.campaignId()));
            Reply tooSoon = pledge(backer, campaign.campaignId(), PLEDGE, "r1", Provider.TBANK, null);
            assertEquals(409, tooSoon.status(), "the old pledge's payment is still to be returned: " + tooSoon.body());

            for (Notice notice : heldNotices(1)) {
                assertEquals(200, market.deliver(notice).status());
            }
        } finally {
            market.simulator().holdNotices(false);
        }
        Pledge refunded = stored(campaign, backer);
        assertNull(refunded.verificationId());
        assertEquals(0, balance(LedgerAccounts.buyer(backer.id())), "the verification came back");
        backer.ok("DELETE", "/v1/campaigns/" + campaign.campaignId() + "/pledge", null, 202);
        assertEquals(refunded.version(), stored(campaign, backer).version(), "cancelling again changes nothing");

        assertEquals(201, pledge(backer, campaign.campaignId(), PLEDGE, "r1", Provider.TBANK, null).status());
        Pledge again = stored(campaign, backer);
        assertNotEquals(firstPledge, again.pledgeId(), "a new pledge");
        assertEquals(Pledge.State.PENDING, again.state());
        assertEquals(1, campaigns().totals(campaign.campaignId()).claimed("r1"));
        assertLedgerSumsToZero();
    }

    @Test
    void aPendingPledgeCancelled_whosePaymentSucceedsAfterwards_staysCancelled_andItsPaymentIsDueForRefund() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, 1);
        Marketplace.Checkout checkout = pledged(backer, campaign, Provider.YOOKASSA);

        backer.ok("DELETE", "/v1/campaigns/" + campaign.campaignId() + "/pledge", null, 202);
        assertEquals(0, campaigns().totals(campaign.campaignId()).claimed("r1"));
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, checkout.simulatedId(), Action.PAY)).status());

        Pledge cancelled = stored(campaign, backer);
        assertEquals(Pledge.State.CANCELLED, cancelled.state(), "the backer gave it up");
        assertEquals(checkout.paymentId(), cancelled.verificationId(), "the payment to return");
        List<CampaignRepository.Due> due = new ArrayList<>();
        for (int shard = 0; shard < CampaignRepository.DUE_SHARDS; shard++) {
            due.addAll(campaigns().dueBy(shard, Instant.now(), 1000));
        }
        assertTrue(due.stream().anyMatch(d -> campaign.campaignId().equals(d.campaignId()) && backer.id().equals(d.backerId())),
                "due for the closing job's refund");
        assertEquals(new CampaignTotals(0, 0, 0, 0, Map.of("r1", 0L)), campaigns().totals(campaign.campaignId()));
        assertLedgerSumsToZero();
    }

    // ----- lists

    @Test
    void theBackersPledges_newestFirst_andTheCreatorsBackers_withUsernames() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        User other = market.signUp("other");
        Campaign older = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, null);
        Campaign newer = live(creator, Campaign.Mode.ALL_OR_NOTHING, null);
        paid(backer, older, Provider.YOOKASSA);
        paid(backer, newer, Provider.YOOKASSA);
        paid(other, newer, Provider.YOOKASSA);

        JsonNode first = backer.ok("GET", "/v1/me/pledges?limit=1", null, 200).json();
        assertEquals(newer.campaignId(), first.at("/items/0/campaign/id").asText());
        assertEquals("Фильм о Байкале", first.at("/items/0/campaign/title").asText());
        assertEquals("live", first.at("/items/0/campaign/status").asText());
        assertEquals("saved", first.at("/items/0/state").asText());
        assertEquals(PLEDGE, first.at("/items/0/amount/amount").asLong());
        assertEquals("Постер", first.at("/items/0/reward/title").asText());
        JsonNode second = backer.ok("GET", "/v1/me/pledges?limit=1&cursor=" + first.path("nextCursor").asText(), null, 200).json();
        assertEquals(older.campaignId(), second.at("/items/0/campaign/id").asText());
        assertEquals("collected", second.at("/items/0/state").asText());

        JsonNode backers = creator.ok("GET", "/v1/campaigns/" + newer.campaignId() + "/pledges", null, 200).json();
        assertEquals(2, backers.path("items").size(), backers.toString());
        List<String> names = new ArrayList<>();
        backers.path("items").forEach(b -> names.add(b.path("username").asText()));
        assertTrue(names.containsAll(List.of(backer.username(), other.username())), names.toString());
        assertTrue(backers.path("nextCursor").isMissingNode(), backers.toString());
        JsonNode paged = creator.ok("GET", "/v1/campaigns/" + newer.campaignId() + "/pledges?limit=1", null, 200).json();
        JsonNode rest = creator.ok("GET", "/v1/campaigns/" + newer.campaignId() + "/pledges?limit=1&cursor="
                + paged.path("nextCursor").asText(), null, 200).json();
        assertNotEquals(paged.at("/items/0/userId").asText(), rest.at("/items/0/userId").asText());

        assertEquals(404, backer.send("GET", "/v1/campaigns/" + newer.campaignId() + "/pledges", null).status(),
                "only the creator sees the backers");
    }

    // ----- problems

    @Test
    void pledgesThatCannotBe_areAnsweredAsProblems() {
        User creator = market.signUp("creator");
        User backer = market.signUp("backer");
        Campaign campaign = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, null);
        String id = campaign.campaignId();

        assertProblem(pledge(creator, id, PLEDGE, null, Provider.YOOKASSA, null), 422, "not-for-sale");
        assertProblem(pledge(backer, id, null, null, Provider.YOOKASSA, null), 400, "invalid-request");
        assertProblem(pledge(backer, id, 99L, null, Provider.YOOKASSA, null), 400, "invalid-request");
        assertProblem(pledge(backer, id, 100_000_001L, null, Provider.YOOKASSA, null), 400, "invalid-request");
        assertProblem(pledge(backer, id, 29_999L, "r1", Provider.YOOKASSA, null), 400, "invalid-request");
        assertProblem(pledge(backer, id, PLEDGE, "no-such-reward", Provider.YOOKASSA, null), 400, "invalid-request");
        assertProblem(pledge(backer, bean(IdGenerator.class).newId(), PLEDGE, null, Provider.YOOKASSA, null), 404, "not-found");
        assertProblem(backer.send("DELETE", "/v1/campaigns/" + id + "/pledge", null), 404, "not-found");

        Instant now = Instant.now();
        Campaign draft = saved(new Campaign(bean(IdGenerator.class).newId(), creator.id(), "Черновик", "", null,
                Money.rub(100_000), now.plus(Duration.ofDays(5)), Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.DRAFT,
                List.of(), null, null, now, null, null, now, 1));
        assertProblem(pledge(backer, draft.campaignId(), PLEDGE, null, Provider.YOOKASSA, null), 404, "not-found");
        Campaign ended = saved(new Campaign(bean(IdGenerator.class).newId(), creator.id(), "Прошло", "", null,
                Money.rub(100_000), now.minus(Duration.ofMinutes(1)), Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.LIVE,
                List.of(), null, null, now, now, null, now, 1));
        assertProblem(pledge(backer, ended.campaignId(), PLEDGE, null, Provider.YOOKASSA, null), 409, "campaign-closed");

        Campaign closing = live(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE, null);
        assertTrue(bean(TransactionWriter.class).write(campaigns().closeItems(closing.campaignId(), now)).isEmpty());
        assertProblem(pledge(backer, closing.campaignId(), PLEDGE, null, Provider.YOOKASSA, null), 409, "campaign-closed");
        assertTrue(campaigns().findPledge(closing.campaignId(), backer.id()).isEmpty(), "nothing stored past the close");
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.body().contains("/problems/" + type), reply.body());
    }
}
