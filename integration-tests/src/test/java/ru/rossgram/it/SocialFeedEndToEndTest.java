package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.local.LocalBackend;
import ru.rossgram.local.RunnerOptions;

/**
 * The social network through the local runner, as phones meet it: real HTTP against one in-memory runner whose
 * storage events run the thumbnail function (which publishes posts and queues their fan-out) and the fan-out
 * function. Feeds fill asynchronously, so reads that depend on the fan-out poll, as an app refreshing would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocialFeedEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Sunrise over Neva, 5 a.m.";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = Long.toString(System.nanoTime() % 1_000_000, 36);
    /** The runner's request and storage-event lines, shown when a poll gives up. */
    private final java.util.Queue<String> runnerLog = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private LocalBackend backend;

    @BeforeAll
    void start() throws Exception {
        backend = LocalBackend.start(RunnerOptions.defaults().withPort(0).withEnginePorts(0, 0).withDataDirectory(null),
                runnerLog::add);
    }

    @AfterAll
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void friendsWhoFollowEachOther_seeBothPhotos_inBothFeedsNewestFirst_andOnTheGrids() throws Exception {
        Phone masha = signUp("masha");
        Phone petya = signUp("petya");
        assertEquals("following", masha.follow(petya));
        assertEquals("following", petya.follow(masha));

        String mashas = masha.postPhotoAndAwaitPublished("Белые ночи #питер");
        String petyas = petya.postPhotoAndAwaitPublished("Разводные мосты");

        for (Phone phone : List.of(masha, petya)) {
            assertEquals(List.of(petyas, mashas), phone.awaitFeed(ids -> ids.size() >= 2), phone.username + "'s feed");
        }
        JsonNode newest = masha.feed().path("items").get(0);
        assertEquals(petya.username, newest.at("/author/username").asText());
        assertEquals("published", newest.path("status").asText());
        assertTrue(newest.at("/photos/0/urls/square150").asText().startsWith("http"), newest.toString());

        assertEquals(List.of(mashas), petya.grid(masha));
        assertEquals(List.of(petyas), masha.grid(petya));
        assertEquals(List.of(mashas), masha.grid(masha));
        assertEquals(1, petya.profile(masha).at("/counts/posts").asInt());
    }

    @Test
    void aLikeAndAComment_countOnThePost_andInTheFeed_andTheLikerSeesItsLike() throws Exception {
        Phone masha = signUp("masha");
        Phone petya = signUp("petya");
        assertEquals("following", petya.follow(masha));
        String post = masha.postPhotoAndAwaitPublished("Летний сад");
        assertEquals(List.of(post), petya.awaitFeed(ids -> !ids.isEmpty()));

        JsonNode liked = json(petya.ok("PUT", "/v1/posts/" + post + "/like", null, 200));
        assertEquals(1, liked.path("likeCount").asInt());
        petya.ok("PUT", "/v1/posts/" + post + "/like", null, 200); // a second tap changes nothing
        JsonNode comment = json(petya.ok("POST", "/v1/posts/" + post + "/comments", "{\"text\":\"Красота! Где это?\"}", 201));

        JsonNode inFeed = petya.feed().path("items").get(0);
        JsonNode opened = json(petya.ok("GET", "/v1/posts/" + post, null, 200));
        for (JsonNode seen : List.of(inFeed, opened)) {
            assertEquals(post, seen.path("id").asText());
            assertEquals(1, seen.path("likeCount").asInt(), seen.toString());
            assertEquals(1, seen.path("commentCount").asInt(), seen.toString());
            assertTrue(seen.path("likedByMe").asBoolean(), seen.toString());
        }
        JsonNode asAuthor = json(masha.ok("GET", "/v1/posts/" + post, null, 200));
        assertEquals(1, asAuthor.path("likeCount").asInt());
        assertFalse(asAuthor.path("likedByMe").asBoolean());

        JsonNode comments = json(masha.ok("GET", "/v1/posts/" + post + "/comments", null, 200)).path("items");
        assertEquals(1, comments.size(), comments.toString());
        assertEquals(comment.path("id").asText(), comments.get(0).path("id").asText());
        assertEquals("Красота! Где это?", comments.get(0).path("text").asText());
        assertEquals(petya.username, comments.get(0).at("/author/username").asText());
        assertTrue(comments.get(0).path("canDelete").asBoolean(), "the post's author moderates its comments");
    }

    @Test
    void aPrivateAccount_turnsAFollowIntoARequest_andHidesItsGrid_untilTheOwnerApproves() throws Exception {
        Phone owner = signUp("owner");
        Phone stranger = signUp("stranger");
        String post = owner.postPhotoAndAwaitPublished("Только для своих");
        assertTrue(json(owner.ok("PATCH", "/v1/me", "{\"private\": true}", 200)).path("private").asBoolean());

        assertEquals("requested", stranger.follow(owner));
        assertEquals(404, stranger.send("GET", "/v1/users/" + owner.username + "/posts", null).statusCode());
        assertEquals(404, stranger.send("GET", "/v1/posts/" + post, null).statusCode());
        JsonNode profile = stranger.profile(owner); // the profile itself, with counts, stays visible
        assertTrue(profile.at("/relationship/requested").asBoolean(), profile.toString());
        assertEquals(0, profile.at("/counts/followers").asInt());
        assertEquals(List.of(), ids(stranger.feed()));

        JsonNode requests = json(owner.ok("GET", "/v1/me/follow-requests", null, 200)).path("items");
        assertEquals(1, requests.size(), requests.toString());
        assertEquals(stranger.username, requests.get(0).path("username").asText());
        owner.ok("POST", "/v1/me/follow-requests/" + stranger.username, null, 204);

        assertEquals(List.of(post), stranger.grid(owner));
        assertEquals(200, stranger.send("GET", "/v1/posts/" + post, null).statusCode());
        assertTrue(stranger.profile(owner).at("/relationship/following").asBoolean());
        assertEquals(List.of(post), stranger.awaitFeed(ids -> !ids.isEmpty()), "approval brings the recent posts");
    }

    @Test
    void aBlock_removesTheFollowsBothWays_andHidesProfileGridAndPosts_fromTheBlocked() throws Exception {
        Phone masha = signUp("masha");
        Phone troll = signUp("troll");
        assertEquals("following", masha.follow(troll));
        assertEquals("following", troll.follow(masha));
        String post = masha.postPhotoAndAwaitPublished("Мой кот");
        assertEquals(List.of(post), troll.awaitFeed(ids -> !ids.isEmpty()));

        masha.ok("PUT", "/v1/users/" + troll.username + "/block", null, 204);

        assertEquals(404, troll.send("GET", "/v1/users/" + masha.username, null).statusCode());
        assertEquals(404, troll.send("GET", "/v1/users/" + masha.username + "/posts", null).statusCode());
        assertEquals(404, troll.send("GET", "/v1/posts/" + post, null).statusCode());
        assertEquals(404, troll.send("PUT", "/v1/users/" + masha.username + "/follow", null).statusCode());
        assertEquals(List.of(), ids(troll.feed()));

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
        Phone star = signUp("star");
        List<Phone> fans = concurrently(20, i -> signUp("fan"));

        List<String> follows = concurrently(20, i -> fans.get(i).follow(star));
        assertEquals(List.of("following"), follows.stream().distinct().toList());
        assertEquals(20, star.profile(star).at("/counts/followers").asInt());
        assertEquals(20, fans.get(0).profile(star).at("/counts/followers").asInt());

        List<Integer> unfollows = concurrently(10, i -> fans.get(i).send("DELETE", "/v1/users/" + star.username + "/follow", null)
                .statusCode());
        assertEquals(List.of(204), unfollows.stream().distinct().toList());
        assertEquals(10, star.profile(star).at("/counts/followers").asInt());
        assertEquals(0, fans.get(0).profile(fans.get(0)).at("/counts/following").asInt());
        assertEquals(1, fans.get(19).profile(fans.get(19)).at("/counts/following").asInt());
    }

    // --- phones ---------------------------------------------------------------------------------------------------

    /** A signed-in app: its username and access token, and the calls it makes. */
    private final class Phone {
        final String username;
        private final String token;

        Phone(String username, String token) {
            this.username = username;
            this.token = token;
        }

        HttpResponse<String> send(String method, String path, String body) throws Exception {
            return SocialFeedEndToEndTest.this.send(method, path, body, token);
        }

        /** Sends, asserts the status, and answers the response. */
        HttpResponse<String> ok(String method, String path, String body, int expectedStatus) throws Exception {
            HttpResponse<String> response = send(method, path, body);
            assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
            return response;
        }

        /** Follows {@code other}: {@code following}, or {@code requested} for a private account. */
        String follow(Phone other) throws Exception {
            return json(ok("PUT", "/v1/users/" + other.username + "/follow", null, 200)).path("state").asText();
        }

        JsonNode profile(Phone other) throws Exception {
            return json(ok("GET", "/v1/users/" + other.username, null, 200));
        }

        JsonNode feed() throws Exception {
            return json(ok("GET", "/v1/feed", null, 200));
        }

        /** The ids of {@code other}'s grid, newest first. */
        List<String> grid(Phone other) throws Exception {
            return ids(json(ok("GET", "/v1/users/" + other.username + "/posts", null, 200)));
        }

        /** Refreshes the feed until its post ids satisfy {@code done}, and answers them. */
        List<String> awaitFeed(Predicate<List<String>> done) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<String> ids;
            do {
                ids = ids(feed());
                if (done.test(ids)) {
                    return ids;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            throw new AssertionError(username + "'s feed never filled: " + ids + "\nrunner log:\n" + String.join("\n", runnerLog));
        }

        /**
         * Posts a small photo the way the app does (upload ticket, presigned PUT, post) and waits until the thumbnail
         * function has published it.
         */
        String postPhotoAndAwaitPublished(String caption) throws Exception {
            byte[] photo = TestPictures.jpeg(TestPictures.filled(64, 48, 0x3a6ea5), 0.85f, false);
            JsonNode ticket = json(ok("POST", "/v1/uploads",
                    "{\"purpose\":\"post\",\"contentType\":\"image/jpeg\",\"contentLength\":" + photo.length + "}", 201))
                    .at("/uploads/0");
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
            // content-length comes from the body; every other signed header is ours to send.
            ticket.path("headers").fields().forEachRemaining(h -> {
                if (!h.getKey().equals("content-length")) {
                    put.header(h.getKey(), h.getValue().asText());
                }
            });
            assertEquals(200, http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            String postId = json(ok("POST", "/v1/posts",
                    "{\"uploads\":[\"" + ticket.path("uploadId").asText() + "\"],\"caption\":" + JSON.writeValueAsString(caption) + "}",
                    201)).path("id").asText();

            long deadline = System.nanoTime() + PATIENCE.toNanos();
            JsonNode post;
            do {
                post = json(ok("GET", "/v1/posts/" + postId, null, 200));
                if (post.path("status").asText().equals("published")) {
                    return postId;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            throw new AssertionError("post " + postId + " never published: " + post);
        }
    }

    private Phone signUp(String name) throws Exception {
        String username = name + "_" + run + "_" + NAMES.incrementAndGet();
        HttpResponse<String> created = send("POST", "/v1/accounts", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.ru\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}", null);
        assertEquals(201, created.statusCode(), created.body());
        return new Phone(username, json(created).at("/tokens/accessToken").asText());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.apiUri().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code id} of each item of a page (feed or grid), in order. */
    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private interface Call<T> {
        T call(int index) throws Exception;
    }

    /** Runs {@code count} calls on as many threads, released together, and answers their results in order. */
    private static <T> List<T> concurrently(int count, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i : IntStream.range(0, count).toArray()) {
                Callable<T> task = () -> {
                    go.await();
                    return call.call(i);
                };
                futures.add(threads.submit(task));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
