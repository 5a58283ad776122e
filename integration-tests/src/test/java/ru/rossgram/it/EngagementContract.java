package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.ApiDriver.Reply.assertNotFound;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.posts.PhotoResults;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Likes and comments, end to end through the real routes and handlers: posts published the way the thumbnail
 * function publishes them ({@link PhotoResults}), counts read back through {@code GET /v1/posts/{id}}, and
 * storage looked at directly only to prove what a deleted post leaves behind (nothing).
 */
abstract class EngagementContract extends Contract {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected EngagementContract() {
        super("CreatePostFunction", Map.of());
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

    /** A signed-up user calling the API from an address of their own. */
    private User signUp() {
        return hosts.signUp("fan");
    }

    /** One photo upload of {@code author}'s, with nothing sent yet. */
    private static String upload(User author) {
        return author.ticket("post", "image/jpeg", 2048).path("uploadId").asText();
    }

    /** A post of {@code author}'s whose one photo was processed before posting, so it is published at once. */
    private String publishedPost(User author) {
        return hosts.publishedPost(author, "\"caption\": \"Утро в Суздале\"");
    }

    /** A post of {@code author}'s whose photo arrived but is not processed yet. */
    private String processingPost(User author) {
        String uploadId = upload(author);
        services().get(S3Client.class).putObject(r -> r.bucket(services().mediaBucket())
                .key(MediaKeys.originalKey(author.id(), uploadId)).contentType("image/jpeg"), RequestBody.fromBytes(new byte[2048]));
        Reply created = author.send("POST", "/v1/posts", "{\"uploads\": [\"" + uploadId + "\"]}");
        assertEquals(201, created.status(), created.body());
        assertEquals("processing", created.json().path("status").asText());
        return created.json().path("id").asText();
    }

    /** {@code blocker} blocks {@code blocked}, as the app does. */
    private static void block(User blocker, User blocked) {
        Reply reply = blocker.put("block", blocked);
        assertEquals(204, reply.status(), reply.body());
    }

    /** The sort keys stored in the post's partition. */
    private List<String> partition(String postId) {
        return dynamo().query(r -> r.tableName(table()).consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", Attrs.s("POST#" + postId))))
                .items().stream().map(item -> item.get("sk").s()).toList();
    }

    private static void assertLikeState(Reply reply, boolean liked, long count) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(liked, reply.json().path("liked").asBoolean(), reply.body());
        assertEquals(count, reply.json().path("likeCount").asLong(), reply.body());
    }

    // --- likes ----------------------------------------------------------------------------------------------

    @Test
    void likeAndUnlike_areIdempotent_andThePostShowsCountAndLikedByMe() {
        User author = signUp();
        User fan = signUp();
        User other = signUp();
        String postId = publishedPost(author);

        JsonNode fresh = fan.post(postId);
        assertEquals(0, fresh.path("likeCount").asLong());
        assertEquals(0, fresh.path("commentCount").asLong());
        assertFalse(fresh.path("likedByMe").asBoolean(true));

        assertLikeState(fan.like(postId), true, 1);
        assertLikeState(fan.like(postId), true, 1);
        assertLikeState(author.like(postId), true, 2);

        JsonNode seenByFan = fan.post(postId);
        assertEquals(2, seenByFan.path("likeCount").asLong());
        assertTrue(seenByFan.path("likedByMe").asBoolean());
        assertFalse(other.post(postId).path("likedByMe").asBoolean(true));
        assertTrue(author.post(postId).path("likedByMe").asBoolean());

        assertLikeState(fan.unlike(postId), false, 1);
        assertLikeState(fan.unlike(postId), false, 1);
        assertLikeState(other.unlike(postId), false, 1);
        assertFalse(fan.post(postId).path("likedByMe").asBoolean(true));
        assertTrue(author.post(postId).path("likedByMe").asBoolean());

        // The author's own answers (an edit) carry the same fields.
        Reply edited = author.send("PATCH", "/v1/posts/" + postId, "{\"caption\": \"Утро в Суздале, #лето\"}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals(1, edited.json().path("likeCount").asLong());
        assertTrue(edited.json().path("likedByMe").asBoolean());
    }

    @Test
    void thirtyAccountsLikingAtOnce_countThirty_thenFifteenUnlikingAtOnce_leaveFifteen() throws Exception {
        User author = signUp();
        String postId = publishedPost(author);
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fans.add(signUp());
        }

        List<Reply> likes = concurrently(30, i -> fans.get(i).like(postId));
        likes.forEach(reply -> assertEquals(200, reply.status(), reply.body()));
        assertEquals(30, author.post(postId).path("likeCount").asLong());
        assertEquals(30, partition(postId).stream().filter(sk -> sk.startsWith("LIKE#")).count());

        List<Reply> unlikes = concurrently(15, i -> fans.get(i).unlike(postId));
        unlikes.forEach(reply -> assertLikeState(reply, false, reply.json().path("likeCount").asLong()));
        assertEquals(15, author.post(postId).path("likeCount").asLong());
        for (int i = 0; i < 30; i++) {
            assertEquals(i >= 15, fans.get(i).post(postId).path("likedByMe").asBoolean(), "fan " + i);
        }
    }

