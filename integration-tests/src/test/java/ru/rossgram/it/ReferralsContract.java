package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.payments.crowdfunding.Campaign;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The referral program end to end through the real handlers and the simulated providers: codes and attribution at
 * sign-up, a share of the platform's fee on each sale of a referred creator paid in the settlement transaction,
 * pending then available, reversed by a refund, the fraud rules, the period and the cap, and
 * {@code GET /v1/me/referrals}.
 */
abstract class ReferralsContract extends Contract {
    private static final long PRICE = 19_900;
    private static final long CREATOR_SHARE = 15_920; // less the 20% fee of 3,980
    private static final long REWARD = 995; // a quarter of the fee
    private static final long CAP = 1_500; // one full reward, then 505 of the next
    private static final int HOLD_SECONDS = 2;

    /** A short hold, so a test sees a reward become available. */
    private final Marketplace market = new Marketplace(this::backend, Map.of("ROSSGRAM_REFERRALS_HOLD", HOLD_SECONDS + "s"));
    /** A small cap per referred account. */
    private final Marketplace capped = new Marketplace(this::backend, Map.of("ROSSGRAM_REFERRALS_CAP_PER_REFERRAL", Long.toString(CAP)));
    /** A period that ended as soon as it began. */
    private final Marketplace ended = new Marketplace(this::backend, Map.of("ROSSGRAM_REFERRALS_PERIOD", "0s"));

    protected ReferralsContract() {
        super("CheckoutFunction", Map.of());
    }

    @AfterAll
    void stop() {
        market.close();
        capped.close();
        ended.close();
    }

    @Test
    void everyAccount_hasAReadableCodeAndLink_andSeesWhomItReferred() {
        User referrer = market.signUp("referrer");
        JsonNode mine = referrals(referrer);
        String code = mine.path("code").asText();
        assertTrue(code.matches("[a-z2-9]{10}"), code);
        assertEquals("https://rossgram.ru/r/" + code, mine.path("link").asText());
        assertEquals(0, mine.path("referred").size());
        assertEquals(code, referrals(referrer).path("code").asText(), "the code is stable");

        User first = market.signUpReferredBy("friend", code.toUpperCase(java.util.Locale.ROOT));
        User second = market.signUpReferredBy("friend", code);
        JsonNode after = referrals(referrer);
        assertEquals(List.of(second.username(), first.username()), texts(after.path("referred"), "username"), "newest first");
        assertTrue(after.at("/referred/0/joinedAt").asText().startsWith("20"), after.toString());
        assertNotEquals(code, referrals(first).path("code").asText(), "the referred account has a code of its own");
        assertEquals(0, referrals(first).path("referred").size());
    }

