package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.feeds.FanOutAction;
import ru.rossgram.shared.feeds.FanOutJob;
import ru.rossgram.shared.feeds.FanOutJobs;
import ru.rossgram.shared.feeds.FeedContext;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.FollowRepository;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Home feeds and profile grids, end to end through the real routes and handlers, the fan-out function included:
 * publishing stores a task object as on S3, and {@link #deliverFanOutTasks()} hands every stored task to the
 * fan-out function as the storage event S3 would send (the local runner does the same by itself). The fan-out
 * here serves 4 followers per step and treats authors with more than 8 followers as celebrities, so that small
 * graphs cross both limits.
 */
abstract class FeedsContract extends Contract {
    static final int FOLLOWERS_PER_STEP = 4;
    static final int THRESHOLD = 8;
    private static final Map<String, String> FEED_SETTINGS = Map.of(
            "ROSSGRAM_FEEDS_FOLLOWERS_PER_STEP", Integer.toString(FOLLOWERS_PER_STEP),
            "ROSSGRAM_FEEDS_FAN_OUT_THRESHOLD", Integer.toString(THRESHOLD));



    protected FeedsContract() {
        super("CreatePostFunction", FEED_SETTINGS);
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private SharedServices services() {
        return hosts.services();
    }

    private DynamoDbClient dynamo() {
        return services().get(DynamoDbClient.class);
    }

    private String table() {
        return services().get(RossgramConfig.class).table();
    }

    private FunctionSpec fanOutFunction() {
        return backend().template().function("FanOutFunction").orElseThrow();
    }

    private User signUp() {
        return hosts.signUp("feed");
    }

    /** A post of {@code author}'s, published at once (its photo was processed before posting). */
    private String publish(User author) {
        return hosts.publishedPost(author, "");
    }

    private List<String> pendingFanOutTasks() {
        return hosts.pendingFanOutTasks();
    }

    /** Delivers every stored fan-out task to the fan-out function, and the tasks they queue, until none is left. */
    private List<String> deliverFanOutTasks() {
        return hosts.deliverFanOutTasks(hosts.shared());
    }

    private List<String> deliverFanOutTasks(FunctionHost through) {
        return hosts.deliverFanOutTasks(through);
    }

    /** The storage event S3 sends when a task object is stored. */
    private String taskStored(String key) {
        return hosts.taskStored(key);
    }

    private long feedItems(String userId, String postId) {
        return dynamo().query(r -> r.tableName(table()).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk = :sk")
                .expressionAttributeValues(Map.of(":pk", Attrs.s("FEED#" + userId), ":sk", Attrs.s(postId)))).count();
    }

    // --- feeds ----------------------------------------------------------------------------------------------

    @Test
    void aPostForSubscribers_fannedOut_isLockedInAFollowersFeed_andOpenInASubscribersFeed() {
        User creator = signUp();
        User follower = signUp();
        User subscriber = signUp();
        follower.followed(creator);
        subscriber.followed(creator);
        String tier = creator.ok("POST", "/v1/me/tiers", "{\"name\": \"Круг\", \"price\": 10000}", 201).json().path("id").asText();
        assertTrue(services().get(TransactionWriter.class).write(List.of(services().get(SubscriptionAccess.class).putItem(
                new SubscriptionAccess.Access(subscriber.id(), creator.id(), tier, Instant.now().plus(Duration.ofDays(30)))))).isEmpty());
        String post = creator.published(List.of(hosts.lockedUpload(creator)), "\"minTierRank\": 1");
        deliverFanOutTasks();

        // The fan-out flags the item, so the page reads the reader's access with the post: no flag, no access read.
        JsonNode locked = follower.feedPage().at("/items/0");
        assertEquals(post, locked.path("id").asText());
        assertTrue(locked.path("locked").asBoolean(), locked.toString());
        JsonNode open = subscriber.feedPage().at("/items/0");
        assertEquals(post, open.path("id").asText());
        assertFalse(open.path("locked").asBoolean(), open.toString());
    }

    @Test
    void twoUsersWhoFollowEachOther_seeBothTheirPosts_newestFirst() {
        User masha = signUp();
        User petya = signUp();
        masha.followed(petya);
        petya.followed(masha);
        String first = publish(masha);
        String second = publish(petya);
        String third = publish(masha);
        deliverFanOutTasks();

        assertEquals(List.of(third, second, first), masha.feed());
        assertEquals(List.of(third, second, first), petya.feed());
        assertEquals(List.of(third, first), petya.grid(masha));
        assertEquals(List.of(second), masha.grid(petya));
    }

    @Test
    void aPostReachesEveryFollower_onceEach_inStepsOfFour() {
        User author = signUp();
        List<User> followers = new ArrayList<>();
        for (int i = 0; i < THRESHOLD; i++) { // exactly at the threshold: still fanned out
            User follower = signUp();
            follower.followed(author);
            followers.add(follower);
        }
        String postId = publish(author);
        List<String> steps = deliverFanOutTasks().stream().filter(key -> key.contains(postId)).toList();

        assertTrue(steps.size() >= THRESHOLD / FOLLOWERS_PER_STEP, "steps: " + steps);
        assertTrue(steps.stream().anyMatch(key -> key.endsWith("/1")), "the second step ran: " + steps);
        for (User follower : followers) {
            assertEquals(1, feedItems(follower.id(), postId), follower.username());
            assertEquals(List.of(postId), follower.feed());
        }
        assertEquals(1, feedItems(author.id(), postId), "the author's own feed has it too");
        assertEquals(List.of(), pendingFanOutTasks());
    }

    @Test
    void aRepeatedOrConcurrentStep_givesNobodyThePostTwice() throws Exception {
        User author = signUp();
        List<User> followers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            User follower = signUp();
            follower.followed(author);
            followers.add(follower);
        }
        String postId = publish(author);
        String firstStep = pendingFanOutTasks().stream().filter(key -> key.contains(postId)).findFirst().orElseThrow();
        String event = taskStored(firstStep);
        FunctionHost other = hosts.start(Map.of());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> hosts.shared().invoke(fanOutFunction(), event));
            var b = pool.submit(() -> other.invoke(fanOutFunction(), event));
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
        hosts.shared().invoke(fanOutFunction(), event); // and once more, late
        deliverFanOutTasks();
        for (User follower : followers) {
            assertEquals(List.of(postId), follower.feed());
        }
    }

    @Test
    void aStepThatFailsHalfWay_isRetried_andNoFollowerIsSkipped() {
        User author = signUp();
        List<User> followers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            User follower = signUp();
            follower.followed(author);
            followers.add(follower);
        }
        String postId = publish(author);
        // This host cannot reach S3: its step serves its four followers and moves the cursor, then fails to queue
        // the next step and throws, as a Lambda invocation would.
        FunctionHost brokenS3 = hosts.start(Map.of("AWS_ENDPOINT_URL_S3", Addresses.closedPortUrl()));
        String firstStep = pendingFanOutTasks().stream().filter(key -> key.contains(postId)).findFirst().orElseThrow();
        String event = taskStored(firstStep);
        assertThrows(RuntimeException.class, () -> brokenS3.invoke(fanOutFunction(), event));

        deliverFanOutTasks(); // the platform retries the same event; the step goes on from the cursor
        for (User follower : followers) {
            assertEquals(1, feedItems(follower.id(), postId), follower.username());
        }
    }

    @Test
    void aCelebritysPost_isNotFannedOut_butFollowersSeeIt_mergedWhenTheyRead() {
        User star = signUp();
        List<User> fans = new ArrayList<>();
        for (int i = 0; i <= THRESHOLD; i++) {
            User fan = signUp();
            fan.followed(star);
            fans.add(fan);
        }
        User friend = signUp();
        User fan = fans.get(0);
        fan.followed(friend);
        String older = publish(friend);
        String crossing = publish(star); // over the threshold: fanned out once more, and the star is marked
        List<String> delivered = deliverFanOutTasks();
        assertEquals(1, feedItems(fan.id(), crossing), "the post that makes a celebrity is still fanned out");
        assertTrue(delivered.stream().anyMatch(key -> key.startsWith("tasks/fanout/mark/" + star.id() + "/" + crossing)),
                "and the followers are marked: " + delivered);
        String starPost = publish(star);
        String newer = publish(friend);
        deliverFanOutTasks();

        assertEquals(0, feedItems(fan.id(), starPost), "no fan-out write for a celebrity");
        assertEquals(1, feedItems(star.id(), starPost), "but the author's own feed has it");
        assertEquals(List.of(newer, starPost, crossing, older), fan.feed());
        assertEquals(List.of(starPost, crossing), fans.get(1).feed());
        User second = fans.get(1);
        assertEquals(204, second.send("PUT", "/v1/users/" + star.username() + "/mute", null).status());
        assertEquals(List.of(), second.feed(), "a muted celebrity's posts are not merged in");
        assertEquals(204, second.send("DELETE", "/v1/users/" + star.username() + "/mute", null).status());
        assertEquals(List.of(starPost, crossing), second.feed());
        fan.unfollowed(star);
        assertEquals(List.of(newer, older), fan.feed());

        User late = signUp(); // follows once the star is one: her posts are merged, none copied in
        late.followed(star);
        assertEquals(0, feedItems(late.id(), starPost));
        assertEquals(List.of(starPost, crossing), late.feed());
        dynamo().updateItem(r -> r.tableName(table()).key(FeedContext.key(late.id())).updateExpression("DELETE #ids :star")
                .expressionAttributeNames(Map.of("#ids", FeedContext.CELEBRITIES))
                .expressionAttributeValues(Map.of(":star", AttributeValue.fromSs(List.of(star.id())))));
        assertEquals(List.of(), late.feed(), "as if the follow's invocation had ended right after its commit");
        late.followed(star);
        assertEquals(List.of(starPost, crossing), late.feed(), "a repeated follow finishes it");
        fan.followed(star);
        assertEquals(List.of(newer, starPost, crossing, older), fan.feed(), "following again brings her back");
        assertEquals(204, late.send("PUT", "/v1/users/" + star.username() + "/block", null).status());
        assertEquals(List.of(), late.feed(), "nor after a block");
    }

    /**
     * Marking a celebrity's followers once wrote up to 100 contexts per transaction; YDB's Document API takes 25.
     * The job now writes chunks of 25 that commit one by one, so a failure between two leaves some followers noted
     * and the rest not, and the retried step (its cursor unmoved) notes everyone, each exactly once.
     */
    @Test
    void markingACelebritysFollowers_commitsAtMost25ContextsATransaction_andARetryAfterAFailureBetweenChunksNotesEveryone()
            throws Exception {
        User star = signUp();
        List<String> followerIds = followersWrittenDirectly(star, 60);
        String crossing = publish(star);
        Map<String, String> oneStep = Map.of("ROSSGRAM_FEEDS_FOLLOWERS_PER_STEP", "100");
        String database = backend().functionEnvironment(fanOutFunction()).get("AWS_ENDPOINT_URL_DYNAMODB");
        try (FailingDynamoDb secondChunkFails = FailingDynamoDb.failingAfter("TransactWriteItems", 1, database)) {
            Map<String, String> env = new HashMap<>(oneStep);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", secondChunkFails.url());
            FunctionHost failing = hosts.start(env);
            assertThrows(RuntimeException.class, () -> deliverFanOutTasks(failing), "the marking step fails, to be retried");
            assertTrue(secondChunkFails.refused() > 0, "its second transaction was what failed");
            assertEquals(25, secondChunkFails.largestTransaction());
        }
        assertEquals(25, notedFollowers(followerIds, star), "the first chunk committed alone");

        try (FailingDynamoDb watched = FailingDynamoDb.forwarding(database)) {
            Map<String, String> env = new HashMap<>(oneStep);
            env.put("AWS_ENDPOINT_URL_DYNAMODB", watched.url());
            deliverFanOutTasks(hosts.start(env)); // the platform's retry of the same task
            assertEquals(25, watched.largestTransaction());
        }
        assertEquals(60, notedFollowers(followerIds, star), "every follower noted");
        FanOutJob job = services().get(FanOutJobs.class).find(crossing, FanOutAction.MARK).orElseThrow();
        assertTrue(job.done());
        assertEquals(60, job.delivered(), "each follower counted once, though the first 25 were noted twice");
    }

    /** {@code count} followers of {@code author}, their edges and her count written as follows write them. */
    private List<String> followersWrittenDirectly(User author, int count) {
        TransactionWriter transactions = services().get(TransactionWriter.class);
        FollowRepository follows = services().get(FollowRepository.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String followerId = services().get(IdGenerator.class).newId();
            assertTrue(transactions.write(List.of(follows.putEdgeItem(followerId, author.id(), Instant.now())))
                    .isEmpty());
            ids.add(followerId);
        }
        assertTrue(transactions.write(List.of(services().get(ProfileCounters.class)
                .changeItem(author.id(), Counter.FOLLOWERS, count))).isEmpty());
        return ids;
    }

    /** How many of {@code followerIds} have {@code celebrity} in their feed context. */
    private long notedFollowers(List<String> followerIds, User celebrity) {
        return followerIds.stream().filter(id -> {
            var item = dynamo().getItem(r -> r.tableName(table()).key(FeedContext.key(id)).consistentRead(true)).item();
            AttributeValue ids = item == null ? null : item.get(FeedContext.CELEBRITIES);
            return ids != null && ids.hasSs() && ids.ss().contains(celebrity.id());
        }).count();
    }

    @Test
    void unfollowingHidesOldPosts_mutingHidesThem_andFollowingBringsRecentOnes() {
        User reader = signUp();
        User author = signUp();
        String before = publish(author); // published before anyone followed
        reader.followed(author);
        assertEquals(List.of(before), reader.feed(), "following brings the recent posts in");
        String after = publish(author);
        deliverFanOutTasks();
        assertEquals(List.of(after, before), reader.feed());

        assertEquals(204, reader.send("PUT", "/v1/users/" + author.username() + "/mute", null).status());
        assertEquals(List.of(), reader.feed());
        assertEquals(204, reader.send("DELETE", "/v1/users/" + author.username() + "/mute", null).status());
        assertEquals(List.of(after, before), reader.feed());

        reader.unfollowed(author);
        assertEquals(List.of(), reader.feed());
    }

    @Test
    void aDeletedPost_leavesEveryFeed() {
        User author = signUp();
        User reader = signUp();
        reader.followed(author);
        String kept = publish(author);
        String deleted = publish(author);
        deliverFanOutTasks();
        assertEquals(List.of(deleted, kept), reader.feed());

        assertEquals(204, author.send("DELETE", "/v1/posts/" + deleted, null).status());
        assertEquals(List.of(kept), reader.feed(), "hidden at once");
        deliverFanOutTasks();
        assertEquals(0, feedItems(reader.id(), deleted), "and removed by the fan-out");
        assertEquals(0, feedItems(author.id(), deleted));
    }

    @Test
    void pagesAreNewestFirst_withoutGapsOrRepeats_andCursorsCannotBeForged() {
        User reader = signUp();
        User a = signUp();
        User b = signUp();
        reader.followed(a);
        reader.followed(b);
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            published.add(publish(i % 3 == 0 ? b : a));
        }
        deliverFanOutTasks();
        List<String> newestFirst = new ArrayList<>(published);
        java.util.Collections.reverse(newestFirst);

        assertEquals(newestFirst, reader.allPages("/v1/feed", 5));
        User stranger = signUp(); // now the reader has a feed context, which the first page's Query returns too
        assertEquals(204, reader.send("PUT", "/v1/users/" + stranger.username() + "/mute", null).status());
        for (int limit : new int[] {1, 5, 13, 14}) {
            assertEquals(newestFirst, reader.allPages("/v1/feed", limit), "pages of " + limit);
        }
        Reply firstPage = reader.send("GET", "/v1/feed?limit=5", null);
        assertEquals(5, firstPage.json().path("items").size());
        String cursor = firstPage.json().path("nextCursor").asText();
        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        Reply refused = reader.send("GET", "/v1/feed?cursor=" + forged, null);
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("invalid-cursor"), refused.body());
        Reply borrowed = a.send("GET", "/v1/feed?cursor=" + cursor, null);
        assertEquals(400, borrowed.status(), "another reader's cursor");
        assertEquals(400, reader.send("GET", "/v1/feed?limit=0", null).status());
    }

    // --- grids ----------------------------------------------------------------------------------------------

    @Test
    void aPrivateAccountsGrid_isForItsFollowers_andABlockHidesIt() {
        User owner = signUp();
        User follower = signUp();
        User stranger = signUp();
        String postId = publish(owner);
        follower.followed(owner);
        assertEquals(200, owner.send("PATCH", "/v1/me", "{\"private\": true}").status());

        assertEquals(List.of(postId), follower.grid(owner));
        assertEquals(List.of(postId), owner.grid(owner));
        assertEquals(404, stranger.send("GET", "/v1/users/" + owner.username() + "/posts", null).status());

        assertEquals(204, owner.send("PUT", "/v1/users/" + follower.username() + "/block", null).status());
        assertEquals(404, follower.send("GET", "/v1/users/" + owner.username() + "/posts", null).status());
        assertEquals(List.of(), follower.feed(), "a block ends the follow, so the feed drops the posts too");
        assertEquals(List.of(postId), owner.grid(owner));
    }
}
