package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.ApiDriver.Reply.assertNotFound;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.unique;
import static ru.rossgram.it.User.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.PhotoResults;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.FollowRepository;
import ru.rossgram.shared.social.FollowService;
import ru.rossgram.shared.social.FollowerSlice;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.feeds.FeedContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The social graph, end to end through the functions' Lambda entry points: follow and unfollow, counts under
 * concurrency, private accounts and their requests, blocks, mutes, paginated lists, and the posts count.
 */
abstract class SocialContract extends Contract {
    protected SocialContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private SharedServices services() {
        return hosts.services();
    }

    private User signUp() {
        return hosts.signUp("soc");
    }

    private List<User> signUp(int count) throws Exception {
        return concurrently(Math.min(count, 10), count, i -> signUp());
    }

    /** Every page of a list, following {@code nextCursor}; asserts each page is 200 and no longer than the limit. */
    private static List<String> everyId(User viewer, User owner, String which, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            Reply reply = viewer.list(owner, which, query);
            assertEquals(200, reply.status(), reply.body());
            List<String> ids = ids(reply.json());
            assertTrue(ids.size() <= limit);
            all.addAll(ids);
            cursor = reply.json().path("nextCursor").asText(null);
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("the list never ends");
    }

    // --- follow and unfollow -----------------------------------------------------------------------------------

    @Test
    void follow_isIdempotent_andCountsOnce_thenUnfollowIsToo() {
        User masha = signUp();
        User ivan = signUp();
        assertEquals("following", masha.followed(ivan));
        assertEquals("following", masha.followed(ivan));
        assertEquals(List.of(1L, 0L, 0L), masha.countsOf(ivan));
        assertEquals(List.of(0L, 1L, 0L), ivan.countsOf(masha));
        assertTrue(masha.relationshipWith(ivan).path("following").asBoolean());
        assertFalse(masha.relationshipWith(ivan).path("followedBy").asBoolean());
        assertTrue(ivan.relationshipWith(masha).path("followedBy").asBoolean());
        assertEquals(List.of(masha.id()), ids(ivan.list(ivan, "followers", "").json()));
        assertEquals(List.of(ivan.id()), ids(masha.list(masha, "following", "").json()));

        masha.unfollowed(ivan);
        masha.unfollowed(ivan);
        assertEquals(List.of(0L, 0L, 0L), masha.countsOf(ivan));
        assertEquals(List.of(0L, 0L, 0L), ivan.countsOf(masha));
        assertFalse(masha.relationshipWith(ivan).path("following").asBoolean());
        assertEquals(List.of(), ids(ivan.list(ivan, "followers", "").json()));
    }

    @Test
    void followingYourself_isRefused_with422() {
        User masha = signUp();
        for (Reply reply : List.of(masha.follow(masha), masha.unfollow(masha))) {
            assertEquals(422, reply.status(), reply.body());
            assertEquals("cannot-follow-yourself", reply.problemType());
        }
        assertEquals("cannot-block-yourself", masha.put("block", masha).problemType());
        assertEquals("cannot-mute-yourself", masha.put("mute", masha).problemType());
        assertEquals(List.of(0L, 0L, 0L), masha.countsOf(masha));
    }

    @Test
    void unknownUsers_areNotFound_everywhere() {
        User masha = signUp();
        User nobody = new User("x", unique("nobody"), null, null);
        User email = new User("x", masha.username() + "@example.ru", null, null);
        for (User missing : List.of(nobody, email)) {
            assertNotFound(masha.profileReply(missing));
            assertNotFound(masha.follow(missing));
            assertNotFound(masha.unfollow(missing));
            assertNotFound(masha.list(missing, "followers", ""));
            assertNotFound(masha.list(missing, "following", ""));
            assertNotFound(masha.put("block", missing));
            assertNotFound(masha.put("mute", missing));
            assertNotFound(masha.send("POST", "/v1/me/follow-requests/" + missing.username(), null));
        }
    }

