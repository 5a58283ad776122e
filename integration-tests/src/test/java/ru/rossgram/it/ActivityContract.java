package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Provider;

/**
 * The activity inbox through the real routes: follows, follow requests and their approval, purchases and new
 * subscribers written by the actions that cause them, read back through {@code GET /v1/me/activity}, with paging,
 * the unread count and marking read.
 */
abstract class ActivityContract extends Contract {
    private static final long PRICE = 19_900;

    private final Marketplace market = new Marketplace(this::backend);

    protected ActivityContract() {
        super("ActivityFunction", Map.of());
    }

    @AfterAll
    void stop() {
        market.close();
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private User signUp(String name) {
        return market.signUp(name);
    }

    private static JsonNode page(User owner, String query) {
        return owner.ok("GET", "/v1/me/activity" + query, null, 200).json();
    }

    private static JsonNode inbox(User owner) {
        return page(owner, "");
    }

    /** Each item of the first page as {@code <type> <actor's username>}, newest first. */
    private static List<String> seen(User owner) {
        List<String> rows = new ArrayList<>();
        inbox(owner).path("items").forEach(item -> rows.add(item.path("type").asText() + " "
                + item.at("/actor/username").asText()));
        return rows;
    }

    private static String row(String type, User actor) {
        return type + " " + actor.username();
    }

    private static Reply markRead(User owner, String upTo) {
        return owner.send("POST", "/v1/me/activity/read", "{\"upTo\": \"" + upTo + "\"}");
    }

    /** {@code buyer} pays for {@code postId} and the provider's notification arrives. */
    private void buy(User buyer, String postId) {
        String id = market.checkoutAndOpenPage(buyer, postId, Provider.YOOKASSA).simulatedId();
        Reply answer = market.deliver(market.notice(Provider.YOOKASSA, id, Action.PAY));
        assertEquals(200, answer.status(), answer.body());
    }

    // --- follows ----------------------------------------------------------------------------------------------

    @Test
    void aFollow_tellsTheFollowee_notTheFollower_andAnUnfollowTakesItBack() {
        User anna = signUp("anna");
        User boris = signUp("boris");

        assertEquals("following", boris.followed(anna));
        assertEquals(List.of(row("follow", boris)), seen(anna));
        JsonNode item = inbox(anna).path("items").get(0);
        assertEquals(boris.id(), item.at("/actor/id").asText());
        assertFalse(item.has("post"), item.toString());
        assertEquals(List.of(), seen(boris), "never your own actions");

        boris.unfollowed(anna);
        assertEquals(List.of(), seen(anna));
        assertEquals(0, inbox(anna).path("unreadCount").asInt());
    }

    @Test
    void aRequestToAPrivateAccount_waitsInItsInbox_andItsApprovalTellsBothSides() {
        User anna = signUp("anna");
        User boris = signUp("boris");
        anna.makePrivate(true);

        assertEquals("requested", boris.followed(anna));
        assertEquals(List.of(row("follow_request", boris)), seen(anna));

        anna.ok("POST", "/v1/me/follow-requests/" + boris.username(), null, 204);
        assertEquals(List.of(row("follow", boris)), seen(anna), "the request is answered: a follower now");
        assertEquals(List.of(row("follow_approved", anna)), seen(boris));
    }

    @Test
    void aDeclinedOrWithdrawnRequest_leavesNothing() {
        User anna = signUp("anna");
        User boris = signUp("boris");
        User vera = signUp("vera");
        anna.makePrivate(true);
        boris.followed(anna);
        vera.followed(anna);
        assertEquals(List.of(row("follow_request", vera), row("follow_request", boris)), seen(anna));

        anna.ok("DELETE", "/v1/me/follow-requests/" + boris.username(), null, 204);
        vera.unfollowed(anna);
        assertEquals(List.of(), seen(anna));
        assertEquals(List.of(), seen(boris));
    }

    @Test
    void aBlock_deletesTheFollowNoticesBothWays_andHidesWhatElseTheBlockedDid() {
        User anna = signUp("anna");
        User boris = signUp("boris");
        String post = market.paidPost(anna, PRICE);
        buy(boris, post);
        boris.followed(anna);
        anna.followed(boris);
        assertEquals(List.of(row("follow", boris), row("purchase", boris)), seen(anna));
        assertEquals(List.of(row("follow", anna)), seen(boris));

        assertEquals(204, anna.put("block", boris).status());
        assertEquals(List.of(), seen(anna), "the follow deleted, the purchase hidden");
        assertEquals(List.of(), seen(boris));

        assertEquals(204, anna.delete("block", boris).status());
        assertEquals(List.of(row("purchase", boris)), seen(anna), "hidden, not deleted: the sale still happened");
    }

    // --- payments ---------------------------------------------------------------------------------------------

    @Test
    void aSaleOfAPaidPost_tellsTheSellerWhoBoughtWhatForHowMuch_andTheDeletedPostTakesItAway() {
        User anna = signUp("anna");
        User boris = signUp("boris");
        String post = market.paidPost(anna, PRICE);
        buy(boris, post);

        JsonNode item = inbox(anna).path("items").get(0);
        assertEquals("purchase", item.path("type").asText(), item.toString());
        assertEquals(boris.username(), item.at("/actor/username").asText());
        assertEquals(post, item.at("/post/postId").asText());
        assertTrue(item.at("/post/thumbnail/urls").size() > 0, "the seller sees her own post's thumbnail: " + item);
        assertEquals(PRICE, item.at("/amount/amount").asLong());
        assertEquals("RUB", item.at("/amount/currency").asText());
        assertEquals(List.of(), seen(boris), "the buyer is told nothing here");

        anna.ok("DELETE", "/v1/posts/" + post, null, 204);
        assertEquals(List.of(), seen(anna));
    }

    @Test
    void aNewSubscriber_isTold_once() {
        User anna = signUp("anna");
        User boris = signUp("boris");
        String tierId = anna.ok("POST", "/v1/me/tiers", "{\"name\": \"Поддержка\", \"price\": 10000}", 201)
                .json().path("id").asText();
        String id = market.subscribeAndOpenPage(boris, anna, tierId, Provider.YOOKASSA).simulatedId();
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, id, Action.PAY)).status());

        JsonNode item = inbox(anna).path("items").get(0);
        assertEquals(List.of(row("subscriber", boris)), seen(anna));
        assertEquals(10_000, item.at("/amount/amount").asLong(), item.toString());
    }

    // --- the page ---------------------------------------------------------------------------------------------

    @Test
    void pages_goNewestFirst_throughTheirCursors_andAForeignCursorIsRefused() {
        User anna = signUp("anna");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User follower = signUp("fan");
            follower.followed(anna);
            expected.add(0, row("follow", follower));
        }
        List<String> rows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(anna, "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            sizes.add(page.path("items").size());
            page.path("items").forEach(item -> rows.add(item.path("type").asText() + " " + item.at("/actor/username").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(expected, rows);
        assertEquals(List.of(2, 2, 1), sizes);

        String annasCursor = page(anna, "?limit=2").path("nextCursor").asText();
        User boris = signUp("boris");
        assertEquals(400, boris.send("GET", "/v1/me/activity?cursor=" + annasCursor, null).status());
        assertEquals(400, anna.send("GET", "/v1/me/activity?limit=0", null).status());
    }

    @Test
    void theUnreadCount_fallsAsItemsAreMarkedRead_andTheMarkOnlyMovesForward() {
        User anna = signUp("anna");
        for (int i = 0; i < 3; i++) {
            signUp("fan").followed(anna);
        }
        JsonNode first = inbox(anna);
        assertEquals(3, first.path("unreadCount").asInt());
        String newest = first.at("/items/0/activityId").asText();
        String middle = first.at("/items/1/activityId").asText();
        String oldest = first.at("/items/2/activityId").asText();

        assertEquals(204, markRead(anna, middle).status());
        assertEquals(1, inbox(anna).path("unreadCount").asInt());
        assertEquals(204, markRead(anna, oldest).status(), "another device, behind");
        assertEquals(1, inbox(anna).path("unreadCount").asInt(), "the mark never moves back");
        assertEquals(204, markRead(anna, newest).status());
        assertEquals(0, inbox(anna).path("unreadCount").asInt());
        assertEquals(3, inbox(anna).path("items").size(), "read items stay listed");

        signUp("fan").followed(anna);
        assertEquals(1, inbox(anna).path("unreadCount").asInt());
    }

    @Test
    void markingRead_refusesWhatIsNoActivityId() {
        User anna = signUp("anna");
        for (String bad : List.of("", "not-an-id", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ")) {
            Reply reply = markRead(anna, bad);
            assertEquals(400, reply.status(), bad + ": " + reply.body());
            assertEquals("application/problem+json", reply.header("content-type"), reply.body());
        }
        assertEquals(400, anna.send("POST", "/v1/me/activity/read", "{}").status());
        assertEquals(401, market.api().send("GET", "/v1/me/activity", null, Map.of()).status());
    }
}
