package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.local.YandexFunctionRuntime;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.events.yandex.YandexStorageTrigger;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The storage-triggered functions through their Yandex entry classes, under what Yandex's triggers do: several
 * objects in one call, and on any error the whole batch again. Each batch here is delivered twice, as a retry
 * after a failure late in it would deliver it; what the functions leave behind is what one delivery leaves.
 */
@ExtendWith(LocalEngines.class)
class YandexTriggersTest extends Contract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FOLLOWERS_PER_STEP = 2;
    private YandexFunctionRuntime yandex;

    YandexTriggersTest() {
        super("CreatePostFunction", Map.of("ROSSGRAM_FEEDS_FOLLOWERS_PER_STEP", Integer.toString(FOLLOWERS_PER_STEP)));
    }

    @AfterAll
    void closeYandex() {
        if (yandex != null) {
            yandex.close();
        }
    }

    /** Hands {@code keys} to the function's Yandex class as one trigger call: its result. */
    private String deliver(String logicalId, List<String> keys) throws Exception {
        if (yandex == null) {
            Map<String, String> overrides = new java.util.HashMap<>(TestSettings.OVERRIDES);
            overrides.put("ROSSGRAM_FEEDS_FOLLOWERS_PER_STEP", Integer.toString(FOLLOWERS_PER_STEP));
            yandex = YandexFunctions.on(backend(), overrides);
        }
        FunctionSpec function = backend().template().function(logicalId).orElseThrow();
        return yandex.invoke(function, JSON.writeValueAsString(batch(keys)));
    }

    /** Object Storage's trigger message for each key, in one call, as the documented format has them. */
    private ObjectNode batch(List<String> keys) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode messages = event.putArray("messages");
        for (String key : keys) {
            ObjectNode message = messages.addObject();
            message.putObject("event_metadata")
                    .put("event_id", java.util.UUID.randomUUID().toString())
                    .put("event_type", YandexStorageTrigger.OBJECT_CREATE)
                    .put("created_at", java.time.Instant.now().toString())
                    .put("cloud_id", "b1gia87mbaomkfvsleds")
                    .put("folder_id", "b1g88tflru0ek1omtsu0");
            message.putObject("details").put("bucket_id", hosts.services().mediaBucket()).put("object_id", key);
        }
        return event;
    }

    private List<String> keysUnder(String prefix) {
        return hosts.services().get(S3Client.class)
                .listObjectsV2Paginator(r -> r.bucket(hosts.services().mediaBucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    private static List<String> renditions(JsonNode avatar) {
        List<String> names = new ArrayList<>();
        avatar.path("urls").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aBatchOfAPostPhotoAndAnAvatar_deliveredTwice_isProcessedOnce() throws Exception {
        User author = hosts.signUp("yct");
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(1200, 900), false);
        String photo = author.uploadJpeg("post", jpeg);
        String avatar = author.uploadJpeg("avatar", jpeg);
        JsonNode post = author.posted(List.of(photo), "");
        assertEquals("processing", post.path("status").asText());
        List<String> keys = List.of("originals/" + author.id() + "/" + photo, "avatars/" + author.id() + "/" + avatar);

        assertEquals("\"2 handled\"", deliver("MakeThumbnailsFunction", keys));
        Post published = hosts.services().get(PostRepository.class).find(post.path("id").asText()).orElseThrow();
        assertEquals(1, published.readyCount(), "the photo is processed");
        List<String> thumbnails = keysUnder("thumbnails/" + author.id() + "/");
        assertTrue(thumbnails.size() > 1, thumbnails.toString());
        JsonNode me = author.ok("GET", "/v1/me", null, 200).json();
        assertTrue(me.at("/avatar/urls").size() > 0, "the avatar is processed: " + me);

        assertEquals("\"2 handled\"", deliver("MakeThumbnailsFunction", keys));
        assertEquals(published, hosts.services().get(PostRepository.class).find(post.path("id").asText()).orElseThrow(),
                "the repeat changed nothing");
        assertEquals(thumbnails, keysUnder("thumbnails/" + author.id() + "/"));
        JsonNode avatarAgain = author.ok("GET", "/v1/me", null, 200).json().path("avatar");
        assertEquals(me.at("/avatar/placeholder"), avatarAgain.path("placeholder"));
        assertEquals(renditions(me.path("avatar")), renditions(avatarAgain)); // its URLs are signed anew on each read
    }

    @Test
    void fanOutSteps_eachBatchDeliveredTwice_giveEveryFollowerThePostOnce() throws Exception {
        User author = hosts.signUp("ycf");
        List<User> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User follower = hosts.signUp("ycf");
            follower.followed(author);
            followers.add(follower);
        }
        String postId = hosts.publishedPost(author, "");
        List<String> delivered = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            List<String> steps = keysUnder("tasks/fanout/").stream().filter(key -> key.contains(postId)).limit(10).toList();
            if (steps.isEmpty()) {
                break;
            }
            assertEquals("\"" + steps.size() + " handled\"", deliver("FanOutFunction", steps));
            assertEquals("\"" + steps.size() + " handled\"", deliver("FanOutFunction", steps));
            delivered.addAll(steps);
        }
        // A repeated step serves the followers after the job's cursor, so the repeats leave fewer steps to queue.
        assertTrue(delivered.stream().anyMatch(key -> key.endsWith("/1")), "5 followers take more than a step of 2: " + delivered);
        assertEquals(List.of(), keysUnder("tasks/fanout/").stream().filter(key -> key.contains(postId)).toList());
        for (User follower : followers) {
            assertEquals(List.of(postId), follower.feed(), follower.username());
        }
        assertEquals(List.of(postId), author.feed());
    }
}