    @Test
    void ownProfile_hasCountsButNoRelationship_andUsernameIgnoresCase() {
        User masha = signUp();
        JsonNode me = masha.profile(masha);
        assertEquals(masha.id(), me.path("id").asText());
        assertEquals(masha.username(), me.path("username").asText());
        assertEquals("Маша Петрова", me.path("displayName").asText());
        assertFalse(me.path("private").asBoolean());
        assertEquals(0, me.at("/counts/followers").asInt());
        assertTrue(me.path("relationship").isMissingNode(), me.toString());
        assertFalse(me.has("email"), "others' profiles never show an email");
        User shouting = new User(masha.id(), masha.username().toUpperCase(Locale.ROOT), null, null);
        assertEquals(masha.id(), masha.profile(shouting).path("id").asText());
    }

    @Test
    void fortyConcurrentFollowers_thenHalfUnfollowing_leaveExactCounts() throws Exception {
        User star = signUp();
        List<User> fans = signUp(40);
        List<Reply> follows = concurrently(40, 40, i -> fans.get(i).follow(star));
        follows.forEach(reply -> assertEquals(200, reply.status(), reply.body()));
        assertEquals(40L, star.countsOf(star).get(0));
        assertEquals(40, new HashSet<>(everyId(star, star, "followers", 50)).size());

        List<Reply> unfollows = concurrently(20, 20, i -> fans.get(i).unfollow(star));
        unfollows.forEach(reply -> assertEquals(204, reply.status(), reply.body()));
        assertEquals(List.of(20L, 0L, 0L), star.countsOf(star));
        Set<String> remaining = new HashSet<>(everyId(star, star, "followers", 7));
        assertEquals(fans.subList(20, 40).stream().map(User::id).collect(Collectors.toSet()), remaining);
        assertEquals(List.of(0L, 0L, 0L), star.countsOf(fans.get(0)));
        assertEquals(List.of(0L, 1L, 0L), star.countsOf(fans.get(39)));
    }

    @Test
    void onePairFlipFloppingConcurrently_endsWithEdgeAndCountsInAgreement() throws Exception {
        User masha = signUp();
        User ivan = signUp();
        List<Reply> replies = concurrently(16, 40, i -> i % 2 == 0 ? masha.follow(ivan) : masha.unfollow(ivan));
        replies.forEach(reply -> assertTrue(reply.status() == 200 || reply.status() == 204, reply.status() + " " + reply.body()));

        boolean following = masha.relationshipWith(ivan).path("following").asBoolean();
        long expected = following ? 1 : 0;
        assertEquals(List.of(expected, 0L, 0L), masha.countsOf(ivan));
        assertEquals(List.of(0L, expected, 0L), ivan.countsOf(masha));
        assertEquals(following ? List.of(masha.id()) : List.of(), ids(ivan.list(ivan, "followers", "").json()));

        masha.followed(ivan);
        assertEquals(List.of(1L, 0L, 0L), masha.countsOf(ivan));
        masha.unfollowed(ivan);
        assertEquals(List.of(0L, 0L, 0L), masha.countsOf(ivan));
    }

    // --- lists and cursors ------------------------------------------------------------------------------------

