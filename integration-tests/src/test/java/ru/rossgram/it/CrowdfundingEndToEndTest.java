package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;
import ru.rossgram.paymentsim.SimulatedPayment;
import ru.rossgram.shared.money.Money;

/**
 * Crowdfunding as phones, the providers and the closing schedule meet it, through the local runner over real HTTP
 * (docs/crowdfunding.md): a keep-what-you-raise campaign funded by three backers, each pledge paid and the
 * creator's at once; an all-or-nothing campaign that meets its goal and is charged at the deadline through the
 * backers' saved cards (for each provider), a declined charge collected by the retry after its backer topped up
 * the card, another paid by its backer through checkout, one still declined past its fix window and dropped; one that misses its goal, where nobody is charged;
 * a limited reward many backers claim at once, never oversold, and freed again when a claim is not paid; cancelled
 * campaigns, the collected pledges refunded and the saved ones never charged. The runner's clock is moved past the
 * deadlines and the closing job fired on demand, as the renewal job is for subscriptions; the campaign's numbers
 * are asserted honestly at each step: pledged, collected and dropped apart.
 */
class CrowdfundingEndToEndTest {
    private static final String CLOSE = "CloseCampaignsFunction";
    /** ROSSGRAM_CROWDFUNDING_VERIFICATION's default: what an all-or-nothing pledge pays at once. */
    private static final long VERIFICATION = 100;
    private static final AtomicInteger CARDS = new AtomicInteger(8_100);

