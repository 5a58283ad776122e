package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.crowdfunding.Campaign;
import ru.rossgram.shared.payments.crowdfunding.CampaignRepository;
import ru.rossgram.shared.payments.crowdfunding.Pledge;

/**
 * Crowdfunding campaigns through the campaigns function: drafts, launch, the terms fixed once live, cancel, delete,
 * who sees what, the lists, the cover, the progress a campaign shows, and the problems bad requests get. Pledges are
 * written through {@link CampaignRepository} directly (their own function is tested with checkout).
 */
abstract class CampaignsContract extends Contract {
    protected CampaignsContract() {
        super("CampaignsFunction", Map.of());
    }

    @Test
    void aCreator_writesADraft_onlyTheySee_thenLaunchesIt_andAnyoneSeesItLive() {
        User creator = hosts.signUp("creator");
        JsonNode draft = create(creator, "{\"title\": \"Фотокнига «Север»\", \"description\": \"Сто снимков.\","
                + " \"goal\": {\"amount\": 30000000, \"currency\": \"RUB\"}, \"deadline\": \"" + inDays(30) + "\","
                + " \"mode\": \"all_or_nothing\", \"rewards\": [" + reward("Открытки", 50_000, null) + ", "
                + reward("Книга", 350_000, 200) + "]}");
        assertEquals("draft", draft.path("status").asText());
        assertEquals("all_or_nothing", draft.path("mode").asText());
        assertEquals(30_000_000, draft.at("/goal/amount").asLong());
        assertEquals(creator.username(), draft.at("/creator/username").asText());
        assertEquals(2, draft.path("rewards").size());
        assertFalse(draft.at("/rewards/0/rewardId").asText().isEmpty(), "reward ids are made by the server");
        assertEquals(200, draft.at("/rewards/1/left").asLong());
        assertTrue(draft.at("/rewards/0/left").isMissingNode(), "no limit, nothing to count down");
        assertEquals(0, draft.at("/progress/pledged/amount").asLong());
        String id = draft.path("campaignId").asText();

        User fan = hosts.signUp("fan");
        assertEquals(404, fan.send("GET", "/v1/campaigns/" + id, null).status(), "a draft is its creator's alone");
        assertEquals("draft", creator.ok("GET", "/v1/campaigns/" + id, null, 200).json().path("status").asText());

        JsonNode live = creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200).json();
        assertEquals("live", live.path("status").asText());
        assertFalse(live.path("launchedAt").asText().isEmpty());
        JsonNode seen = fan.ok("GET", "/v1/campaigns/" + id, null, 200).json();
        assertEquals("live", seen.path("status").asText());
        long secondsLeft = seen.at("/progress/secondsLeft").asLong();
        assertTrue(secondsLeft > Duration.ofDays(29).toSeconds() && secondsLeft <= Duration.ofDays(30).toSeconds(), seen.toString());
        assertTrue(seen.path("yourPledge").isMissingNode());
        assertEquals(inDays(30).substring(0, 13), seen.path("deadline").asText().substring(0, 13));
        assertTrue(services().get(CampaignRepository.class).find(id).orElseThrow().dueAt() != null,
                "a live campaign is due at its deadline for the closing job");
    }

    @Test
    void aLaunchedCampaign_keepsItsGoalDeadlineModeAndRewards_butTakesANewTitle() {
        User creator = hosts.signUp("creator");
        String id = draft(creator);
        JsonNode changed = patch(creator, id, "{\"goal\": {\"amount\": 5000000, \"currency\": \"RUB\"},"
                + " \"mode\": \"keep_what_you_raise\", \"rewards\": []}", 200);
        assertEquals(5_000_000, changed.at("/goal/amount").asLong(), "a draft changes freely");
        assertEquals("keep_what_you_raise", changed.path("mode").asText());
        creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200);
        for (String edit : List.of("{\"goal\": {\"amount\": 100000, \"currency\": \"RUB\"}}",
                "{\"deadline\": \"" + inDays(40) + "\"}", "{\"mode\": \"all_or_nothing\"}",
                "{\"title\": \"Новое\", \"rewards\": [" + reward("Открытки", 50_000, null) + "]}")) {
            Reply refused = creator.send("PATCH", "/v1/me/campaigns/" + id, edit);
            assertEquals(409, refused.status(), edit + ": " + refused.body());
            assertEquals("campaign-locked", refused.problemType());
        }
        JsonNode renamed = patch(creator, id, "{\"title\": \"Второе издание\", \"description\": \"Теперь в цвете.\"}", 200);
        assertEquals("Второе издание", renamed.path("title").asText());
        assertEquals(5_000_000, renamed.at("/goal/amount").asLong());
        assertEquals("campaign-not-draft", creator.send("POST", "/v1/me/campaigns/" + id + "/launch", null).problemType());
        assertEquals(404, hosts.signUp("other").send("PATCH", "/v1/me/campaigns/" + id, "{\"title\": \"Моё\"}").status(),
                "another's campaign is not yours to change");
    }

    @Test
    void cancellingALiveCampaign_closesPledging_andMakesItDueForTheClosingJob_whileADraftIsDeletedInstead() {
        User creator = hosts.signUp("creator");
        String id = draft(creator);
        Reply draftCancel = creator.send("POST", "/v1/me/campaigns/" + id + "/cancel", null);
        assertEquals(409, draftCancel.status(), draftCancel.body());
        assertEquals("campaign-not-live", draftCancel.problemType());
        creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200);
        assertEquals("campaign-not-draft", creator.send("DELETE", "/v1/me/campaigns/" + id, null).problemType());

        Instant before = Instant.now();
        JsonNode cancelled = creator.ok("POST", "/v1/me/campaigns/" + id + "/cancel", null, 200).json();
        assertEquals("cancelled", cancelled.path("status").asText());
        assertFalse(cancelled.path("endedAt").asText().isEmpty());
        CampaignRepository campaigns = services().get(CampaignRepository.class);
        Campaign stored = campaigns.find(id).orElseThrow();
        assertFalse(stored.dueAt().isBefore(before.minusSeconds(5)), "due at once, so the closing job takes its pledges");
        assertTrue(campaigns.dueBy(CampaignRepository.dueShardOf(id, null), Instant.now().plusSeconds(1), 1000).stream()
                .anyMatch(due -> due.campaignId().equals(id) && due.backerId() == null));
        assertFalse(transactions().write(campaigns.pledgeItems(stored, null,
                pledge(id, "01JD3Z6Q0V8X2K4M6N8P0R2T4W", 100_000, null, Pledge.State.PENDING))).isEmpty(),
                "no pledge is taken after the cancel");
        assertEquals("campaign-not-live", creator.send("POST", "/v1/me/campaigns/" + id + "/cancel", null).problemType());

        String other = draft(creator);
        assertEquals(204, creator.send("DELETE", "/v1/me/campaigns/" + other, null).status());
        assertEquals(404, creator.send("GET", "/v1/campaigns/" + other, null).status());
        assertEquals(404, creator.send("DELETE", "/v1/me/campaigns/" + other, null).status(), "gone");
    }

    @Test
    void theProgress_showsPledgedAndCollectedApart_backers_rewardsLeft_andTheCallersPledge() {
        User creator = hosts.signUp("creator");
        JsonNode created = create(creator, body("all_or_nothing", "{\"amount\": 1000000, \"currency\": \"RUB\"}",
                "[" + reward("Книга", 100_000, 3) + "]"));
        String id = created.path("campaignId").asText();
        String rewardId = created.at("/rewards/0/rewardId").asText();
        creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200);
        User backer = hosts.signUp("backer");
        CampaignRepository campaigns = services().get(CampaignRepository.class);
        Campaign campaign = campaigns.find(id).orElseThrow();
        write(campaigns.pledgeItems(campaign, null, pledge(id, backer.id(), 300_000, rewardId, Pledge.State.SAVED)));
        write(campaigns.pledgeItems(campaign, null, pledge(id, "01JD3Z6Q0V8X2K4M6N8P0R2T4A", 450_000, rewardId, Pledge.State.COLLECTED)));
        write(campaigns.pledgeItems(campaign, null, pledge(id, "01JD3Z6Q0V8X2K4M6N8P0R2T4B", 50_000, null, Pledge.State.PENDING)));

        JsonNode seen = backer.ok("GET", "/v1/campaigns/" + id, null, 200).json();
        assertEquals(750_000, seen.at("/progress/pledged/amount").asLong(), "the pending pledge is not counted yet");
        assertEquals(450_000, seen.at("/progress/collected/amount").asLong());
        assertEquals(0, seen.at("/progress/dropped/amount").asLong());
        assertEquals(2, seen.at("/progress/backers").asLong());
        assertEquals(75, seen.at("/progress/percent").asLong());
        assertEquals(2, seen.at("/rewards/0/claimed").asLong());
        assertEquals(1, seen.at("/rewards/0/left").asLong());
        assertEquals(300_000, seen.at("/yourPledge/amount/amount").asLong());
        assertEquals(rewardId, seen.at("/yourPledge/rewardId").asText());
        assertEquals("saved", seen.at("/yourPledge/state").asText());
        assertTrue(creator.ok("GET", "/v1/campaigns/" + id, null, 200).json().path("yourPledge").isMissingNode());
    }

    @Test
    void aCampaign_followsItsCreatorsPrivacyAndBlocks_likeTheirPosts() {
        User creator = hosts.signUp("creator");
        String id = launched(creator);
        User stranger = hosts.signUp("stranger");
        User follower = hosts.signUp("follower");
        creator.makePrivate(true);
        follower.followed(creator);
        Reply approved = creator.send("POST", "/v1/me/follow-requests/" + follower.username(), null);
        assertTrue(approved.status() < 300, approved.body());
        assertEquals(404, stranger.send("GET", "/v1/campaigns/" + id, null).status(), "a private account's campaign");
        assertEquals(404, stranger.list(creator, "campaigns", "").status());
        assertEquals(id, follower.ok("GET", "/v1/campaigns/" + id, null, 200).json().path("campaignId").asText());
        assertEquals(1, follower.list(creator, "campaigns", "").json().path("items").size());
        assertEquals(204, creator.put("block", follower).status());
        assertEquals(404, follower.send("GET", "/v1/campaigns/" + id, null).status(), "across a block");
        assertEquals(404, creator.send("GET", "/v1/campaigns/01JD3Z6Q0V8X2K4M6N8P0R2T4W", null).status());
    }

    @Test
    void lists_areNewestFirst_paged_andAProfileShowsNoDrafts() {
        User creator = hosts.signUp("creator");
        String first = launched(creator);
        String hidden = draft(creator);
        String second = launched(creator);
        String third = draft(creator);
        assertEquals(List.of(third, second, hidden, first), allPages(creator, "/v1/me/campaigns"));
        User fan = hosts.signUp("fan");
        assertEquals(List.of(second, first), allPages(fan, "/v1/users/" + creator.username() + "/campaigns"));
        JsonNode page = fan.list(creator, "campaigns", "?limit=1").json();
        assertEquals(1, page.path("items").size());
        Reply foreign = fan.send("GET", "/v1/me/campaigns?cursor=" + page.path("nextCursor").asText(), null);
        assertEquals("invalid-cursor", foreign.problemType(), "a cursor serves its own list only");
    }

    @Test
    void theCover_isAProcessedPostPhotoOfTheCreators() {
        User creator = hosts.signUp("creator");
        String upload = hosts.processedUpload(creator);
        JsonNode created = create(creator, body("keep_what_you_raise", "{\"amount\": 1000000, \"currency\": \"RUB\"}", "[]")
                .replace("\"mode\"", "\"coverUploadId\": \"" + upload + "\", \"mode\""));
        assertEquals(1080, created.at("/cover/width").asInt());
        assertTrue(created.at("/cover/urls/w320").asText().contains(upload), created.toString());
        String id = created.path("campaignId").asText();
        creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200);
        String another = hosts.processedUpload(creator);
        assertTrue(patch(creator, id, "{\"coverUploadId\": \"" + another + "\"}", 200).at("/cover/urls/w320").asText()
                .contains(another), "a live campaign's cover may change");

        String pending = creator.ticket("post", "image/jpeg", 4096).path("uploadId").asText();
        Reply notReady = creator.send("PATCH", "/v1/me/campaigns/" + id, "{\"coverUploadId\": \"" + pending + "\"}");
        assertEquals(409, notReady.status(), notReady.body());
        assertEquals("upload-not-processed", notReady.problemType());
        User other = hosts.signUp("other");
        Reply notYours = other.send("POST", "/v1/me/campaigns", body("keep_what_you_raise",
                "{\"amount\": 1000000, \"currency\": \"RUB\"}", "[]").replace("\"mode\"", "\"coverUploadId\": \"" + upload + "\", \"mode\""));
        assertEquals(422, notYours.status(), notYours.body());
        assertEquals("unknown-upload", notYours.problemType());
    }

    @Test
    void aPost_sharesItsAuthorsLaunchedCampaign_andItsViewsNameIt() {
        User creator = hosts.signUp("creator");
        String id = launched(creator);
        String postId = hosts.publishedPost(creator, "\"caption\": \"Поддержите книгу\", \"campaignId\": \"" + id + "\"");
        User fan = hosts.signUp("fan");
        fan.followed(creator);
        assertEquals(id, fan.post(postId).at("/campaign/campaignId").asText());
        JsonNode grid = fan.list(creator, "posts", "").json();
        assertEquals(id, grid.at("/items/0/campaign/campaignId").asText());
        fan.awaitFeed(ids -> ids.contains(postId));
        assertEquals(id, fan.feedPage().at("/items/0/campaign/campaignId").asText(), "the feed shows it too");
        String plain = hosts.publishedPost(creator, "\"caption\": \"Без кампании\"");
        assertTrue(fan.post(plain).path("campaign").isMissingNode());

        String draft = draft(creator);
        String foreign = launched(fan);
        for (String campaignId : List.of(draft, foreign, "01JD3Z6Q0V8X2K4M6N8P0R2T4W", "nonsense")) {
            Reply refused = creator.createPost(User.postBody(List.of(hosts.processedUpload(creator)),
                    "\"campaignId\": \"" + campaignId + "\""));
            assertEquals(422, refused.status(), campaignId + ": " + refused.body());
            assertEquals("campaign-not-shareable", refused.problemType());
        }
    }

    @Test
    void badFields_areRefused_namingTheField_andNothingIsStored() {
        User creator = hosts.signUp("creator");
        String goal = "{\"amount\": 1000000, \"currency\": \"RUB\"}";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put(body("all_or_nothing", goal, "[]").replace("\"title\": \"Книга\"", "\"title\": \"  \""), "title");
        bodies.put(body("all_or_nothing", goal, "[]").replace("\"title\": \"Книга\"", "\"title\": \"" + "я".repeat(101) + "\""), "title");
        bodies.put(body("everything", goal, "[]"), "mode");
        bodies.put(body("all_or_nothing", "{\"amount\": 0, \"currency\": \"RUB\"}", "[]"), "goal");
        bodies.put(body("all_or_nothing", "{\"amount\": 1000000, \"currency\": \"USD\"}", "[]"), "goal");
        bodies.put(body("all_or_nothing", "{\"amount\": 10000000001, \"currency\": \"RUB\"}", "[]"), "goal");
        bodies.put(body("all_or_nothing", goal, "[]").replace(inDays(30), "next month"), "deadline");
        bodies.put(body("all_or_nothing", goal, "[" + reward("R", 0, null) + "]"), "rewards[0].minimum");
        bodies.put(body("all_or_nothing", goal, "[" + reward("R", 100_000, 0) + "]"), "rewards[0].limit");
        bodies.put(body("all_or_nothing", goal, "[" + reward("R", 100_000, null).replace("2027-", "1999-") + "]"),
                "rewards[0].deliveryEstimate");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(reward("R" + i, 100_000, null));
        }
        bodies.put(body("all_or_nothing", goal, "[" + String.join(", ", eleven) + "]"), "rewards");
        bodies.forEach((body, field) -> {
            Reply refused = creator.send("POST", "/v1/me/campaigns", body);
            assertEquals(400, refused.status(), body + ": " + refused.body());
            assertTrue(refused.json().toString().contains(field), field + ": " + refused.body());
        });
        for (String deadline : List.of(Instant.now().plusSeconds(600).toString(), inDays(61))) {
            Reply refused = creator.send("POST", "/v1/me/campaigns", body("all_or_nothing", goal, "[]").replace(inDays(30), deadline));
            assertEquals(422, refused.status(), refused.body());
            assertEquals("deadline-out-of-range", refused.problemType());
            assertFalse(refused.json().path("latest").asText().isEmpty());
        }
        assertEquals(0, creator.ok("GET", "/v1/me/campaigns", null, 200).json().path("items").size(), "nothing refused was stored");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private SharedServices services() {
        return hosts.services();
    }

    private TransactionWriter transactions() {
        return services().get(TransactionWriter.class);
    }

    private void write(List<software.amazon.awssdk.services.dynamodb.model.TransactWriteItem> items) {
        assertTrue(transactions().write(items).isEmpty(), "the pledge is written");
    }

    /** The campaign ids of every page, one campaign a page, following the cursors. */
    private static List<String> allPages(User user, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = user.ok("GET", path + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor), null, 200).json();
            page.path("items").forEach(item -> ids.add(item.path("campaignId").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    private static Pledge pledge(String campaignId, String backerId, long kopecks, String rewardId, Pledge.State state) {
        Instant now = Instant.now();
        return new Pledge(campaignId, backerId, "P" + backerId, Money.rub(kopecks), rewardId, PaymentProvider.YOOKASSA,
                state, null, null, null, 0, null, null, now, now, 1);
    }

    private static String inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String reward(String title, long minimum, Integer limit) {
        return "{\"title\": \"" + title + "\", \"description\": \"Описание\", \"minimum\": {\"amount\": " + minimum
                + ", \"currency\": \"RUB\"}, \"deliveryEstimate\": \"2027-06\"" + (limit == null ? "" : ", \"limit\": " + limit) + "}";
    }

    private static String body(String mode, String goal, String rewards) {
        return "{\"title\": \"Книга\", \"goal\": " + goal + ", \"deadline\": \"" + inDays(30) + "\", \"mode\": \"" + mode
                + "\", \"rewards\": " + rewards + "}";
    }

    private static JsonNode create(User creator, String body) {
        return creator.ok("POST", "/v1/me/campaigns", body, 201).json();
    }

    private static String draft(User creator) {
        return create(creator, body("all_or_nothing", "{\"amount\": 1000000, \"currency\": \"RUB\"}",
                "[" + reward("Книга", 100_000, 10) + "]")).path("campaignId").asText();
    }

    private static String launched(User creator) {
        String id = draft(creator);
        creator.ok("POST", "/v1/me/campaigns/" + id + "/launch", null, 200);
        return id;
    }

    private static JsonNode patch(User creator, String id, String body, int status) {
        return creator.ok("PATCH", "/v1/me/campaigns/" + id, body, status).json();
    }
}