    @Test
    void followers_comeNewestFirst_inPagesWithoutDuplicates() throws Exception {
        User star = signUp();
        List<User> fans = signUp(25);
        for (User fan : fans) { // one after another, so the order of following is known
            assertEquals("following", fan.followed(star));
        }
        List<String> newestFirst = new ArrayList<>(fans.stream().map(User::id).toList());
        Collections.reverse(newestFirst);

        Reply first = star.list(star, "followers", "?limit=10");
        assertEquals(200, first.status(), first.body());
        assertEquals(10, first.json().path("items").size());
        JsonNode row = first.json().at("/items/0");
        assertEquals(fans.get(24).username(), row.path("username").asText());
        assertEquals("Маша Петрова", row.path("displayName").asText());

        String cursor = first.json().path("nextCursor").asText();
        Reply second = star.list(star, "followers", "?limit=10&cursor=" + cursor);
        assertEquals(10, second.json().path("items").size());
        Reply third = star.list(star, "followers", "?limit=10&cursor=" + second.json().path("nextCursor").asText());
        assertEquals(5, third.json().path("items").size());
        assertTrue(third.json().path("nextCursor").isMissingNode() || third.json().path("nextCursor").isNull(), third.body());

        List<String> all = new ArrayList<>(ids(first.json()));
        all.addAll(ids(second.json()));
        all.addAll(ids(third.json()));
        assertEquals(newestFirst, all);
        assertEquals(newestFirst, everyId(fans.get(0), star, "followers", 20)); // anyone may read a public list

        // whom one fan follows: by key order, with cursors of that list only
        User fan = fans.get(0);
        List<User> followed = signUp(3);
        followed.forEach(other -> fan.followed(other));
        List<String> expected = new ArrayList<>(followed.stream().map(User::id).toList());
        expected.add(star.id());
        expected.sort(null);
        assertEquals(expected, everyId(star, fan, "following", 1));
    }

    @Test
    void cursors_cannotBeForgedOrReused_andLimitsAreChecked() throws Exception {
        User star = signUp();
        User other = signUp();
        for (User fan : signUp(3)) {
            fan.followed(star);
            fan.followed(other);
        }
        String cursor = star.list(star, "followers", "?limit=1").json().path("nextCursor").asText();
        int dot = cursor.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("\"after\":\"", "\"after\":\"9").getBytes(StandardCharsets.UTF_8)) + cursor.substring(dot);
        for (String bad : List.of(forged, cursor + "x", "not-a-cursor", cursor.substring(0, dot))) {
            Reply reply = star.list(star, "followers", "?cursor=" + URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertEquals(400, reply.status(), bad + " -> " + reply.body());
            assertEquals("invalid-cursor", reply.problemType());
        }
        // a cursor is for one list of one account
        assertEquals("invalid-cursor", star.list(other, "followers", "?cursor=" + cursor).problemType());
        assertEquals("invalid-cursor", star.list(star, "following", "?cursor=" + cursor).problemType());
        for (String limit : List.of("0", "51", "-1", "ten")) {
            Reply reply = star.list(star, "followers", "?limit=" + limit);
            assertEquals(400, reply.status(), limit);
            assertEquals("invalid-request", reply.problemType());
            assertEquals("limit", reply.json().at("/errors/0/field").asText());
        }
        assertEquals(400, star.send("GET", "/v1/me/follow-requests?limit=0", null).status());
    }

    // --- private accounts ---------------------------------------------------------------------------------------

    @Test
    void privateAccount_getsRequests_thatItApproves() {
        User owner = signUp();
        User fan = signUp();
        owner.makePrivate(true);
        assertTrue(fan.profile(owner).path("private").asBoolean());

        assertEquals("requested", fan.followed(owner));
        assertEquals("requested", fan.followed(owner));
        assertTrue(fan.relationshipWith(owner).path("requested").asBoolean());
        assertFalse(fan.relationshipWith(owner).path("following").asBoolean());
        assertEquals(List.of(0L, 0L, 0L), fan.countsOf(owner));

        Reply requests = owner.send("GET", "/v1/me/follow-requests", null);
        assertEquals(200, requests.status(), requests.body());
        assertEquals(List.of(fan.id()), ids(requests.json()));
        assertEquals(fan.username(), requests.json().at("/items/0/username").asText());
        assertFalse(requests.json().at("/items/0/requestedAt").asText().isEmpty());

        Reply approved = owner.send("POST", "/v1/me/follow-requests/" + fan.username(), null);
        assertEquals(204, approved.status(), approved.body());
        assertTrue(fan.relationshipWith(owner).path("following").asBoolean());
        assertFalse(fan.relationshipWith(owner).path("requested").asBoolean());
        assertEquals(List.of(1L, 0L, 0L), fan.countsOf(owner));
        assertEquals(List.of(0L, 1L, 0L), owner.countsOf(fan));
        assertEquals(List.of(), ids(owner.send("GET", "/v1/me/follow-requests", null).json()));
        assertEquals("following", fan.followed(owner));

        assertNotFound(owner.send("POST", "/v1/me/follow-requests/" + fan.username(), null));
        assertEquals(List.of(1L, 0L, 0L), fan.countsOf(owner));
    }

