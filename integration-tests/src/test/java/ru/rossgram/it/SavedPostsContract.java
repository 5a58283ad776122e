package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.ApiDriver.Reply.assertNotFound;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Saved posts through the real routes and handlers: saving and unsaving, the private list newest save first, and
 * what leaves it (a post deleted, an author who blocks the saver, a private account she stops following). Storage
 * is looked at directly only to count what concurrent saves and a deleted post leave behind.
 */
abstract class SavedPostsContract extends Contract {
    protected SavedPostsContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private User signUp() {
        return hosts.signUp("saver");
    }

    private String publishedPost(User author) {
        return hosts.publishedPost(author, "\"caption\": \"Зимний Петергоф\"");
    }

    private static Reply save(User user, String postId) {
        return user.send("PUT", "/v1/posts/" + postId + "/save", null);
    }

    private static Reply unsave(User user, String postId) {
        return user.send("DELETE", "/v1/posts/" + postId + "/save", null);
    }

    private static void assertSaved(Reply reply, boolean saved) {
        assertEquals(200, reply.status(), reply.body());
        assertEquals(saved, reply.json().path("saved").asBoolean(!saved), reply.body());
    }

    /** Every page of {@code user}'s saved posts, {@code limit} a page: post ids. */
    private static List<String> saved(User user, int limit) {
        return user.allPages("/v1/me/saved", limit);
    }

