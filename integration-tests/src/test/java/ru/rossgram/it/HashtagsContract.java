package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.hashtags.HashtagIndex;
import ru.rossgram.shared.hashtags.HashtagSearch;
import ru.rossgram.shared.hashtags.TagMatch;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;

/**
 * Hashtag pages ({@code GET /v1/hashtags/{tag}/posts}), the index behind them and hashtag search, end to end: posts
 * are published through the API and indexed by the fan-out's first step, delivered here as S3 would deliver it.
 */
abstract class HashtagsContract extends Contract {
    protected HashtagsContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private User signUp() {
        return hosts.signUp("tags");
    }

    private FanOutDelivery fanOut() {
        return new FanOutDelivery(hosts, backend());
    }

    /** A tag no other test uses: {@code base} and digits. */
    private static String unique(String base) {
        return base + ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L);
    }

    /** A post of {@code author}'s with {@code caption}, published at once; not yet indexed. */
    private String post(User author, String caption) {
        return hosts.publishedPost(author, "\"caption\": " + json(caption));
    }

    private void index() {
        fanOut().deliver(hosts.shared());
    }

    private Reply pageReply(User reader, String tag, String query) {
        return reader.send("GET", "/v1/hashtags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/posts" + query, null);
    }

    private JsonNode page(User reader, String tag) {
        Reply reply = pageReply(reader, tag, "?limit=50");
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private List<String> allPages(User reader, String tag, int limit) {
        return reader.allPages("/v1/hashtags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/posts", limit);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // --- the page -------------------------------------------------------------------------------------------

    @Test
    void oneTag_isOnePage_whateverItsCase_itsЁ_orHowItsLettersAreComposed() {
        String tag = unique("елка");
        String digits = tag.substring("елка".length());
        User author = signUp();
        String upper = post(author, "Праздник #ЁЛКА" + digits);
        String decomposed = post(author, "#е\u0308лка" + digits + " у окна"); // ё typed as е + combining diaeresis
        String plain = post(author, "#елка" + digits);
        index();

        User reader = signUp();
        for (String asked : List.of("#Ёлка" + digits, "ЁЛКА" + digits, "елка" + digits, "еЛкА" + digits,
                "#е\u0308лка" + digits)) {
            JsonNode page = page(reader, asked);
            assertEquals(tag, page.path("tag").asText(), asked);
            assertEquals(3, page.path("postCount").asLong(), asked);
            assertEquals(List.of(plain, decomposed, upper), User.ids(page), asked);
        }
    }

    @Test
    void aTagsPosts_areNewestFirst_pageByPage() {
        String tag = unique("baikal");
        User anna = signUp();
        User petya = signUp();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(0, post(i % 2 == 0 ? anna : petya, "Лёд #" + tag + " #winter"));
        }
        index();

        assertEquals(posted, allPages(signUp(), tag, 2));
        assertEquals(5, page(anna, tag).path("postCount").asLong());
    }

    @Test
    void aMalformedTag_is400NamingTag_andAnUnusedOne_anEmptyPage() {
        User reader = signUp();
        Reply bad = pageReply(reader, "#a-b", "");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("tag", bad.json().at("/errors/0/field").asText(), bad.body());

        JsonNode empty = page(reader, unique("nobody"));
        assertEquals(0, empty.path("postCount").asLong());
        assertEquals(List.of(), User.ids(empty));
    }

    @Test
    void aDeletedPost_leavesThePage_andTheCount() {
        String tag = unique("sochi");
        User author = signUp();
        String kept = post(author, "#" + tag);
        String deleted = post(author, "#" + tag + " #море");
        index();
        assertEquals(2, page(author, tag).path("postCount").asLong());

        author.ok("DELETE", "/v1/posts/" + deleted, null, 204);
        author.ok("DELETE", "/v1/posts/" + deleted, null, 404); // a repeated delete takes nothing more off

        JsonNode page = page(signUp(), tag);
        assertEquals(List.of(kept), User.ids(page));
        assertEquals(1, page.path("postCount").asLong());
    }

    @Test
    void anEditedCaption_movesThePost_fromTheDroppedTag_toTheAddedOne() {
        String was = unique("kazan");
        String is = unique("kremlin");
        String stays = unique("tatarstan");
        User author = signUp();
        String postId = post(author, "#" + was + " #" + stays);
        index();

        author.ok("PATCH", "/v1/posts/" + postId, "{\"caption\": " + json("#" + is + " #" + stays.toUpperCase()) + "}", 200);

        User reader = signUp();
        JsonNode dropped = page(reader, was);
        assertEquals(List.of(), User.ids(dropped));
        assertEquals(0, dropped.path("postCount").asLong());
        JsonNode added = page(reader, is);
        assertEquals(List.of(postId), User.ids(added));
        assertEquals(1, added.path("postCount").asLong());
        assertEquals(1, page(reader, stays).path("postCount").asLong(), "a tag kept is counted once");
    }

    @Test
    void postsOfPrivateAccounts_andOfAccountsBlockedEitherWay_areLeftOut() {
        String tag = unique("spb");
        User reader = signUp();
        User open = signUp();
        User closed = signUp();
        User blockedByReader = signUp();
        User blockingReader = signUp();
        String shown = post(open, "#" + tag);
        post(closed, "#" + tag);
        post(blockedByReader, "#" + tag);
        post(blockingReader, "#" + tag);
        index();
        closed.ok("PATCH", "/v1/me", "{\"private\": true}", 200);
        reader.ok("PUT", "/v1/users/" + blockedByReader.username() + "/block", null, 204);
        blockingReader.ok("PUT", "/v1/users/" + reader.username() + "/block", null, 204);

        JsonNode page = page(reader, tag);
        assertEquals(List.of(shown), User.ids(page));
        assertEquals(4, page.path("postCount").asLong(), "the count is the tag's, not the reader's");
        assertEquals(List.of(shown), User.ids(page(closed, tag)), "a hashtag page is public posts only, even to their author");
    }

    @Test
    void aPostForSubscribers_isShownLocked_toAReaderItDoesNotOpenFor_andOpen_toASubscriber() {
        String tag = unique("backstage");
        User creator = signUp();
        User reader = signUp();
        User subscriber = signUp();
        String tier = creator.ok("POST", "/v1/me/tiers", "{\"name\": \"Круг\", \"price\": 10000}", 201).json().path("id").asText();
        assertTrue(hosts.services().get(TransactionWriter.class).write(List.of(hosts.services().get(SubscriptionAccess.class)
                .putItem(new SubscriptionAccess.Access(subscriber.id(), creator.id(), tier,
                        Instant.now().plus(Duration.ofDays(30)))))).isEmpty());
        String postId = creator.published(List.of(hosts.lockedUpload(creator)),
                "\"minTierRank\": 1, \"caption\": " + json("#" + tag));
        index();

        JsonNode locked = page(reader, tag).at("/items/0");
        assertEquals(postId, locked.path("id").asText());
        assertTrue(locked.path("locked").asBoolean(), locked.toString());
        assertFalse(locked.at("/photos/0/urls").has("w1080"), "previews only: " + locked);
        JsonNode open = page(subscriber, tag).at("/items/0");
        assertFalse(open.path("locked").asBoolean(), open.toString());
    }

    // --- the count ------------------------------------------------------------------------------------------

    @Test
    void postsIndexedConcurrently_withOneTag_countOneEach() throws Exception {
        int posts = 12;
        String tag = unique("moscow");
        List<User> authors = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            User author = signUp();
            authors.add(author);
            post(author, "#" + tag);
        }
        List<String> firstSteps = fanOut().pending();
        List<FunctionHost> instances = List.of(hosts.shared(), hosts.start(Map.of()));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> steps = new ArrayList<>();
            for (int i = 0; i < firstSteps.size(); i++) {
                FunctionHost instance = instances.get(i % instances.size());
                String event = fanOut().stored(firstSteps.get(i));
                steps.add(pool.submit(() -> instance.invoke(fanOut().function(), event)));
            }
            for (Future<?> step : steps) {
                step.get();
            }
        } finally {
            pool.shutdown();
        }
        index();

        JsonNode page = page(signUp(), tag);
        assertEquals(posts, page.path("postCount").asLong());
        assertEquals(posts, User.ids(page).size());
    }

    @Test
    void aRetriedPublishStep_countsThePostOnce() {
        String tag = unique("kamchatka");
        User author = signUp();
        String postId = post(author, "#" + tag + " #" + tag.toUpperCase());
        String firstStep = fanOut().pending().stream().filter(key -> key.contains(postId)).findFirst().orElseThrow();
        hosts.shared().invoke(fanOut().function(), fanOut().stored(firstStep));
        hosts.start(Map.of()).invoke(fanOut().function(), fanOut().stored(firstStep)); // the platform's retry
        index();
        // A step that died after indexing and before its job existed does it all again:
        var post = hosts.services().get(PostRepository.class).find(postId).orElseThrow();
        hosts.services().get(HashtagIndex.class).published(post);

        JsonNode page = page(author, tag);
        assertEquals(1, page.path("postCount").asLong());
        assertEquals(List.of(postId), User.ids(page));
    }

    // --- search ---------------------------------------------------------------------------------------------

    @Test
    void search_findsACyrillicTag_forItsLatinSpelling_andForAPrefix_withItsCount() {
        String tag = unique("москва");
        String digits = tag.substring("москва".length());
        User author = signUp();
        post(author, "#" + tag);
        post(author, "#" + tag.toUpperCase() + " снова");
        index();
        HashtagSearch search = hosts.services().get(HashtagSearch.class);

        assertTrue(search.find("moskva" + digits, 10).contains(new TagMatch(tag, 2)), search.find("moskva" + digits, 10).toString());
        assertTrue(search.find("#МОСКВА" + digits, 10).contains(new TagMatch(tag, 2)));
        assertTrue(search.find("моск", 50).contains(new TagMatch(tag, 2)), search.find("моск", 50).toString());
        assertEquals(List.of(), search.find("#", 10));
    }

    @Test
    void search_ranksATagUsedTenTimes_aboveOnesUsedOnce() {
        String prefix = unique("volga");
        String popular = prefix + "_zpopular"; // last by name: only its rank puts it first
        User author = signUp();
        for (int i = 0; i < 10; i++) {
            post(author, "#" + popular);
        }
        for (int i = 0; i < 5; i++) {
            post(author, "#" + prefix + "_rare" + i);
        }
        index();

        List<TagMatch> found = hosts.services().get(HashtagSearch.class).find(prefix, 2);
        assertEquals(new TagMatch(popular, 10), found.get(0), found.toString());
        assertEquals(2, found.size(), found.toString());
    }
}