    @Test
    void postsNotPublished_orUnknown_cannotBeLiked() {
        User author = signUp();
        User fan = signUp();
        String processing = processingPost(author);

        assertNotFound(fan.like(processing));
        assertNotFound(author.like(processing)); // the author sees it, but nobody engages with it until it is published
        assertNotFound(fan.unlike(processing));
        assertNotFound(fan.like("01JD4B7M2K9QH3V5X8Z0C6N1TR"));
        assertNotFound(fan.like("not-a-post"));
        assertEquals(0, author.post(processing).path("likeCount").asLong());

        Reply anonymous = new User(null, null, null, hosts.api()).like(publishedPost(author));
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", anonymous.problemType());
    }

    // --- comments -------------------------------------------------------------------------------------------

    @Test
    void comment_isCreated_withItsAuthor_andCounted() {
        User author = signUp();
        User fan = signUp();
        String postId = publishedPost(author);

        Reply created = fan.comment(postId, "  Красота! Где это?\r\nХочу туда же.  ");
        assertEquals(201, created.status(), created.body());
        JsonNode comment = created.json();
        assertTrue(comment.path("id").asText().matches("[0-9A-HJKMNP-TV-Z]{26}"), comment.toString());
        assertEquals("Красота! Где это?\nХочу туда же.", comment.path("text").asText());
        assertEquals(fan.id(), comment.at("/author/id").asText());
        assertEquals(fan.username(), comment.at("/author/username").asText());
        assertEquals("Маша Петрова", comment.at("/author/displayName").asText());
        assertTrue(comment.at("/author/avatar").isMissingNode(), "no avatar set");
        assertFalse(comment.path("createdAt").asText().isEmpty());
        assertTrue(comment.path("mine").asBoolean());
        assertTrue(comment.path("canDelete").asBoolean());

        assertEquals(201, author.comment(postId, "Суздаль, у Кремля 🙂").status());
        assertEquals(2, fan.post(postId).path("commentCount").asLong());
    }

    @Test
    void comments_arePaged_oldestFirst_withoutRepeats() {
        User author = signUp();
        User fan = signUp();
        String postId = publishedPost(author);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            User writer = i % 3 == 0 ? author : fan;
            Reply reply = writer.comment(postId, "comment " + i);
            assertEquals(201, reply.status(), reply.body());
            written.add(reply.json().path("id").asText());
        }

        List<String> read = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = fan.comments(postId, "?limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.body());
            JsonNode items = page.json().path("items");
            pageSizes.add(items.size());
            for (JsonNode comment : items) {
                read.add(comment.path("id").asText());
                int index = written.indexOf(comment.path("id").asText());
                assertEquals("comment " + index, comment.path("text").asText());
                boolean byFan = index % 3 != 0;
                assertEquals(byFan, comment.path("mine").asBoolean(), comment.toString());
                assertEquals(byFan, comment.path("canDelete").asBoolean(), comment.toString());
                assertEquals(byFan ? fan.username() : author.username(), comment.at("/author/username").asText());
            }
            cursor = page.json().path("nextCursor").isMissingNode() ? null : page.json().path("nextCursor").asText();
        } while (cursor != null);

        assertEquals(List.of(10, 10, 5), pageSizes);
        assertEquals(written, read, "oldest first, each once");
        assertEquals(25, author.post(postId).path("commentCount").asLong());

