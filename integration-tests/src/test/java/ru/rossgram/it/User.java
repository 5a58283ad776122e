package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * A signed-up user and the calls their phone makes, the same whether {@code api} reaches the functions in-process
 * or a local runner over HTTP. Methods named for an outcome ({@link #followed}, {@link #profile}) assert that the
 * call succeeded; those named for the call ({@link #follow}) answer the reply as it came.
 */
record User(String id, String username, String token, ApiDriver api) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Signs {@code username} up (with {@link TestSettings#PASSWORD}) and answers the created account and tokens. */
    static JsonNode createAccount(ApiDriver api, String username) {
        Reply reply = api.post("/v1/accounts", TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** Signs {@code username} up naming {@code referralCode}, and answers the user, signed in. */
    static User signUpReferred(ApiDriver api, String username, String referralCode) {
        String body = TestSettings.signUpBody(username, username + "@example.ru", TestSettings.PASSWORD)
                .replaceFirst("}$", ", \"referralCode\": \"" + referralCode + "\"}");
        Reply reply = api.post("/v1/accounts", body);
        assertEquals(201, reply.status(), reply.body());
        JsonNode account = reply.json();
        return new User(account.at("/account/id").asText(), account.at("/account/username").asText(),
                account.at("/tokens/accessToken").asText(), api);
    }

    /** Signs {@code username} up and answers the user, signed in. */
    static User signUp(ApiDriver api, String username) {
        JsonNode account = createAccount(api, username);
        return new User(account.at("/account/id").asText(), account.at("/account/username").asText(),
                account.at("/tokens/accessToken").asText(), api);
    }

    Map<String, String> auth() {
        return Map.of("authorization", "Bearer " + token);
    }

    /** Calls the API as this user; {@code pathAndQuery} may carry a query string, {@code json} may be null. */
    Reply send(String method, String pathAndQuery, String json) {
        return send(method, pathAndQuery, json, Map.of());
    }

    /** Calls the API as this user, with {@code headers} besides the token and the content type. */
    Reply send(String method, String pathAndQuery, String json, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (token != null) {
            all.putAll(auth());
        }
        if (json != null) {
            all.put("content-type", "application/json");
        }
        return api.send(method, pathAndQuery, json, all);
    }

    /** Calls the API as this user and asserts the status. */
    Reply ok(String method, String pathAndQuery, String json, int expectedStatus) {
        return ok(method, pathAndQuery, json, Map.of(), expectedStatus);
    }

    Reply ok(String method, String pathAndQuery, String json, Map<String, String> headers, int expectedStatus) {
        Reply reply = send(method, pathAndQuery, json, headers);
        assertEquals(expectedStatus, reply.status(), method + " " + pathAndQuery + ": " + reply.body());
        return reply;
    }

    // --- uploads and posts -------------------------------------------------------------------------------------

    Reply askForUploads(String json) {
        return send("POST", "/v1/uploads", json);
    }

    /** Upload tickets for {@code count} photos of {@code length} bytes of {@code contentType}. */
    List<JsonNode> uploads(String purpose, String contentType, long length, int count) {
        Reply reply = askForUploads("{\"purpose\": \"" + purpose + "\", \"contentType\": \"" + contentType
                + "\", \"contentLength\": " + length + (count == 1 ? "" : ", \"count\": " + count) + "}");
        assertEquals(201, reply.status(), reply.body());
        List<JsonNode> tickets = new ArrayList<>();
        reply.json().path("uploads").forEach(tickets::add);
        return tickets;
    }

    /** Upload tickets for {@code count} post photos of {@code length} JPEG bytes. */
    List<JsonNode> uploads(int count, long length) {
        return uploads("post", "image/jpeg", length, count);
    }

    /** One upload ticket, nothing sent yet. */
    JsonNode ticket(String purpose, String contentType, long length) {
        return uploads(purpose, contentType, length, 1).get(0);
    }

    /** A JPEG sent through its presigned URL as the app sends it: its upload id. */
    String uploadJpeg(String purpose, byte[] jpeg) {
        JsonNode ticket = ticket(purpose, "image/jpeg", jpeg.length);
        assertEquals(200, PresignedUrl.put(ticket, jpeg).status());
        return ticket.path("uploadId").asText();
    }

    Reply createPost(String json) {
        return send("POST", "/v1/posts", json);
    }

    /** A post of these uploads, with {@code more} JSON fields (none when empty); asserts it was created. */
    JsonNode posted(List<String> uploadIds, String more) {
        Reply reply = createPost(postBody(uploadIds, more));
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** A post of these uploads that publishes at once (each photo processed before); its id. */
    String published(List<String> uploadIds, String more) {
        JsonNode post = posted(uploadIds, more);
        assertEquals("published", post.path("status").asText(), post.toString());
        return post.path("id").asText();
    }

    static String postBody(List<String> uploadIds, String more) {
        String uploads = String.join("\", \"", uploadIds);
        return "{\"uploads\": [\"" + uploads + "\"]" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    /**
     * Posts a photo the way the app does (upload ticket, presigned PUT, post) and waits until the thumbnail function
     * has published it: its id. {@code more} are further JSON fields of the post.
     */
    String postPhotoAndAwaitPublished(String purpose, byte[] jpeg, String more) {
        String postId = posted(List.of(uploadJpeg(purpose, jpeg)), more).path("id").asText();
        awaitStatus("/v1/posts/" + postId, "published");
        return postId;
    }

    /** Posts a small photo with {@code caption} and waits until it is published: its id. */
    String postPhotoAndAwaitPublished(String caption) {
        byte[] photo = TestPictures.jpeg(TestPictures.filled(64, 48, 0x3a6ea5), 0.85f, false);
        return postPhotoAndAwaitPublished("post", photo, "\"caption\": " + quoted(caption));
    }

    /** Reads {@code path} as an app refreshing would, until its {@code status} is {@code status}. */
    JsonNode awaitStatus(String path, String status) {
        return await(path, found -> found.path("status").asText().equals(status), "never became " + status);
    }

    JsonNode post(String postId) {
        return ok("GET", "/v1/posts/" + postId, null, 200).json();
    }

    // --- the social graph --------------------------------------------------------------------------------------

    Reply follow(User other) {
        return send("PUT", "/v1/users/" + other.username() + "/follow", null);
    }

    /** Follows {@code other} and says what came of it: {@code following} or {@code requested}. */
    String followed(User other) {
        Reply reply = follow(other);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().path("state").asText();
    }

    Reply unfollow(User other) {
        return send("DELETE", "/v1/users/" + other.username() + "/follow", null);
    }

    void unfollowed(User other) {
        Reply reply = unfollow(other);
        assertEquals(204, reply.status(), reply.body());
    }

    Reply profileReply(User other) {
        return send("GET", "/v1/users/" + other.username(), null);
    }

    JsonNode profile(User other) {
        Reply reply = profileReply(other);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    JsonNode relationshipWith(User other) {
        return profile(other).path("relationship");
    }

    /** {@code [followers, following, posts]} of {@code other}'s profile, as this user sees it. */
    List<Long> countsOf(User other) {
        JsonNode counts = profile(other).path("counts");
        return List.of(counts.path("followers").asLong(), counts.path("following").asLong(), counts.path("posts").asLong());
    }

    /** A relation of this user's to {@code other} set ({@code follow}, {@code block}, {@code mute}...). */
    Reply put(String relation, User other) {
        return send("PUT", "/v1/users/" + other.username() + "/" + relation, null);
    }

    Reply delete(String relation, User other) {
        return send("DELETE", "/v1/users/" + other.username() + "/" + relation, null);
    }

    /** One page of {@code owner}'s {@code which} ({@code followers}, {@code following}, {@code posts}). */
    Reply list(User owner, String which, String query) {
        return send("GET", "/v1/users/" + owner.username() + "/" + which + query, null);
    }

    void makePrivate(boolean value) {
        Reply reply = send("PATCH", "/v1/me", "{\"private\": " + value + "}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(value, reply.json().path("private").asBoolean());
    }

    // --- likes and comments ------------------------------------------------------------------------------------

    Reply like(String postId) {
        return send("PUT", "/v1/posts/" + postId + "/like", null);
    }

    Reply unlike(String postId) {
        return send("DELETE", "/v1/posts/" + postId + "/like", null);
    }

    Reply comment(String postId, String text) {
        return send("POST", "/v1/posts/" + postId + "/comments", "{\"text\": " + quoted(text) + "}");
    }

    /** A comment answering the comment {@code replyTo} of the same post. */
    Reply commentReplying(String postId, String replyTo, String text) {
        return send("POST", "/v1/posts/" + postId + "/comments",
                "{\"text\": " + quoted(text) + ", \"replyTo\": " + quoted(replyTo) + "}");
    }

    Reply comments(String postId, String query) {
        return send("GET", "/v1/posts/" + postId + "/comments" + query, null);
    }

    Reply deleteComment(String postId, String commentId) {
        return send("DELETE", "/v1/posts/" + postId + "/comments/" + commentId, null);
    }

    // --- pages -------------------------------------------------------------------------------------------------

    /** The first page of the home feed. */
    JsonNode feedPage() {
        return ok("GET", "/v1/feed", null, 200).json();
    }

    /** Every page of the home feed, newest first: post ids. */
    List<String> feed() {
        return allPages("/v1/feed", 50);
    }

    /** Every page of {@code of}'s grid, newest first: post ids. */
    List<String> grid(User of) {
        return allPages("/v1/users/" + of.username() + "/posts", 50);
    }

    /** The ids of every page's items, following the cursors, {@code limit} items a page. */
    List<String> allPages(String path, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Reply reply = send("GET", path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(200, reply.status(), reply.body());
            ids.addAll(ids(reply.json()));
            cursor = reply.json().hasNonNull("nextCursor") ? reply.json().path("nextCursor").asText() : null;
        } while (cursor != null);
        return ids;
    }

    /** Refreshes the feed until its post ids satisfy {@code done}, and answers them. */
    List<String> awaitFeed(Predicate<List<String>> done) {
        return ids(await("/v1/feed", page -> done.test(ids(page)), username + "'s feed never filled"));
    }

    /** The {@code id} of each item of a page (feed, grid, list), in order. */
    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** Reads {@code path} as an app refreshing would, until it is {@code done} (60 s at most). */
    JsonNode await(String path, Predicate<JsonNode> done, String failure) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode found;
        do {
            found = ok("GET", path, null, 200).json();
            if (done.test(found)) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(path + " " + failure + ": " + found);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
