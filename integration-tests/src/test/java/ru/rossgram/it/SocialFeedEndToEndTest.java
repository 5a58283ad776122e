package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The social network through the local runner, as phones meet it: real HTTP against one in-memory runner whose
 * storage events run the thumbnail function (which publishes posts and queues their fan-out) and the fan-out
 * function. Feeds fill asynchronously, so reads that depend on the fan-out poll, as an app refreshing would.
 */
class SocialFeedEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    @Test
    void friendsWhoFollowEachOther_seeBothPhotos_inBothFeedsNewestFirst_andOnTheGrids() throws Exception {
        User masha = signUp("masha");
        User petya = signUp("petya");
        assertEquals("following", masha.followed(petya));
        assertEquals("following", petya.followed(masha));

        String mashas = masha.postPhotoAndAwaitPublished("Белые ночи #питер");
        String petyas = petya.postPhotoAndAwaitPublished("Разводные мосты");

        for (User phone : List.of(masha, petya)) {
            assertEquals(List.of(petyas, mashas), phone.awaitFeed(ids -> ids.size() >= 2), phone.username() + "'s feed");
        }
        JsonNode newest = masha.feedPage().path("items").get(0);
        assertEquals(petya.username(), newest.at("/author/username").asText());
        assertEquals("published", newest.path("status").asText());
        assertTrue(newest.at("/photos/0/urls/square150").asText().startsWith("http"), newest.toString());

        assertEquals(List.of(mashas), petya.grid(masha));
        assertEquals(List.of(petyas), masha.grid(petya));
        assertEquals(List.of(mashas), masha.grid(masha));
        assertEquals(1, petya.profile(masha).at("/counts/posts").asInt());
    }

    @Test
    void aLikeAndAComment_countOnThePost_andInTheFeed_andTheLikerSeesItsLike() throws Exception {
        User masha = signUp("masha");
        User petya = signUp("petya");
        assertEquals("following", petya.followed(masha));
        String post = masha.postPhotoAndAwaitPublished("Летний сад");
        assertEquals(List.of(post), petya.awaitFeed(ids -> !ids.isEmpty()));

        JsonNode liked = petya.ok("PUT", "/v1/posts/" + post + "/like", null, 200).json();
        assertEquals(1, liked.path("likeCount").asInt());
        petya.ok("PUT", "/v1/posts/" + post + "/like", null, 200); // a second tap changes nothing
        JsonNode comment = petya.ok("POST", "/v1/posts/" + post + "/comments", "{\"text\":\"Красота! Где это?\"}", 201).json();

        JsonNode inFeed = petya.feedPage().path("items").get(0);
        JsonNode opened = petya.ok("GET", "/v1/posts/" + post, null, 200).json();
        for (JsonNode seen : List.of(inFeed, opened)) {
            assertEquals(post, seen.path("id").asText());
            assertEquals(1, seen.path("likeCount").asInt(), seen.toString());
            assertEquals(1, seen.path("commentCount").asInt(), seen.toString());
            assertTrue(seen.path("likedByMe").asBoolean(), seen.toString());
        }
        JsonNode asAuthor = masha.ok("GET", "/v1/posts/" + post, null, 200).json();
        assertEquals(1, asAuthor.path("likeCount").asInt());
        assertFalse(asAuthor.path("likedByMe").asBoolean());

        JsonNode comments = masha.ok("GET", "/v1/posts/" + post + "/comments", null, 200).json().path("items");
        assertEquals(1, comments.size(), comments.toString());
        assertEquals(comment.path("id").asText(), comments.get(0).path("id").asText());
        assertEquals("Красота! Где это?", comments.get(0).path("text").asText());
        assertEquals(petya.username(), comments.get(0).at("/author/username").asText());
        assertTrue(comments.get(0).path("canDelete").asBoolean(), "the post's author moderates its comments");
    }

    @Test
    void aPrivateAccount_turnsAFollowIntoARequest_andHidesItsGrid_untilTheOwnerApproves() throws Exception {
        User owner = signUp("owner");
        User stranger = signUp("stranger");
        String post = owner.postPhotoAndAwaitPublished("Только для своих");
        assertTrue(owner.ok("PATCH", "/v1/me", "{\"private\": true}", 200).json().path("private").asBoolean());

        assertEquals("requested", stranger.followed(owner));
        assertEquals(404, stranger.send("GET", "/v1/users/" + owner.username() + "/posts", null).status());
        assertEquals(404, stranger.send("GET", "/v1/posts/" + post, null).status());
        JsonNode profile = stranger.profile(owner); // the profile itself, with counts, stays visible
        assertTrue(profile.at("/relationship/requested").asBoolean(), profile.toString());
        assertEquals(0, profile.at("/counts/followers").asInt());
        assertEquals(List.of(), stranger.feed());

        JsonNode requests = owner.ok("GET", "/v1/me/follow-requests", null, 200).json().path("items");
        assertEquals(1, requests.size(), requests.toString());
        assertEquals(stranger.username(), requests.get(0).path("username").asText());
        owner.ok("POST", "/v1/me/follow-requests/" + stranger.username(), null, 204);

        assertEquals(List.of(post), stranger.grid(owner));
        assertEquals(200, stranger.send("GET", "/v1/posts/" + post, null).status());
        assertTrue(stranger.profile(owner).at("/relationship/following").asBoolean());
        assertEquals(List.of(post), stranger.awaitFeed(ids -> !ids.isEmpty()), "approval brings the recent posts");
    }

    @Test
    void aBlock_removesTheFollowsBothWays_andHidesProfileGridAndPosts_fromTheBlocked() throws Exception {
        User masha = signUp("masha");
        User troll = signUp("troll");
        assertEquals("following", masha.followed(troll));
        assertEquals("following", troll.followed(masha));
        String post = masha.postPhotoAndAwaitPublished("Мой кот");
        assertEquals(List.of(post), troll.awaitFeed(ids -> !ids.isEmpty()));

        masha.ok("PUT", "/v1/users/" + troll.username() + "/block", null, 204);

        assertEquals(404, troll.send("GET", "/v1/users/" + masha.username(), null).status());
        assertEquals(404, troll.send("GET", "/v1/users/" + masha.username() + "/posts", null).status());
        assertEquals(404, troll.send("GET", "/v1/posts/" + post, null).status());
        assertEquals(404, troll.send("PUT", "/v1/users/" + masha.username() + "/follow", null).status());
        assertEquals(List.of(), troll.feed());

        JsonNode blocked = masha.profile(troll); // the blocker still sees whom it blocked, to unblock
        assertTrue(blocked.at("/relationship/blocking").asBoolean(), blocked.toString());
        assertFalse(blocked.at("/relationship/following").asBoolean(), blocked.toString());
        assertFalse(blocked.at("/relationship/followedBy").asBoolean(), blocked.toString());
        assertEquals(0, blocked.at("/counts/followers").asInt());
        assertEquals(0, blocked.at("/counts/following").asInt());
        JsonNode own = masha.profile(masha).path("counts");
        assertEquals(0, own.path("followers").asInt(), own.toString());
        assertEquals(0, own.path("following").asInt(), own.toString());
    }

    @Test
    void twentyPhonesFollowingAtOnce_countTwenty_andTenUnfollowingAtOnce_leaveTen() throws Exception {
        User star = signUp("star");
        List<User> fans = concurrently(20, i -> signUp("fan"));

        List<String> follows = concurrently(20, i -> fans.get(i).followed(star));
        assertEquals(List.of("following"), follows.stream().distinct().toList());
        assertEquals(20, star.profile(star).at("/counts/followers").asInt());
        assertEquals(20, fans.get(0).profile(star).at("/counts/followers").asInt());

        List<Integer> unfollows = concurrently(10, i -> fans.get(i).send("DELETE", "/v1/users/" + star.username() + "/follow", null)
                .status());
        assertEquals(List.of(204), unfollows.stream().distinct().toList());
        assertEquals(10, star.profile(star).at("/counts/followers").asInt());
        assertEquals(0, fans.get(0).profile(fans.get(0)).at("/counts/following").asInt());
        assertEquals(1, fans.get(19).profile(fans.get(19)).at("/counts/following").asInt());
    }

    private User signUp(String name) {
        return RUNNER.signUp(name);
    }
}
