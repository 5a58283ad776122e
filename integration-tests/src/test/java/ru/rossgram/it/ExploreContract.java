package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.explore.ExploreRanking;
import ru.rossgram.shared.explore.ExploreRepository;
import ru.rossgram.shared.explore.TrendingRepository;

/**
 * Explore end to end: likes and comments through the API, the {@code compute-explore} function run as its schedule
 * runs it (its sample Scheduled Event), the page through {@code GET /v1/explore}. The table is shared with the other
 * contracts of the run, whose liked posts are in the snapshot too, so every assertion is about this test's own posts:
 * whether they appear, and in which order among themselves.
 */
abstract class ExploreContract extends Contract {
    protected ExploreContract() {
        super("ComputeExploreFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private SharedServices services() {
        return hosts.services();
    }

    private User signUp() {
        return hosts.signUp("explore");
    }

    private String publish(User author) {
        return hosts.publishedPost(author, "");
    }

    /** One run of the job, fired as the schedule fires it: what the function answered. */
    private String runJob() {
        FunctionSpec job = backend().template().function("ComputeExploreFunction").orElseThrow();
        try {
            String event = Files.readString(FunctionModules.sampleEvents(backend().template(), job).get(0));
            return hosts.shared().invoke(job, event);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every page of the reader's explore, {@code limit} a page: post ids in order, only those of {@code ours}. */
    private static List<String> explore(User reader, int limit, List<String> ours) {
        return reader.allPages("/v1/explore", limit).stream().filter(ours::contains).toList();
    }

    private List<String> snapshotOrder(List<String> ours) {
        return services().get(ExploreRepository.class).current().orElseThrow().candidates().stream()
                .map(ExploreRanking.Candidate::postId).filter(ours::contains).toList();
    }

    private static void liked(User liker, String postId) {
        assertEquals(204, liker.like(postId).status(), postId);
    }

    private static void commented(User commenter, String postId) {
        assertEquals(201, commenter.comment(postId, "Красота!").status(), postId);
    }

    // --- explore --------------------------------------------------------------------------------------------

    @Test
    void likesAndComments_makeAPostPopular_andNothingAppearsBeforeTheJobRuns() {
        User author = signUp();
        User fan = signUp();
        User reader = signUp();
        String quiet = publish(author);
        String liked = publish(author);
        String discussed = publish(author);
        String unliked = publish(author);
        liked(fan, liked);
        commented(fan, discussed);
        liked(fan, unliked);
        assertEquals(204, fan.unlike(unliked).status());
        List<String> ours = List.of(quiet, liked, discussed, unliked);

        assertEquals(List.of(), explore(reader, 50, ours), "computed ahead: nothing before the job has run");
        assertNotNull(runJob());

        assertEquals(List.of(discussed, liked), explore(reader, 50, ours),
                "a comment outweighs a like; no engagement, or a like taken back, leaves a post out");
        JsonNode shown = firstPageItem(reader, discussed);
        assertEquals(1, shown.path("commentCount").asLong());
        assertFalse(shown.path("photos").get(0).path("urls").isEmpty(), "with its thumbnails");
        assertEquals(1, firstPageItem(fan, liked).path("likeCount").asLong());
        assertTrue(firstPageItem(fan, liked).path("likedByMe").asBoolean(), "likes by me, as the feed shows them");
    }

    @Test
    void thePage_isTheSnapshotsOrder_inPagesOfAnyLength() {
        User reader = signUp();
        List<User> fans = List.of(signUp(), signUp(), signUp(), signUp());
        List<String> ours = new ArrayList<>();
        for (int likes = 1; likes <= 4; likes++) {
            String post = publish(signUp());
            for (int i = 0; i < likes; i++) {
                liked(fans.get(i), post);
            }
            ours.add(post);
        }
        runJob();

        List<String> expected = List.of(ours.get(3), ours.get(2), ours.get(1), ours.get(0));
        assertEquals(expected, snapshotOrder(ours), "more likes rank higher");
        assertEquals(expected, explore(reader, 50, ours));
        assertEquals(expected, explore(reader, 1, ours), "one post a page walks the same order");
        assertEquals(expected, explore(reader, 7, ours));
    }

    @Test
    void aCursor_goesOnAfterTheJobRunsAgain_andServesOnlyItsReader() {
        User reader = signUp();
        User other = signUp();
        User fan = signUp();
        liked(fan, publish(signUp()));
        liked(fan, publish(signUp()));
        runJob();
        Reply first = reader.send("GET", "/v1/explore?limit=1", null);
        assertEquals(200, first.status(), first.body());
        String cursor = first.json().path("nextCursor").asText();
        assertFalse(cursor.isEmpty(), "two posts at least: a next page");

        runJob();
        Reply next = reader.send("GET", "/v1/explore?limit=1&cursor=" + cursor, null);
        assertEquals(200, next.status(), "a cursor of an older snapshot goes on in the new one: " + next.body());
        Reply foreign = other.send("GET", "/v1/explore?limit=1&cursor=" + cursor, null);
        assertEquals(400, foreign.status());
        assertEquals("invalid-cursor", foreign.problemType());
        Reply feeds = reader.send("GET", "/v1/feed?cursor=" + cursor, null);
        assertEquals(400, feeds.status(), "an explore cursor is no feed cursor");
        assertEquals(400, reader.send("GET", "/v1/explore?limit=51", null).status());
        assertEquals(401, hosts.api().send("GET", "/v1/explore", null, Map.of()).status());
    }

    @Test
    void followedBlockedMutedAndOwnPosts_areLeftOutForTheReader_butNotForOthers() {
        User reader = signUp();
        User stranger = signUp();
        User fan = signUp();
        User followed = signUp();
        User blockedByReader = signUp();
        User blockingReader = signUp();
        User muted = signUp();
        User open = signUp();
        String followedPost = publish(followed);
        String blockedPost = publish(blockedByReader);
        String blockingPost = publish(blockingReader);
        String mutedPost = publish(muted);
        String openPost = publish(open);
        String ownPost = publish(reader);
        List<String> ours = List.of(followedPost, blockedPost, blockingPost, mutedPost, openPost, ownPost);
        ours.forEach(post -> liked(fan, post));
        reader.followed(followed);
        assertEquals(204, reader.put("block", blockedByReader).status());
        assertEquals(204, blockingReader.put("block", reader).status());
        assertEquals(204, reader.put("mute", muted).status());
        runJob();

        assertEquals(List.of(openPost), explore(reader, 50, ours),
                "never own posts, nor those of accounts followed, blocked either way, or muted");
        assertEquals(ours.stream().sorted().toList(), explore(stranger, 50, ours).stream().sorted().toList(),
                "what the reader's relations leave out, others see");
    }

    @Test
    void privateAccountsAndGatedPosts_neverAppear() {
        User reader = signUp();
        User fan = signUp();
        User turnedPrivate = signUp();
        User creator = signUp();
        String privatePost = publish(turnedPrivate);
        String paidPost = creator.published(List.of(hosts.lockedUpload(creator)), "\"price\": 9900");
        String open = publish(creator);
        List<String> ours = List.of(privatePost, paidPost, open);
        ours.forEach(post -> liked(fan, post));
        commented(fan, paidPost);
        turnedPrivate.makePrivate(true);
        runJob();

        assertEquals(List.of(open), snapshotOrder(ours), "the job lists only what anyone may open, by public accounts");
        assertEquals(List.of(open), explore(reader, 50, ours));

        User later = signUp();
        String turning = publish(later);
        liked(fan, turning);
        runJob();
        later.makePrivate(true);
        assertEquals(List.of(), explore(reader, 50, List.of(turning)), "an account turned private since the run is left out");
    }

    @Test
    void engagementOfAnHourOutsideTheWindow_doesNotCount() {
        User reader = signUp();
        User author = signUp();
        String post = publish(author);
        Instant longAgo = Instant.now().minus(Duration.ofHours(50));
        TransactionWriter transactions = services().get(TransactionWriter.class);
        assertTrue(transactions.write(List.of(services().get(TrendingRepository.class)
                .engagementItem(post, author.id(), 1000, longAgo))).isEmpty());
        runJob();
        assertEquals(List.of(), explore(reader, 50, List.of(post)), "the 48-hour window leaves out an hour 50 hours ago");

        liked(signUp(), post);
        runJob();
        assertEquals(List.of(post), explore(reader, 50, List.of(post)));
        double score = services().get(ExploreRepository.class).current().orElseThrow().candidates().stream()
                .filter(candidate -> candidate.postId().equals(post)).findFirst().orElseThrow().score();
        assertEquals(1.0, score, 0.1, "only this hour's like counts");
    }

    /** The item of {@code postId} on the reader's explore pages. */
    private static JsonNode firstPageItem(User reader, String postId) {
        String cursor = null;
        do {
            JsonNode page = reader.ok("GET", "/v1/explore?limit=50" + (cursor == null ? "" : "&cursor=" + cursor), null, 200).json();
            for (JsonNode item : page.path("items")) {
                if (item.path("id").asText().equals(postId)) {
                    return item;
                }
            }
            cursor = page.hasNonNull("nextCursor") ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        throw new AssertionError(postId + " is not on " + reader.username() + "'s explore");
    }
}