    /** Access tokens outlive the clock's jumps here (a week past a deadline), so nobody signs in again. */
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of("ROSSGRAM_ACCESS_TOKEN_TTL", "60d")).withPayments();

    @Test
    void aKeepWhatYouRaiseCampaignFundedByThreeBackers_isTheCreatorsAsEachPledgeSettles() throws Exception {
        User masha = RUNNER.signUp("masha");
        String campaign = launched(masha, "keep_what_you_raise", 100_000, Duration.ofDays(3),
                reward("Открытка из Петербурга", 50_000, null));
        String postcard = rewardId(masha, campaign, 0);

        long[] pledges = {30_000, 50_000, 40_000};
        List<User> backers = new ArrayList<>();
        for (int i = 0; i < pledges.length; i++) {
            User backer = RUNNER.signUp("backer");
            JsonNode payment = pledge(backer, campaign, pledges[i], i == 1 ? postcard : null, Provider.TBANK).json();
            assertEquals(pledges[i], payment.at("/amount/amount").asLong(), "the whole pledge, paid at once");
            RUNNER.pay(Provider.TBANK, payment, card());
            backers.add(backer);
            long sum = Arrays.stream(pledges, 0, i + 1).sum();
            assertNumbers(campaignOf(backer, campaign), sum, sum, 0, i + 1);
        }
        awaitPledge(backers.get(1), campaign, "collected");
        assertEquals(postcard, pledgeOf(backers.get(1), campaign).at("/reward/id").asText());
        long earned = share(30_000) + share(50_000) + share(40_000);
        assertEquals(earned, balance(masha), "each pledge the creator's as it settled");

        // The deadline passes: a keep-what-you-raise campaign succeeds whatever it raised; nothing more moves.
        closeAt(deadline(masha, campaign).plus(Duration.ofMinutes(1)));
        JsonNode closed = campaignOf(masha, campaign);
        assertEquals("succeeded", closed.path("status").asText());
        assertNumbers(closed, 120_000, 120_000, 0, 3);
        assertEquals(earned, balance(masha));
        assertEquals(3, masha.ok("GET", "/v1/me/earnings", null, 200).json().path("items").findValuesAsText("kind")
                .stream().filter("pledge"::equals).count(), "one pledge line per backer");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void anAllOrNothingCampaignThatMeetsItsGoal_isChargedAtTheDeadline_declinesFixedInTheirWindow_anotherDropped(
            Provider provider) throws Exception {
        User masha = RUNNER.signUp("masha");
        String campaign = launched(masha, "all_or_nothing", 100_000, Duration.ofDays(3));
        User anya = RUNNER.signUp("anya");
        User boris = RUNNER.signUp("boris");
        User gleb = RUNNER.signUp("gleb");
        User vera = RUNNER.signUp("vera");
        SimulatedCard anyasCard = card();
        SimulatedCard borisCard = card();
        SimulatedCard glebsCard = card();
        SimulatedCard verasCard = card();
        saved(anya, campaign, 60_000, provider, anyasCard);
        saved(boris, campaign, 30_000, provider, borisCard);
        saved(gleb, campaign, 10_000, provider, glebsCard);
        saved(vera, campaign, 20_000, provider, verasCard);
        assertNumbers(campaignOf(anya, campaign), 120_000, 0, 0, 4);
        assertEquals(0, balance(masha), "nobody is charged before the deadline");

        // The deadline: the goal is met, every saved card charged; Boris's, Gleb's and Vera's are declined.
        for (SimulatedCard declining : List.of(borisCard, glebsCard, verasCard)) {
            RUNNER.simulator().declineCharges(declining, true);
        }
        Instant deadline = deadline(masha, campaign);
        closeAt(deadline.plus(Duration.ofMinutes(1)));
        assertEquals("succeeded", campaignOf(masha, campaign).path("status").asText());
        awaitPledge(anya, campaign, "collected");
        JsonNode errored = awaitPledge(boris, campaign, "errored");
        assertEquals(deadline.plus(Duration.ofDays(7)), Instant.parse(errored.path("fixBy").asText()));
        awaitPledge(gleb, campaign, "errored");
        awaitPledge(vera, campaign, "errored");
        assertNumbers(campaignOf(masha, campaign), 120_000, 60_000, 0, 4);

        // Gleb pays his errored pledge through checkout with another card: the pledge's amount, collected at once.
        JsonNode fix = pledge(gleb, campaign, 10_000, null, provider).json();
        assertEquals(10_000, fix.at("/amount/amount").asLong());
        RUNNER.pay(provider, fix, card());
        awaitPledge(gleb, campaign, "collected");

        // Boris tops up his card; the retry two days after the deadline collects it. Vera's stays declined.
        RUNNER.simulator().declineCharges(borisCard, false);
        closeAt(deadline.plus(Duration.ofDays(2)));
        awaitPledge(boris, campaign, "collected");
        assertEquals("errored", pledgeOf(vera, campaign).path("state").asText());
        assertNumbers(campaignOf(masha, campaign), 120_000, 100_000, 0, 4);
        closeAt(deadline.plus(Duration.ofDays(4)));
        closeAt(deadline.plus(Duration.ofDays(6)));

        // Past the fix window Vera's pledge is dropped: out of what was pledged, shown apart.
        closeAt(deadline.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        awaitPledge(vera, campaign, "dropped");
        assertNumbers(campaignOf(masha, campaign), 100_000, 100_000, 20_000, 3);
        assertEquals(share(60_000) + share(30_000) + share(10_000), balance(masha),
                "each collected pledge once; the dropped one nothing");
        assertEquals(1, charged(provider, anyasCard, 60_000), "Anya's card charged once");
        assertEquals(1, charged(provider, borisCard, 30_000), "Boris's card charged once, by the retry");
        assertEquals(0, charged(provider, glebsCard, 10_000), "Gleb paid through checkout, his saved card never charged");
        assertEquals(0, charged(provider, verasCard, 20_000), "Vera's card never charged");
    }

    @Test
    void anAllOrNothingCampaignThatMissesItsGoal_chargesNobody() throws Exception {
        User masha = RUNNER.signUp("masha");
        String campaign = launched(masha, "all_or_nothing", 100_000, Duration.ofDays(2));
        User anya = RUNNER.signUp("anya");
        User boris = RUNNER.signUp("boris");
        SimulatedCard anyasCard = card();
        SimulatedCard borisCard = card();
        saved(anya, campaign, 30_000, Provider.CLOUDPAYMENTS, anyasCard);
        saved(boris, campaign, 20_000, Provider.CLOUDPAYMENTS, borisCard);

        closeAt(deadline(masha, campaign).plus(Duration.ofMinutes(1)));
        closeAt(deadline(masha, campaign).plus(Duration.ofDays(8)));
        JsonNode failed = campaignOf(anya, campaign);
        assertEquals("failed", failed.path("status").asText());
        assertNumbers(failed, 50_000, 0, 0, 2);
        awaitPledge(anya, campaign, "released");
        awaitPledge(boris, campaign, "released");
        assertEquals(0, charged(Provider.CLOUDPAYMENTS, anyasCard, 30_000));
        assertEquals(0, charged(Provider.CLOUDPAYMENTS, borisCard, 20_000));
        assertEquals(0, balance(masha), "nothing of a failed campaign is the creator's");
    }

    @Test
    void aLimitedRewardClaimedByManyAtOnce_isNeverOversold_andAnUnpaidClaimFreesItAfterItsHold() throws Exception {
        User masha = RUNNER.signUp("masha");
        String campaign = launched(masha, "keep_what_you_raise", 50_000, Duration.ofDays(10),
                reward("Печать с автографом", 10_000, 3));
        String print = rewardId(masha, campaign, 0);
        List<User> backers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            backers.add(RUNNER.signUp("fan"));
        }

        List<Reply> replies = Concurrency.concurrently(backers.size(),
                i -> pledge(backers.get(i), campaign, 10_000, print, Provider.YOOKASSA));
        List<Integer> claimed = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            Reply reply = replies.get(i);
            if (reply.status() == 201) {
                claimed.add(i);
            } else {
                assertRefused(reply, 409, "reward-sold-out");
            }
        }
        assertEquals(3, claimed.size(), "as many as the limit, whatever the concurrency: " + replies);
        assertEquals(0, rewardLeft(masha, campaign, print));

        // Two pay; the third never does, and its hold ends 30 minutes later.
        RUNNER.pay(Provider.YOOKASSA, replies.get(claimed.get(0)).json(), card());
        RUNNER.pay(Provider.YOOKASSA, replies.get(claimed.get(1)).json(), card());
        closeAt(RUNNER.advanceClock(Duration.ZERO).plus(Duration.ofMinutes(31)));
        awaitPledge(backers.get(claimed.get(2)), campaign, "cancelled");
        assertEquals(1, rewardLeft(masha, campaign, print));
        assertNumbers(campaignOf(masha, campaign), 20_000, 20_000, 0, 2);

        User late = backers.get(IntStream.range(0, backers.size())
                .filter(i -> !claimed.contains(i)).findFirst().orElseThrow());
        RUNNER.pay(Provider.YOOKASSA, pledge(late, campaign, 10_000, print, Provider.YOOKASSA).json(), card());
        assertEquals(0, rewardLeft(masha, campaign, print));
        assertNumbers(campaignOf(masha, campaign), 30_000, 30_000, 0, 3);
    }

    @Test
    void aCancelledCampaign_refundsWhatWasCollected_andChargesNoSavedCard() throws Exception {
        User masha = RUNNER.signUp("masha");
        String keep = launched(masha, "keep_what_you_raise", 100_000, Duration.ofDays(5));
        String allOrNothing = launched(masha, "all_or_nothing", 10_000, Duration.ofDays(5));
        User anya = RUNNER.signUp("anya");
        User boris = RUNNER.signUp("boris");
        RUNNER.pay(Provider.YOOKASSA, pledge(anya, keep, 25_000, null, Provider.YOOKASSA).json(), card());
        RUNNER.pay(Provider.YOOKASSA, pledge(boris, keep, 15_000, null, Provider.YOOKASSA).json(), card());
        SimulatedCard borisCard = card();
        saved(boris, allOrNothing, 40_000, Provider.YOOKASSA, borisCard);
        assertEquals(share(25_000) + share(15_000), balance(masha));

        masha.ok("POST", "/v1/me/campaigns/" + keep + "/cancel", null, 200);
        masha.ok("POST", "/v1/me/campaigns/" + allOrNothing + "/cancel", null, 200);
        assertRefused(pledge(anya, keep, 5_000, null, Provider.YOOKASSA), 409, "campaign-closed");
        closeAt(RUNNER.advanceClock(Duration.ZERO).plus(Duration.ofMinutes(1)));
        awaitPledge(anya, keep, "refunded");
        awaitPledge(boris, keep, "refunded");
        awaitPledge(boris, allOrNothing, "cancelled");
        JsonNode cancelled = campaignOf(anya, keep);
        assertEquals("cancelled", cancelled.path("status").asText());
        assertNumbers(cancelled, 0, 0, 0, 0);
        assertEquals(0, balance(masha), "the refunds reverse exactly what the pledges credited");

        // Its deadline passes as well: still nobody charged.
        closeAt(deadline(masha, allOrNothing).plus(Duration.ofMinutes(1)));
        assertEquals("cancelled", campaignOf(masha, allOrNothing).path("status").asText());
        assertEquals(0, charged(Provider.YOOKASSA, borisCard, 40_000));
    }

    // --- a creator, backers, the providers and the schedule ---------------------------------------------------

    /** A campaign with a cover, written as a draft and launched {@code ahead} of now: its id. */
    private static String launched(User creator, String mode, long goal, Duration ahead, String... rewards) {
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        String cover = creator.uploadJpeg("post", photo);
        creator.awaitStatus("/v1/uploads/" + cover, "ready");
        Instant deadline = RUNNER.advanceClock(Duration.ZERO).plus(ahead);
        JsonNode draft = creator.ok("POST", "/v1/me/campaigns", "{\"title\": \"Фотокнига «Белые ночи»\", \"description\": "
                + "\"Сто снимков Петербурга в твёрдой обложке\", \"coverUploadId\": \"" + cover + "\", \"goal\": "
                + rubles(goal) + ", \"deadline\": \"" + deadline + "\", \"mode\": \"" + mode + "\", \"rewards\": ["
                + String.join(", ", rewards) + "]}", 201).json();
        assertEquals("draft", draft.path("status").asText());
        String id = draft.path("campaignId").asText();
        assertEquals("live", creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200).json().path("status").asText());
        return id;
    }

    private static String reward(String title, long minimum, Integer limit) {
        return "{\"title\": \"" + title + "\", \"description\": \"" + title + "\", \"minimum\": " + rubles(minimum)
                + ", \"deliveryEstimate\": \"2027-06\"" + (limit == null ? "" : ", \"limit\": " + limit) + "}";
    }

    private static String rubles(long kopecks) {
        return "{\"amount\": " + kopecks + ", \"currency\": \"RUB\"}";
    }

    private static String rewardId(User reader, String campaign, int index) {
        return campaignOf(reader, campaign).path("rewards").get(index).path("rewardId").asText();
    }

    private static long rewardLeft(User reader, String campaign, String rewardId) {
        for (JsonNode reward : campaignOf(reader, campaign).path("rewards")) {
            if (reward.path("rewardId").asText().equals(rewardId)) {
                return reward.path("left").asLong();
            }
        }
        throw new AssertionError("no reward " + rewardId + " in " + campaign);
    }

    private static Reply pledge(User backer, String campaign, long amount, String rewardId, Provider provider) {
        return backer.send("POST", "/v1/checkouts", "{\"item\": {\"type\": \"pledge\", \"id\": \"" + campaign
                        + "\", \"amount\": " + amount + (rewardId == null ? "" : ", \"rewardId\": \"" + rewardId + "\"")
                        + "}, \"provider\": \"" + provider.wire() + "\"}",
                Map.of("idempotency-key", "pledge-" + TestSettings.unique("k")));
    }

    /** An all-or-nothing pledge: its verification payment paid with {@code card}, which saves it for the deadline. */
    private static void saved(User backer, String campaign, long amount, Provider provider, SimulatedCard card) throws Exception {
        Reply checkout = pledge(backer, campaign, amount, null, provider);
        assertEquals(201, checkout.status(), checkout.body());
        assertEquals(VERIFICATION, checkout.json().at("/amount/amount").asLong(), "a verification, not the pledge");
        RUNNER.pay(provider, checkout.json(), card);
        awaitPledge(backer, campaign, "saved");
    }

    /** The backer's request refused as a problem of {@code type}, no payment made. */
    private static void assertRefused(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.header("content-type").startsWith("application/problem+json"), reply.body());
        assertTrue(reply.body().contains(type), reply.body());
    }

    private static JsonNode campaignOf(User reader, String campaign) {
        return reader.ok("GET", "/v1/campaigns/" + campaign, null, 200).json();
    }

    private static Instant deadline(User reader, String campaign) {
        return Instant.parse(campaignOf(reader, campaign).path("deadline").asText());
    }

    /** The honest numbers: what stands pledged, what was collected, what was dropped, and by how many backers. */
    private static void assertNumbers(JsonNode campaign, long pledged, long collected, long dropped, long backers) {
        assertEquals(List.of(pledged, collected, dropped, backers),
                List.of(campaign.at("/progress/pledged/amount").asLong(), campaign.at("/progress/collected/amount").asLong(),
                        campaign.at("/progress/dropped/amount").asLong(), campaign.at("/progress/backers").asLong()),
                "pledged, collected, dropped, backers: " + campaign);
    }

    private static JsonNode pledgeOf(User backer, String campaign) {
        for (JsonNode pledge : backer.ok("GET", "/v1/me/pledges", null, 200).json().path("items")) {
            if (pledge.at("/campaign/id").asText().equals(campaign)) {
                return pledge;
            }
        }
        throw new AssertionError(backer.username() + " has no pledge to " + campaign);
    }

    /** The backer's pledge once it reached {@code state} (a charge's notification comes a moment after it). */
    private static JsonNode awaitPledge(User backer, String campaign, String state) {
        backer.await("/v1/me/pledges", pledges -> pledgeOf(backer, campaign).path("state").asText().equals(state),
                "never reached " + state + " for " + campaign);
        return pledgeOf(backer, campaign);
    }

    /**
     * Moves the clock to {@code at} and fires the closing job, then twice more an hour apart: for a campaign's
     * next batch, and for a charge's outcome, which the job asks an hour after the charge when no notification came
     * (Robokassa notifies no decline).
     */
    private static void closeAt(Instant at) {
        for (int run = 0; run < 3; run++) {
            RUNNER.moveClockTo(at.plus(Duration.ofMinutes(61L * run)));
            RUNNER.runSchedule(CLOSE);
        }
    }

    /** Merchant-initiated charges of {@code card} for {@code amount} that went through. */
    private static long charged(Provider provider, SimulatedCard card, long amount) {
        return RUNNER.simulator().payments(provider).stream()
                .filter(p -> p.merchantInitiated() && p.card().equals(card) && p.amountMinor() == amount)
                .filter(p -> p.state() == SimulatedPayment.State.SUCCEEDED)
                .count();
    }

    private static long balance(User creator) {
        return creator.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong();
    }

    private static SimulatedCard card() {
        return SimulatedCard.numbered(CARDS.incrementAndGet());
    }

    private static long share(long kopecks) {
        return kopecks - Money.rub(kopecks).share(Marketplace.FEE_BASIS_POINTS).minor();
    }
}