    /** How many saves {@code user} has stored (the list's items, whatever a page would show). */
    private int storedSaves(User user) {
        SharedServices services = hosts.services();
        return services.get(DynamoDbClient.class).query(r -> r.tableName(services.get(RossgramConfig.class).table())
                .consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", Attrs.s("SAVES#" + user.id())))).count();
    }

    // --- saving ---------------------------------------------------------------------------------------------

    @Test
    void savedPosts_areListedNewestSaveFirst_privately_andSavingTwiceCountsOnce() {
        User author = signUp();
        User saver = signUp();
        User other = signUp();
        String first = publishedPost(author);
        String second = publishedPost(author);
        String third = publishedPost(author);

        assertSaved(save(saver, second), true);
        assertSaved(save(saver, first), true);
        assertSaved(save(saver, third), true);
        assertSaved(save(saver, first), true); // again: the same answer, and still one save

        assertEquals(List.of(third, first, second), saved(saver, 50));
        assertEquals(List.of(third, first, second), saved(saver, 1)); // paged one by one, no repeats
        assertEquals(List.of(), saved(other, 50)); // private: another account sees only her own
        assertEquals(3, storedSaves(saver));

        JsonNode item = saver.ok("GET", "/v1/me/saved?limit=1", null, 200).json().at("/items/0");
        assertEquals(author.id(), item.at("/author/id").asText(), item.toString());
        assertEquals("Зимний Петергоф", item.path("caption").asText());
        assertFalse(item.path("likedByMe").asBoolean(true));

        assertSaved(unsave(saver, first), false);
        assertSaved(unsave(saver, first), false);
        assertSaved(unsave(other, first), false);
        assertEquals(List.of(third, second), saved(saver, 50));
        assertEquals(2, storedSaves(saver));

        assertSaved(save(saver, first), true); // saved again: now the newest save
        assertEquals(List.of(first, third, second), saved(saver, 50));
    }

    @Test
    void savedPosts_showTheCallersLike() {
        User author = signUp();
        User saver = signUp();
        String postId = publishedPost(author);
        assertEquals(200, saver.like(postId).status());
        assertSaved(save(saver, postId), true);

        JsonNode item = saver.ok("GET", "/v1/me/saved", null, 200).json().at("/items/0");
        assertTrue(item.path("likedByMe").asBoolean(), item.toString());
        assertEquals(1, item.path("likeCount").asLong());
    }

    @Test
    void tenSavesOfOnePostAtOnce_leaveOneSave() throws Exception {
        User author = signUp();
        User saver = signUp();
        String postId = publishedPost(author);

        List<Reply> saves = concurrently(10, i -> save(saver, postId));
        saves.forEach(reply -> assertSaved(reply, true));
        assertEquals(List.of(postId), saved(saver, 50));
        assertEquals(1, storedSaves(saver));
    }

    @Test
    void postsTheCallerCannotSee_cannotBeSaved() {
        User saver = signUp();
        User blocker = signUp();
        User blocked = signUp();
        User privateAuthor = signUp();
        String blockersPost = publishedPost(blocker);
        String blockedsPost = publishedPost(blocked);
        String privatePost = publishedPost(privateAuthor);
        privateAuthor.makePrivate(true);
        assertEquals(204, blocker.put("block", saver).status());
        assertEquals(204, saver.put("block", blocked).status());

        assertNotFound(save(saver, blockersPost));
        assertNotFound(save(saver, blockedsPost));
        assertNotFound(save(saver, privatePost));
        assertNotFound(save(saver, "01JD4B7M2K9QH3V5X8Z0C6N1TR"));
        assertNotFound(save(saver, "not-a-post"));
        assertSaved(save(privateAuthor, privatePost), true); // her own, always
        assertEquals(List.of(), saved(saver, 50));

        Reply anonymous = new User(null, null, null, hosts.api()).send("GET", "/v1/me/saved", null);
        assertEquals(401, anonymous.status());
        Reply badCursor = saver.send("GET", "/v1/me/saved?cursor=forged", null);
        assertEquals(400, badCursor.status(), badCursor.body());
        assertEquals(400, saver.send("GET", "/v1/me/saved?limit=0", null).status());
    }

    @Test
    void postsTheCallerCanNoLongerSee_leaveTheList_andABlockLiftedBringsThemBack() {
        User saver = signUp();
        User kept = signUp();
        User blocker = signUp();
        User privateAuthor = signUp();
        User deleter = signUp();
        saver.followed(privateAuthor);
        privateAuthor.makePrivate(true);
        String keptPost = publishedPost(kept);
        String blockersPost = publishedPost(blocker);
        String privatePost = publishedPost(privateAuthor);
        String deletedPost = publishedPost(deleter);
        for (String postId : List.of(keptPost, blockersPost, privatePost, deletedPost)) {
            assertSaved(save(saver, postId), true);
        }
        assertEquals(List.of(deletedPost, privatePost, blockersPost, keptPost), saved(saver, 50));

        assertEquals(204, blocker.put("block", saver).status());
        saver.unfollowed(privateAuthor);
        assertEquals(204, deleter.send("DELETE", "/v1/posts/" + deletedPost, null).status());

        assertEquals(List.of(keptPost), saved(saver, 50));
        assertEquals(List.of(keptPost), saved(saver, 1)); // pages of hidden posts still lead on to the rest
        assertEquals(3, storedSaves(saver)); // the deleted post's save is tidied; the others wait

        assertEquals(204, blocker.delete("block", saver).status());
        assertEquals(List.of(blockersPost, keptPost), saved(saver, 50));
        assertSaved(unsave(saver, privatePost), false); // unsaving needs no sight of the post
        assertEquals(2, storedSaves(saver));
    }

    @Test
    void aSavedPostOnSale_isShownLocked_untilBought() {
        User creator = signUp();
        User saver = signUp();
        String postId = creator.published(List.of(hosts.lockedUpload(creator)), "\"caption\": \"Полная версия\", \"price\": 19900");

        assertSaved(save(saver, postId), true);
        JsonNode item = saver.ok("GET", "/v1/me/saved", null, 200).json().at("/items/0");
        assertEquals(postId, item.path("id").asText());
        assertTrue(item.path("locked").asBoolean(), item.toString());
        assertEquals(List.of("preview"), fieldNames(item.at("/photos/0/urls"))); // the blurred preview only

        assertSaved(save(creator, postId), true);
        JsonNode own = creator.ok("GET", "/v1/me/saved", null, 200).json().at("/items/0");
        assertFalse(own.path("locked").asBoolean(), own.toString());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