    @Test
    void signUpWithAnUnknownReferralCode_isRefused_andCreatesNoAccount() {
        String username = TestSettings.unique("newcomer");
        String body = TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD)
                .replaceFirst("}$", ", \"referralCode\": \"nosuchcode\"}");
        Reply refused = market.api().post("/v1/accounts", body);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("https://rossgram.ru/problems/referral-code-unknown", refused.json().path("type").asText());
        Reply plain = market.api().post("/v1/accounts", TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD));
        assertEquals(201, plain.status(), "the refused sign-up left no claim on the name: " + plain.body());
    }

    @Test
    void anAccountFromBeforeTheProgram_getsOneCodeOnFirstAsking_evenAskingTenTimesAtOnce() throws Exception {
        User old = market.signUp("old");
        forgetCode(old);
        List<String> codes = Concurrency.concurrently(10, i -> referrals(old).path("code").asText());
        assertEquals(1, new TreeSet<>(codes).size(), codes.toString());
        assertEquals(codes.get(0), referrals(old).path("code").asText());
        User friend = market.signUpReferredBy("friend", codes.get(0));
        assertEquals(friend.username(), referrals(old).at("/referred/0/username").asText(), "the code made late works");
    }

    @Test
    void aReferredCreatorsSale_paysAQuarterOfTheFee_pendingThenAvailable_andARefundReversesIt() throws Exception {
        User referrer = market.signUp("referrer");
        User creator = market.signUpReferredBy("creator", code(referrer));
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        String paid = buy(market, buyer, post, Provider.TBANK, SimulatedCard.numbered(1));

        JsonNode pending = referrals(referrer);
        assertEquals(REWARD, pending.at("/rewards/pending/amount").asLong(), pending.toString());
        assertEquals(0, pending.at("/rewards/available/amount").asLong());
        JsonNode line = pending.at("/items/0");
        assertEquals("pending", line.path("state").asText());
        assertEquals(REWARD, line.at("/amount/amount").asLong());
        assertEquals(creator.username(), line.at("/referred/username").asText());
        assertEquals(post, line.path("postId").asText());
        assertEquals(CREATOR_SHARE, earnings(creator), "the creator's share is untouched: the reward comes out of the fee");

        Thread.sleep(HOLD_SECONDS * 1000L + 500);
        JsonNode available = referrals(referrer);
        assertEquals(0, available.at("/rewards/pending/amount").asLong(), available.toString());
        assertEquals(REWARD, available.at("/rewards/available/amount").asLong());
        assertEquals("available", available.at("/items/0/state").asText());

        Reply refund = market.deliver(market.notice(Provider.TBANK, paid, Action.REFUND));
        assertEquals(200, refund.status(), refund.body());
        JsonNode reversed = referrals(referrer);
        assertEquals(REWARD, reversed.at("/rewards/reversed/amount").asLong(), reversed.toString());
        assertEquals(0, reversed.at("/rewards/available/amount").asLong());
        assertEquals("reversed", reversed.at("/items/0/state").asText());
        assertEquals(0, referrerBalance(market, referrer), "the reversal takes back exactly what was credited");
        assertEquals(0, earnings(creator));
    }

    @Test
    void aReferredCreatorsCampaignIncome_paysTheReferrerAsASaleDoes_aVerificationNothing_andACancelledPledgeReversesIt()
            throws Exception {
        User referrer = market.signUp("referrer");
        User creator = market.signUpReferredBy("creator", code(referrer));
        User backer = market.signUp("backer");
        Campaign keep = liveCampaign(creator, Campaign.Mode.KEEP_WHAT_YOU_RAISE);
        Campaign allOrNothing = liveCampaign(creator, Campaign.Mode.ALL_OR_NOTHING);

        pledgePaid(backer, allOrNothing, Provider.YOOKASSA, SimulatedCard.numbered(11));
        assertEquals(0, referrals(referrer).path("items").size(), "a verification is no sale: nothing for the referrer");
        pledgePaid(backer, keep, Provider.YOOKASSA, SimulatedCard.numbered(11));
        JsonNode pending = referrals(referrer);
        assertEquals(REWARD, pending.at("/rewards/pending/amount").asLong(), pending.toString());
        assertEquals(REWARD, referrerBalance(market, referrer));
        assertEquals(CREATOR_SHARE, earnings(creator), "the creator's share is untouched: the reward comes out of the fee");

        market.simulator().holdNotices(true);
        try {
            backer.ok("DELETE", "/v1/campaigns/" + keep.campaignId() + "/pledge", null, 202);
            for (Notice notice : market.heldNotices(1)) {
                assertEquals(200, market.deliver(notice).status());
            }
        } finally {
            market.simulator().holdNotices(false);
        }
        JsonNode reversed = referrals(referrer);
        assertEquals(REWARD, reversed.at("/rewards/reversed/amount").asLong(), reversed.toString());
        assertEquals(0, referrerBalance(market, referrer), "the backer's refund takes back exactly what was credited");
        assertEquals(0, earnings(creator));
    }

    /** A live campaign of {@code creator}'s, ten days to its deadline, written as the campaigns function launches one. */
    private Campaign liveCampaign(User creator, Campaign.Mode mode) {
        Instant now = Instant.now();
        Instant deadline = now.plus(Duration.ofDays(10));
        Campaign campaign = new Campaign(market.services().get(IdGenerator.class).newId(), creator.id(), "Фильм", "О Байкале",
                null, Money.rub(10_000_000), deadline, mode, Campaign.Status.LIVE, List.of(), deadline, null, now, now, null, now, 1);
        assertTrue(market.services().get(TransactionWriter.class)
                .write(market.services().get(CampaignRepository.class).saveItems(null, campaign)).isEmpty());
        return campaign;
    }

    /** Pledges {@link #PRICE} through checkout and pays its first payment (the pledge, or the verification). */
    private void pledgePaid(User backer, Campaign campaign, Provider provider, SimulatedCard card) {
        String id = market.opened(provider, market.pledge(backer, campaign.campaignId(), PRICE, null, provider)).simulatedId();
        Reply reply = market.deliver(market.notice(provider, id, Action.PAY, card));
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void aRefundBeforeTheHoldEnds_reversesAPendingReward_andLaterRewardsStillCount() {
        User referrer = market.signUp("referrer");
        User creator = market.signUpReferredBy("creator", code(referrer));
        String first = buy(market, market.signUp("buyer"), market.paidPost(creator, PRICE), Provider.YOOKASSA, SimulatedCard.numbered(2));
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, first, Action.REFUND)).status());
        buy(market, market.signUp("buyer"), market.paidPost(creator, PRICE), Provider.CLOUDPAYMENTS, SimulatedCard.numbered(3));

        JsonNode statement = referrals(referrer);
        assertEquals(REWARD, statement.at("/rewards/pending/amount").asLong(), statement.toString());
        assertEquals(REWARD, statement.at("/rewards/reversed/amount").asLong());
        assertEquals(List.of("pending", "reversed"), texts(statement.path("items"), "state"));
        assertEquals(REWARD, referrerBalance(market, referrer));
    }

    @Test
    void theReferrerBuyingFromItsReferral_earnsNothing_andTheSaleIsListedIneligible() {
        User referrer = market.signUp("referrer");
        User creator = market.signUpReferredBy("creator", code(referrer));
        buy(market, referrer, market.paidPost(creator, PRICE), Provider.ROBOKASSA, SimulatedCard.DEFAULT);

        JsonNode statement = referrals(referrer);
        assertEquals("ineligible", statement.at("/items/0/state").asText(), statement.toString());
        assertEquals("buyer-is-referrer", statement.at("/items/0/reason").asText());
        assertEquals(0, statement.at("/items/0/amount/amount").asLong());
        assertEquals(0, statement.at("/rewards/pending/amount").asLong());
        assertEquals(0, referrerBalance(market, referrer));
        assertEquals(CREATOR_SHARE, earnings(creator));
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"YOOKASSA", "TBANK", "CLOUDPAYMENTS"})
    void aBuyerPayingWithACardTheReferrerPaidWith_earnsNothing_whileAnotherCardEarns(Provider provider) {
        SimulatedCard referrersCard = SimulatedCard.numbered(4000 + provider.ordinal());
        User referrer = market.signUp("referrer");
        User creator = market.signUpReferredBy("creator", code(referrer));
        User elsewhere = market.signUp("creator");
        buy(market, referrer, market.paidPost(elsewhere, PRICE), provider, referrersCard);

        buy(market, market.signUp("sockpuppet"), market.paidPost(creator, PRICE), provider, referrersCard);
        JsonNode statement = referrals(referrer);
        assertEquals("ineligible", statement.at("/items/0/state").asText(), statement.toString());
        assertEquals("referrer-card", statement.at("/items/0/reason").asText());

        buy(market, market.signUp("buyer"), market.paidPost(creator, PRICE), provider, SimulatedCard.numbered(5000 + provider.ordinal()));
        JsonNode after = referrals(referrer);
        assertEquals("pending", after.at("/items/0/state").asText(), after.toString());
        assertEquals(REWARD, after.at("/rewards/pending/amount").asLong());
        assertEquals(REWARD, referrerBalance(market, referrer));
    }

    @Test
    void salesAfterTheReferralPeriod_earnNothing() {
        User referrer = ended.signUp("referrer");
        User creator = ended.signUpReferredBy("creator", code(referrer));
        buy(ended, ended.signUp("buyer"), ended.paidPost(creator, PRICE), Provider.TBANK, SimulatedCard.numbered(6));

        JsonNode statement = referrals(referrer);
        assertEquals(1, statement.path("referred").size(), statement.toString());
        assertEquals(0, statement.path("items").size());
        assertEquals(0, referrerBalance(ended, referrer));
    }

    @Test
    void theCapPerReferredAccount_paysTheRestOfItOnce_thenListsSalesIneligible() {
        User referrer = capped.signUp("referrer");
        User creator = capped.signUpReferredBy("creator", code(referrer));
        for (int i = 0; i < 3; i++) {
            buy(capped, capped.signUp("buyer"), capped.paidPost(creator, PRICE), Provider.TBANK, SimulatedCard.numbered(100 + i));
        }
        JsonNode statement = referrals(referrer);
        assertEquals(List.of(0L, CAP - REWARD, REWARD), amounts(statement.path("items")), statement.toString());
        assertEquals("cap-reached", statement.at("/items/0/reason").asText());
        assertEquals(CAP, statement.at("/rewards/pending/amount").asLong());
        assertEquals(CAP, referrerBalance(capped, referrer));
    }

    @Test
    void concurrentSalesOfOneReferredCreator_neverPassTheCap() throws Exception {
        User referrer = capped.signUp("referrer");
        User creator = capped.signUpReferredBy("creator", code(referrer));
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Marketplace.Checkout checkout = capped.checkoutAndOpenPage(capped.signUp("buyer"), capped.paidPost(creator, PRICE), Provider.TBANK);
            notices.add(capped.notice(Provider.TBANK, checkout.simulatedId(), Action.PAY, SimulatedCard.numbered(200 + i)));
        }
        List<Integer> answered = Concurrency.concurrently(notices.size(), i -> deliverUntilTaken(capped, notices.get(i)));
        assertEquals(notices.size(), answered.stream().filter(s -> s == 200).count(), answered.toString());

        JsonNode statement = referrals(referrer);
        assertEquals(CAP, amounts(statement.path("items")).stream().mapToLong(Long::longValue).sum(), statement.toString());
        assertEquals(CAP, referrerBalance(capped, referrer));
        assertEquals(6, texts(statement.path("items"), "reason").stream().filter("cap-reached"::equals).count());
        assertEquals(8 * CREATOR_SHARE, earnings(creator));
    }

    /** Checks out and pays with {@code card}; answers the simulator's id of the payment. */
    private static String buy(Marketplace market, User buyer, String post, Provider provider, SimulatedCard card) {
        String id = market.checkoutAndOpenPage(buyer, post, provider).simulatedId();
        Reply reply = market.deliver(market.notice(provider, id, Action.PAY, card));
        assertEquals(200, reply.status(), reply.body());
        return id;
    }

    /** Delivers again on 503, as providers do. */
    private static int deliverUntilTaken(Marketplace market, Notice notice) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Reply reply = market.deliver(notice);
            if (reply.status() != 503) {
                return reply.status();
            }
        }
        return 503;
    }

    private static JsonNode referrals(User user) {
        Reply reply = user.send("GET", "/v1/me/referrals", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String code(User user) {
        return referrals(user).path("code").asText();
    }

    private static long earnings(User creator) {
        return creator.send("GET", "/v1/me/earnings", null).json().at("/balance/amount").asLong();
    }

    private static long referrerBalance(Marketplace market, User referrer) {
        return market.services().get(Ledger.class).balance(LedgerAccounts.referrer(referrer.id()), Money.RUB).minor();
    }

    /** Removes the account's code pointer, as accounts from before the program have none. */
    private void forgetCode(User user) {
        String table = market.services().get(RossgramConfig.class).table();
        market.services().get(DynamoDbClient.class).deleteItem(r -> r.tableName(table)
                .key(Attrs.key(AccountRepository.userPk(user.id()), "REFERRALCODE")));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    private static List<Long> amounts(JsonNode items) {
        List<Long> amounts = new ArrayList<>();
        items.forEach(node -> amounts.add(node.at("/amount/amount").asLong()));
        return amounts;
    }
}
