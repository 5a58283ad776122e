package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * Issue 20's familiar functionality as phones meet it, through the local runner over real HTTP
 * (docs/discovery.md): photos posted and published by the thumbnail function, and saving posts, the list newest
 * save first and private, a post leaving it when its author blocks the saver or deletes it.
 */
class DiscoveryEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

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