        // The post's author may delete every comment on it.
        JsonNode asAuthor = author.comments(postId, "").json();
        assertEquals(20, asAuthor.path("items").size(), "default limit");
        asAuthor.path("items").forEach(comment -> assertTrue(comment.path("canDelete").asBoolean()));
    }

    @Test
    void commentPages_refuseForeignOrTamperedCursors_andBadLimits() throws Exception {
        User author = signUp();
        String postId = publishedPost(author);
        String otherPostId = publishedPost(author);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, author.comment(postId, "c" + i).status());
            assertEquals(201, author.comment(otherPostId, "c" + i).status());
        }
        String cursor = author.comments(postId, "?limit=1").json().path("nextCursor").asText();
        assertFalse(cursor.isEmpty());
        assertEquals(200, author.comments(postId, "?limit=1&cursor=" + cursor).status());

        // Point the cursor elsewhere and keep its signature: refused.
        String[] parts = cursor.split("\\.");
        Map<String, String> position = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        position.replaceAll((name, value) -> "00000000000000000000000000");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(position)) + "." + parts[1];
        for (String bad : List.of(forged, cursor + "x", "garbage", cursor.substring(1))) {
            Reply refused = author.comments(postId, "?cursor=" + bad);
            assertEquals(400, refused.status(), bad + " -> " + refused.body());
            assertEquals("invalid-cursor", refused.problemType());
        }
        Reply foreign = author.comments(otherPostId, "?cursor=" + cursor);
        assertEquals(400, foreign.status(), "a cursor of another post's comments");
        assertEquals("invalid-cursor", foreign.problemType());

        for (String limit : List.of("0", "51", "-1", "ten")) {
            Reply refused = author.comments(postId, "?limit=" + limit);
            assertEquals(400, refused.status(), limit);
            assertEquals("invalid-request", refused.problemType());
            assertEquals("limit", refused.json().at("/errors/0/field").asText());
        }
    }

    @Test
    void commentTexts_thatAreEmptyTooLongOrControlled_areRefused_namingTheField() {
        User author = signUp();
        String postId = publishedPost(author);
        for (String text : List.of("", "   \n  ", "x".repeat(2201), "bell\u0007", "tab\there")) {
            Reply refused = author.comment(postId, text);
            assertEquals(400, refused.status(), text.length() + " chars: " + refused.body());
            assertEquals("invalid-request", refused.problemType());
            assertEquals("text", refused.json().at("/errors/0/field").asText());
        }
        assertEquals(201, author.comment(postId, "ю".repeat(2200)).status(), "2200 characters are allowed");
        assertEquals(400, author.send("POST", "/v1/posts/" + postId + "/comments", "{\"text\": \"hi\", \"pinned\": true}").status());
        assertEquals(400, author.send("POST", "/v1/posts/" + postId + "/comments", "{}").status());
        assertEquals("malformed-json", author.send("POST", "/v1/posts/" + postId + "/comments", "{\"text\": ").problemType());
        assertEquals(1, author.post(postId).path("commentCount").asLong());
    }

    @Test
    void comments_areDeletedByTheirAuthorOrThePostsAuthor_only() {
        User author = signUp();
        User fan = signUp();
        User stranger = signUp();
        String postId = publishedPost(author);
        String byFan = fan.comment(postId, "первый").json().path("id").asText();
        String byFanToo = fan.comment(postId, "второй").json().path("id").asText();
        String byStranger = stranger.comment(postId, "третий").json().path("id").asText();
        assertEquals(3, author.post(postId).path("commentCount").asLong());

        assertNotFound(stranger.deleteComment(postId, byFan));
        assertNotFound(fan.deleteComment(postId, byStranger));
        assertEquals(3, author.post(postId).path("commentCount").asLong());

        Reply own = fan.deleteComment(postId, byFan);
        assertEquals(204, own.status(), own.body());
        assertEquals(204, fan.deleteComment(postId, byFan).status(), "deleting again changes nothing");
        assertEquals(204, author.deleteComment(postId, byStranger).status(), "the post's author moderates");
        assertEquals(204, author.deleteComment(postId, byStranger).status());
        assertEquals(1, author.post(postId).path("commentCount").asLong());

        JsonNode left = stranger.comments(postId, "").json().path("items");
        assertEquals(1, left.size());
        assertEquals(byFanToo, left.get(0).path("id").asText());

        assertNotFound(fan.deleteComment(postId, "not-a-comment"));
        assertNotFound(fan.deleteComment("01JD4B7M2K9QH3V5X8Z0C6N1TR", byFanToo));
    }

    @Test
    void postsNotPublished_cannotBeCommented() {
        User author = signUp();
        String processing = processingPost(author);
        assertNotFound(author.comment(processing, "скоро"));
        assertNotFound(author.comments(processing, ""));
        assertNotFound(signUp().comments("01JD4B7M2K9QH3V5X8Z0C6N1TR", ""));
    }

    // --- blocks -----------------------------------------------------------------------------------------------

    @Test
    void aBlockedAccount_cannotReadLikeOrCommentThePost_butMayStillDeleteItsOwnComment() {
        User author = signUp();
        User troll = signUp();
        User blocker = signUp();
        String postId = publishedPost(author);
        String trollComment = troll.comment(postId, "хм").json().path("id").asText();
        assertLikeState(troll.like(postId), true, 1);

        block(author, troll);
        assertNotFound(troll.send("GET", "/v1/posts/" + postId, null));
        assertNotFound(troll.like(postId));
        assertNotFound(troll.unlike(postId));
        assertNotFound(troll.comment(postId, "ещё"));
        assertNotFound(troll.comments(postId, ""));
        assertEquals(1, author.post(postId).path("likeCount").asLong(), "a refused unlike changed nothing");
        assertEquals(204, troll.deleteComment(postId, trollComment).status(), "one's own words can always be taken back");
        assertEquals(0, author.post(postId).path("commentCount").asLong());

        // A block works both ways: whoever blocks the author stops seeing the author's posts too.
        block(blocker, author);
        assertNotFound(blocker.send("GET", "/v1/posts/" + postId, null));
        assertNotFound(blocker.like(postId));
        assertNotFound(blocker.comment(postId, "?"));
    }

    // --- deleting the post ------------------------------------------------------------------------------------

    @Test
    void deletingThePost_removesItsLikesAndComments() {
        User author = signUp();
        User fan = signUp();
        String postId = publishedPost(author);
        String keep = publishedPost(author);
        for (User user : List.of(author, fan, signUp())) {
            assertEquals(200, user.like(postId).status());
            assertEquals(201, user.comment(postId, "до удаления").status());
        }
        assertEquals(200, fan.like(keep).status());
        assertEquals(201, fan.comment(keep, "останется").status());
        assertEquals(7, partition(postId).size(), partition(postId).toString());

        Reply deleted = author.send("DELETE", "/v1/posts/" + postId, null);
        assertEquals(204, deleted.status(), deleted.body());
        assertEquals(List.of(), partition(postId));
        assertNotFound(fan.like(postId));
        assertNotFound(fan.comments(postId, ""));
        List<String> kept = partition(keep);
        assertEquals(3, kept.size(), kept.toString());
        assertTrue(kept.containsAll(List.of("POST", "LIKE#" + fan.id())), kept.toString());
        assertEquals(1, fan.post(keep).path("commentCount").asLong());
    }

    @Test
    void aRepeatedDelete_sweepsWhatAnInterruptedOneLeft_butAStrangersDeleteTouchesNothing() {
        User author = signUp();
        User stranger = signUp();
        String postId = publishedPost(author);
        assertEquals(200, stranger.like(postId).status());
        assertNotFound(stranger.send("DELETE", "/v1/posts/" + postId, null));
        assertEquals(2, partition(postId).size(), "a refused delete leaves the post and its like");

        assertEquals(204, author.send("DELETE", "/v1/posts/" + postId, null).status());
        // As if a first delete had stopped after the post went: a like and a comment are still stored.
        for (String sk : List.of("LIKE#" + stranger.id(), "COMMENT#01JD4C2T6W8Y0A3C5E7G9J1M3P")) {
            dynamo().putItem(r -> r.tableName(table()).item(Attrs.key("POST#" + postId, sk)));
        }
        assertNotFound(author.send("DELETE", "/v1/posts/" + postId, null));
        assertEquals(List.of(), partition(postId));
    }
}