    @Test
    void privateAccount_declinesOrIsWithdrawnFrom_andRequestsListNewestFirst() throws Exception {
        User owner = signUp();
        owner.makePrivate(true);
        List<User> askers = signUp(3);
        for (User asker : askers) {
            assertEquals("requested", asker.followed(owner));
        }
        assertEquals(List.of(askers.get(2).id(), askers.get(1).id(), askers.get(0).id()),
                ids(owner.send("GET", "/v1/me/follow-requests", null).json()));
        Reply firstPage = owner.send("GET", "/v1/me/follow-requests?limit=2", null);
        assertEquals(2, firstPage.json().path("items").size());
        Reply rest = owner.send("GET", "/v1/me/follow-requests?limit=2&cursor=" + firstPage.json().path("nextCursor").asText(), null);
        assertEquals(List.of(askers.get(0).id()), ids(rest.json()));

        assertEquals(204, owner.send("DELETE", "/v1/me/follow-requests/" + askers.get(0).username(), null).status());
        assertEquals(204, owner.send("DELETE", "/v1/me/follow-requests/" + askers.get(0).username(), null).status());
        assertFalse(askers.get(0).relationshipWith(owner).path("requested").asBoolean());
        askers.get(1).unfollowed(owner); // withdraws the request
        assertEquals(List.of(askers.get(2).id()), ids(owner.send("GET", "/v1/me/follow-requests", null).json()));
        assertEquals(List.of(0L, 0L, 0L), owner.countsOf(owner));

        // going public: new follows are immediate; a pending request can still be approved
        owner.makePrivate(false);
        assertEquals("following", askers.get(0).followed(owner));
        assertEquals(204, owner.send("POST", "/v1/me/follow-requests/" + askers.get(2).username(), null).status());
        assertEquals(List.of(2L, 0L, 0L), owner.countsOf(owner));
    }

    @Test
    void privateAccountsLists_areForFollowersAndTheOwnerOnly() {
        User owner = signUp();
        User follower = signUp();
        User stranger = signUp();
        follower.followed(owner);
        owner.makePrivate(true);
        for (String which : List.of("followers", "following")) {
            assertNotFound(stranger.list(owner, which, ""));
            assertEquals(200, follower.list(owner, which, "").status());
            assertEquals(200, owner.list(owner, which, "").status());
        }
        assertEquals(List.of(follower.id()), ids(owner.list(owner, "followers", "").json()));
        JsonNode seenByStranger = stranger.profile(owner); // the profile itself, with counts, is visible
        assertTrue(seenByStranger.path("private").asBoolean());
        assertEquals(1, seenByStranger.at("/counts/followers").asInt());
        owner.makePrivate(false);
        assertEquals(200, stranger.list(owner, "followers", "").status());
    }

    @Test
    void patchMe_togglesPrivate_andRefusesNonBooleans() {
        User masha = signUp();
        masha.makePrivate(true);
        Reply me = masha.send("GET", "/v1/me", null);
        assertTrue(me.json().path("private").asBoolean(), me.body());
        masha.makePrivate(false);
        assertFalse(masha.send("GET", "/v1/me", null).json().path("private").asBoolean());
        Reply bad = masha.send("PATCH", "/v1/me", "{\"private\": \"yes\"}");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("private", bad.json().at("/errors/0/field").asText());
        Reply both = masha.send("PATCH", "/v1/me", "{\"bio\": \"Петербург\", \"private\": true}");
        assertEquals(200, both.status(), both.body());
        assertEquals("Петербург", both.json().path("bio").asText());
        assertTrue(both.json().path("private").asBoolean());
    }

