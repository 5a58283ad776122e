package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * Issue 20's familiar functionality as phones meet it, through the local runner over real HTTP
 * (docs/discovery.md), with photos posted and published by the thumbnail function and fanned out by the fan-out
 * function: a like, a comment with a mention and a follow telling the right people and nothing from a blocked
 * account; search across alphabets; a hashtag page; explore, computed by its scheduled function, without followed or
 * blocked accounts; saving posts, the list newest save first and private, a post
 * leaving it when its author blocks the saver or deletes it.
 */
class DiscoveryEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    /** The first page of {@code user}'s activity: {@code type} and actor's username of each item, and the page. */
    private static JsonNode activity(User user) {
        return user.ok("GET", "/v1/me/activity", null, 200).json();
    }

    private static List<String> told(JsonNode page) {
        List<String> items = new ArrayList<>();
        page.path("items").forEach(item -> items.add(item.path("type").asText() + " by " + item.at("/actor/username").asText()));
        return items;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void aLikeACommentWithAMentionAndAFollow_tellTheRightPeople_andNothingComesFromABlockedAccount() {
        User masha = RUNNER.signUp("masha");
        User petya = RUNNER.signUp("petya");
        User anna = RUNNER.signUp("anna");
        User vera = RUNNER.signUp("vera");
        User boris = RUNNER.signUp("boris");
        String post = masha.postPhotoAndAwaitPublished("Белые ночи");

        Reply borisComment = boris.comment(post, "Кто снимал?");
        assertEquals(201, borisComment.status(), borisComment.body());
        assertEquals(204, masha.put("block", boris).status()); // his comment's notice leaves her inbox with him
        assertEquals(404, boris.like(post).status(), "a blocked account cannot reach her posts");

        assertEquals(200, petya.like(post).status());
        assertEquals(201, anna.comment(post, "@" + vera.username() + " смотри, какой закат").status());
        assertEquals("following", petya.followed(masha));

        JsonNode inbox = activity(masha);
        assertEquals(List.of("follow by " + petya.username(), "comment by " + anna.username(), "like by " + petya.username()),
                told(inbox));
        assertTrue(inbox.path("unreadCount").asInt() >= 3, inbox.toString());
        assertEquals(List.of("mention by " + anna.username()), told(activity(vera)));
        assertEquals(List.of(), told(activity(petya)), "never one's own actions");
        assertEquals(List.of(), told(activity(boris)));

        String newest = inbox.at("/items/0/activityId").asText();
        masha.ok("POST", "/v1/me/activity/read", "{\"upTo\": \"" + newest + "\"}", 204);
        assertEquals(0, activity(masha).path("unreadCount").asInt());
    }

    @Test
    void explore_computedBySchedule_showsPopularPostsOfAccountsYouDoNotFollow_neverFollowedOrBlockedOnes() {
        User reader = RUNNER.signUp("reader");
        User popular = RUNNER.signUp("popular");
        User followed = RUNNER.signUp("followed");
        User blockedAuthor = RUNNER.signUp("blockedauthor");
        List<User> fans = List.of(RUNNER.signUp("fan"), RUNNER.signUp("fan"), RUNNER.signUp("fan"));
        String popularPost = popular.postPhotoAndAwaitPublished("Закат над Невой");
        String followedPost = followed.postPhotoAndAwaitPublished("Эрмитаж");
        String blockedPost = blockedAuthor.postPhotoAndAwaitPublished("Мосты");
        for (User fan : fans) {
            for (String post : List.of(popularPost, followedPost, blockedPost)) {
                assertEquals(200, fan.like(post).status());
            }
        }
        assertEquals(201, fans.get(0).comment(popularPost, "Красота!").status());
        assertEquals("following", reader.followed(followed));
        assertEquals(204, reader.put("block", blockedAuthor).status());
        assertTrue(explored(reader).isEmpty() || !explored(reader).contains(popularPost),
                "explore is computed ahead, not on each request");

        RUNNER.runSchedule("ComputeExploreFunction");

        List<String> seen = explored(reader);
        assertTrue(seen.contains(popularPost), "a popular post of an account she does not follow: " + seen);
        assertTrue(!seen.contains(followedPost), "never an account she follows");
        assertTrue(!seen.contains(blockedPost), "never an account she blocked");
        List<String> seenByFan = explored(fans.get(1));
        assertTrue(seenByFan.contains(followedPost) && seenByFan.contains(blockedPost),
                "the same posts for someone who neither follows nor blocks them: " + seenByFan);
        assertTrue(!explored(popular).contains(popularPost), "never one's own posts");
    }

    /** Every post id {@code user}'s explore shows, page by page to the end. */
    private static List<String> explored(User user) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 50; page++) {
            JsonNode answer = user.ok("GET", "/v1/explore?limit=50" + (cursor == null ? "" : "&cursor=" + encoded(cursor)),
                    null, 200).json();
            answer.path("items").forEach(post -> ids.add(post.path("id").asText()));
            if (!answer.hasNonNull("nextCursor")) {
                return ids;
            }
            cursor = answer.path("nextCursor").asText();
        }
        throw new AssertionError("explore did not end in 50 pages");
    }

    @Test
    void searchFindsACyrillicNameByItsLatinSpelling_andAHashtagPageListsItsPosts() {
        User olga = RUNNER.signUp("olga");
        olga.ok("PATCH", "/v1/me", "{\"displayName\": \"Ольга Бузова\"}", 200);
        User reader = RUNNER.signUp("reader");
        User blocked = RUNNER.signUp("blocked");
        blocked.ok("PATCH", "/v1/me", "{\"displayName\": \"Бузова Фан\"}", 200);
        assertEquals(204, reader.put("block", blocked).status());

        for (String query : List.of("buzova", "БУЗОВА", "olga buz")) {
            JsonNode found = reader.ok("GET", "/v1/search?q=" + encoded(query), null, 200).json();
            List<String> usernames = found.path("accounts").findValuesAsText("username");
            assertTrue(usernames.contains(olga.username()), query + " -> " + found);
            assertTrue(!usernames.contains(blocked.username()), "never a blocked account: " + found);
        }

        String first = olga.postPhotoAndAwaitPublished("Невский утром #Питер");
        String second = olga.postPhotoAndAwaitPublished("Мосты #питер #ночь");
        JsonNode page = reader.await("/v1/hashtags/" + encoded("#ПИТЕР") + "/posts",
                found -> found.path("items").size() == 2, "the hashtag page never listed both posts");
        assertEquals("питер", page.path("tag").asText());
        assertEquals(List.of(second, first), User.ids(page));
        JsonNode tags = reader.ok("GET", "/v1/search?q=" + encoded("#piter"), null, 200).json();
        assertEquals("питер", tags.at("/hashtags/0/tag").asText(), tags.toString());
    }

    @Test
    void savedPosts_newestSaveFirst_private_andGoneWhenTheAuthorBlocksOrDeletes() {
        User masha = RUNNER.signUp("masha");
        User petya = RUNNER.signUp("petya");
        User anna = RUNNER.signUp("anna");
        String nights = masha.postPhotoAndAwaitPublished("Белые ночи #питер");
        String bridges = masha.postPhotoAndAwaitPublished("Разводные мосты #питер");
        String lake = anna.postPhotoAndAwaitPublished("Ладога в июле");

        for (String postId : List.of(nights, lake, bridges, nights)) { // the second save of nights changes nothing
            Reply saved = petya.send("PUT", "/v1/posts/" + postId + "/save", null);
            assertEquals(200, saved.status(), saved.body());
            assertTrue(saved.json().path("saved").asBoolean(), saved.body());
        }
        assertEquals(List.of(bridges, lake, nights), petya.allPages("/v1/me/saved", 2));
        assertEquals(List.of(), masha.allPages("/v1/me/saved", 20), "saved posts are private to the saver");
        JsonNode first = petya.ok("GET", "/v1/me/saved?limit=1", null, 200).json().at("/items/0");
        assertEquals(masha.username(), first.at("/author/username").asText(), first.toString());
        assertTrue(first.at("/photos/0/urls").size() > 0, "the thumbnails, as on the feed: " + first);

        assertEquals(204, anna.put("block", petya).status());
        masha.ok("DELETE", "/v1/posts/" + nights, null, 204);
        assertEquals(List.of(bridges), petya.allPages("/v1/me/saved", 20));

        assertEquals(200, petya.send("DELETE", "/v1/posts/" + bridges + "/save", null).status());
        assertEquals(List.of(), petya.allPages("/v1/me/saved", 20));
    }
}