    // --- blocks and mutes ----------------------------------------------------------------------------------------

    @Test
    void block_cutsFollowsBothWays_withCounts_andHidesTheBlocker() {
        User blocker = signUp();
        User blocked = signUp();
        blocker.followed(blocked);
        blocked.followed(blocker);
        assertEquals(List.of(1L, 1L, 0L), blocker.countsOf(blocker));

        assertEquals(204, blocker.put("block", blocked).status());
        assertEquals(204, blocker.put("block", blocked).status());
        assertEquals(List.of(0L, 0L, 0L), blocker.countsOf(blocker));
        JsonNode seen = blocker.profile(blocked); // the blocker still finds the account, to unblock it
        assertTrue(seen.at("/relationship/blocking").asBoolean());
        assertFalse(seen.at("/relationship/following").asBoolean());
        assertFalse(seen.at("/relationship/followedBy").asBoolean());
        assertEquals(List.of(0L, 0L, 0L), List.of(seen.at("/counts/followers").asLong(), seen.at("/counts/following").asLong(),
                seen.at("/counts/posts").asLong()));

        // to the blocked account, the blocker does not exist
        assertNotFound(blocked.profileReply(blocker));
        assertNotFound(blocked.follow(blocker));
        assertNotFound(blocked.list(blocker, "followers", ""));
        assertNotFound(blocked.list(blocker, "following", ""));
        assertNotFound(blocker.follow(blocked));
        assertNotFound(blocker.list(blocked, "followers", ""));
        assertEquals(List.of(), ids(blocker.list(blocker, "followers", "").json()));

        assertEquals(204, blocker.delete("block", blocked).status());
        assertEquals(204, blocker.delete("block", blocked).status());
        assertFalse(blocked.relationshipWith(blocker).path("following").asBoolean(), "unblocking restores no follow");
        assertEquals("following", blocked.followed(blocker));
        assertEquals(List.of(1L, 0L, 0L), blocked.countsOf(blocker));
    }

    @Test
    void blockRacingFollowsBothWays_leavesNoEdgeAndZeroCounts() throws Exception {
        User blocker = signUp();
        User blocked = signUp();
        List<Reply> replies = concurrently(12, 31, i -> switch (i % 4) {
            case 0 -> blocked.follow(blocker);
            case 1 -> blocker.follow(blocked);
            case 2 -> blocked.unfollow(blocker);
            default -> i == 15 ? blocker.put("block", blocked) : blocker.unfollow(blocked);
        });
        replies.forEach(reply -> assertTrue(List.of(200, 204, 404).contains(reply.status()), reply.status() + " " + reply.body()));
        JsonNode relationship = blocker.relationshipWith(blocked);
        assertTrue(relationship.path("blocking").asBoolean());
        assertFalse(relationship.path("following").asBoolean());
        assertFalse(relationship.path("followedBy").asBoolean());
        assertEquals(List.of(0L, 0L, 0L), blocker.countsOf(blocker));
        assertEquals(List.of(0L, 0L, 0L), blocker.countsOf(blocked));
    }

    @Test
    void block_removesPendingRequestsBothWays() {
        User owner = signUp();
        User asker = signUp();
        owner.makePrivate(true);
        asker.makePrivate(true);
        assertEquals("requested", asker.followed(owner));
        assertEquals("requested", owner.followed(asker));
        assertEquals(204, owner.put("block", asker).status());
        assertEquals(List.of(), ids(owner.send("GET", "/v1/me/follow-requests", null).json()));
        assertEquals(List.of(), ids(asker.send("GET", "/v1/me/follow-requests", null).json()));
        assertNotFound(owner.send("POST", "/v1/me/follow-requests/" + asker.username(), null));
        assertFalse(owner.relationshipWith(asker).path("requested").asBoolean());
    }

    @Test
    void mute_showsInMyRelationshipOnly_andIsIdempotent() {
        User masha = signUp();
        User ivan = signUp();
        masha.followed(ivan);
        assertEquals(204, masha.put("mute", ivan).status());
        assertEquals(204, masha.put("mute", ivan).status());
        assertTrue(masha.relationshipWith(ivan).path("muting").asBoolean());
        assertTrue(masha.relationshipWith(ivan).path("following").asBoolean(), "muting keeps the follow");
        assertFalse(ivan.relationshipWith(masha).path("muting").asBoolean());
        assertEquals(204, masha.delete("mute", ivan).status());
        assertEquals(204, masha.delete("mute", ivan).status());
        assertFalse(masha.relationshipWith(ivan).path("muting").asBoolean());
    }

    @Test
    void following_isBoundedPerAccount_andUnfollowingMakesRoom() {
        User masha = signUp();
        User ivan = signUp();
        User olga = signUp();
        masha.followed(ivan);
        // As if masha followed as many accounts as allowed: her following count, on one of its shards.
        services().get(DynamoDbClient.class).updateItem(r -> r.tableName(services().get(RossgramConfig.class).table())
                .key(ProfileCounters.shardKey(masha.id(), 0))
                .updateExpression("ADD following :more")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromN(Integer.toString(FollowService.MAX_FOLLOWING - 1)))));

        Reply refused = masha.follow(olga);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("too-many-follows", refused.problemType());
        assertEquals(FollowService.MAX_FOLLOWING, refused.json().path("limit").asInt());
        assertFalse(masha.relationshipWith(olga).path("following").asBoolean(), "the refused follow left no edge");
        assertEquals(List.of(0L, (long) FollowService.MAX_FOLLOWING, 0L), masha.countsOf(masha));
        assertEquals("following", masha.followed(ivan), "following again an account already followed still works");
        masha.unfollowed(ivan);
        assertEquals("following", masha.followed(olga));
    }

    @Test
    void muting_isBoundedPerAccount_andUnmutingMakesRoom() {
        User masha = signUp();
        User ivan = signUp();
        User olga = signUp();
        assertEquals(204, masha.put("mute", ivan).status());
        // As if masha had muted as many accounts as allowed: her muted set filled up beside ivan.
        List<String> others = java.util.stream.IntStream.range(1, BlockRepository.MAX_MUTES)
                .mapToObj(i -> String.format("01JFAKE%019d", i)).toList();
        services().get(DynamoDbClient.class).updateItem(r -> r.tableName(services().get(RossgramConfig.class).table())
                .key(FeedContext.key(masha.id())).updateExpression("ADD #ids :others")
                .expressionAttributeNames(Map.of("#ids", FeedContext.MUTED))
                .expressionAttributeValues(Map.of(":others", AttributeValue.fromSs(others))));

        Reply refused = masha.put("mute", olga);
        assertEquals(422, refused.status());
        assertEquals("too-many-mutes", refused.problemType());
        assertFalse(masha.relationshipWith(olga).path("muting").asBoolean(), "the refused mute left no edge");
        assertEquals(204, masha.put("mute", ivan).status(), "muting again an account already muted still works");
        assertEquals(204, masha.delete("mute", ivan).status());
        assertEquals(204, masha.put("mute", olga).status());
        assertTrue(masha.relationshipWith(olga).path("muting").asBoolean());
    }

    // --- what the feed work reads ------------------------------------------------------------------------------

    @Test
    void followerSlices_walkEveryFollowerOnce_newestFirst() throws Exception {
        User star = signUp();
        List<User> fans = signUp(12);
        for (User fan : fans) {
            fan.followed(star);
        }
        fans.get(0).put("mute", star);
        FollowRepository graph = services().get(FollowRepository.class);
        List<String> walked = new ArrayList<>();
        String after = null;
        int slices = 0;
        do {
            FollowerSlice slice = graph.followersAfter(star.id(), after, 5);
            walked.addAll(slice.followerIds());
            after = slice.next();
            slices++;
        } while (after != null);
        assertEquals(3, slices);
        List<String> newestFirst = new ArrayList<>(fans.stream().map(User::id).toList());
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, walked);
    }

    // --- posts count ---------------------------------------------------------------------------------------------

    @Test
    void postsCount_risesWhenAPostPublishes_andFallsWhenAPublishedPostIsDeleted() throws Exception {
        User author = signUp();
        User reader = signUp();
        PhotoResults results = services().get(PhotoResults.class);

        // published by its last photo's result
        String upload = uploadedPhoto(author);
        Reply created = author.send("POST", "/v1/posts", "{\"uploads\": [\"" + upload + "\"]}");
        assertEquals(201, created.status(), created.body());
        assertEquals("processing", created.json().path("status").asText());
        assertEquals(0L, reader.countsOf(author).get(2));
        assertEquals(PhotoResults.Outcome.POST_PUBLISHED, results.recordReady(upload, processed(author.id(), upload)));
        assertEquals(PhotoResults.Outcome.ALREADY_RECORDED, results.recordReady(upload, processed(author.id(), upload)));
        assertEquals(1L, reader.countsOf(author).get(2));

        // published at creation: its photo was processed before the post was made
        String early = uploadedPhoto(author);
        assertEquals(PhotoResults.Outcome.RECORDED, results.recordReady(early, processed(author.id(), early)));
        Reply atOnce = author.send("POST", "/v1/posts", "{\"uploads\": [\"" + early + "\"]}");
        assertEquals("published", atOnce.json().path("status").asText(), atOnce.body());
        assertEquals(2L, reader.countsOf(author).get(2));

        // a post still processing is not counted, and deleting it changes nothing
        Reply pending = author.send("POST", "/v1/posts", "{\"uploads\": [\"" + uploadedPhoto(author) + "\"]}");
        assertEquals(201, pending.status(), pending.body());
        assertEquals(204, author.send("DELETE", "/v1/posts/" + pending.json().path("id").asText(), null).status());
        assertEquals(2L, reader.countsOf(author).get(2));

        assertEquals(204, author.send("DELETE", "/v1/posts/" + created.json().path("id").asText(), null).status());
        assertEquals(1L, reader.countsOf(author).get(2));
        assertEquals(404, author.send("DELETE", "/v1/posts/" + created.json().path("id").asText(), null).status());
        assertEquals(List.of(0L, 0L, 1L), author.countsOf(author));
    }

    /** An upload ticket whose photo was sent through its URL, as a phone sends it. */
    private static String uploadedPhoto(User user) throws Exception {
        byte[] bytes = new byte[2048];
        ThreadLocalRandom.current().nextBytes(bytes);
        return user.uploadJpeg("post", bytes);
    }

    private static PhotoRecord processed(String userId, String uploadId) {
        return new PhotoRecord(1080, 1080, "#5a7d9a", "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                List.of(new PhotoRecord.Rendition("w320", MediaKeys.thumbnailKey(userId, uploadId, "w320"), 320, 320)));
    }

    @Test
    void socialRoutes_needSignIn() {
        User anonymous = new User(null, null, null, hosts.api());
        User target = new User(null, "masha", null, null);
        for (Reply reply : List.of(anonymous.profileReply(target), anonymous.follow(target), anonymous.put("block", target),
                anonymous.list(target, "followers", ""), anonymous.send("GET", "/v1/me/follow-requests", null))) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("unauthorized", reply.problemType());
        }
    }
}
