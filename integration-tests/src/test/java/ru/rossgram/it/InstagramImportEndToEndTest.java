package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.map;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.media;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.mojibake;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.post;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.relation;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.video;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.imports.instagram.GeneratedExport;

/**
 * Coming over from Instagram as people meet it, through the local runner over real HTTP: Anna uploads her export in
 * two parts, resuming after the first, and the runner's storage events carry it through the import steps and the
 * thumbnail function; her posts appear in her grid at their dates, captions repaired, in no follower's feed; the
 * report says what became of each post. Boris, one of her Instagram followers, arrives later and imports his own:
 * each is offered the other, Anna's audience counts him, and following back works in one request. Nobody who has not
 * joined is ever shown; a second import of the same export adds nothing; unlinking takes the name and the
 * suggestions away.
 */
class InstagramImportEndToEndTest {
    private static final int PART = 5 * 1024 * 1024; // S3's smallest part: a 6 MB export goes up in two

    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of("ROSSGRAM_IMPORTS_PART_SIZE", Integer.toString(PART)));

    private static final Instant JAN_2023 = Instant.parse("2023-01-14T10:00:00Z");
    private static final Instant MAR_2023 = Instant.parse("2023-03-08T12:30:00Z");
    private static final Instant SEP_2023 = Instant.parse("2023-09-01T08:00:00Z");

    @Test
    void anExportComesOver_postsAtTheirDates_thenTheAudienceReconnects() throws Exception {
        User anna = RUNNER.signUp("anna");
        User boris = RUNNER.signUp("boris");
        User carol = RUNNER.signUp("carol");
        String annaIg = handleOf(anna);
        String borisIg = handleOf(boris);
        String ghostIg = "ghost_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36);

        carol.followed(anna);
        String ownPost = anna.postPhotoAndAwaitPublished("made here, today");
        carol.awaitFeed(ids -> ids.contains(ownPost));

        byte[] annasExport = annasExport(annaIg, borisIg, ghostIg);
        String importId = uploadInTwoSittings(anna, annasExport);
        JsonNode done = anna.awaitStatus("/v1/imports/" + importId, "completed");

        assertEquals(annaIg, done.path("instagramUsername").asText(), done.toString());
        assertEquals(3, done.at("/progress/postsTotal").asInt(), done.toString());
        assertEquals(2, done.at("/progress/imported").asInt(), done.toString());
        JsonNode lines = done.at("/report/items");
        assertEquals(List.of("imported", "imported", "skipped"), statuses(lines));
        assertEquals("videos-only", lines.get(2).path("reason").asText());
        String january = lines.get(0).path("postId").asText();
        String march = lines.get(1).path("postId").asText();

        JsonNode first = anna.awaitStatus("/v1/posts/" + january, "published");
        assertEquals("Привет из Казани #казань", first.path("caption").asText(), "the export's mojibake is repaired");
        assertEquals(List.of("казань"), texts(first.path("hashtags")));
        assertTrue(first.path("imported").asBoolean());
        assertEquals(JAN_2023, Instant.parse(first.path("createdAt").asText()), "the post keeps its original date");
        JsonNode carousel = anna.awaitStatus("/v1/posts/" + march, "published");
        assertEquals(2, carousel.path("photos").size(), "a JPEG and a WebP, in the carousel's order");

        assertEquals(List.of(ownPost, march, january), anna.grid(anna), "imported posts sit in the grid at their dates");
        assertEquals(List.of(ownPost), carol.feed(), "a thousand old posts must not flood a follower's feed");

        JsonNode link = anna.ok("GET", "/v1/me/instagram", null, 200).json();
        assertEquals(annaIg, link.path("handle").asText());
        assertEquals(annaIg, anna.profile(anna).path("instagramUsername").asText(), "was @" + annaIg + " on Instagram");
        JsonNode before = anna.ok("GET", "/v1/me/instagram/audience", null, 200).json();
        assertEquals(2, before.path("instagramFollowers").asInt(), before.toString());
        assertEquals(0, before.path("onRossgram").asInt(), "neither of her followers is here yet: " + before);
        assertEquals(List.of(), usernames(anna.ok("GET", "/v1/me/instagram/matches", null, 200).json()));

        // Boris, one of her Instagram followers, arrives and brings his own export.
        String borisImport = uploadInTwoSittings(boris, borisExport(borisIg, annaIg));
        boris.awaitStatus("/v1/imports/" + borisImport, "completed");

        JsonNode annasMatches = anna.ok("GET", "/v1/me/instagram/matches", null, 200).json();
        assertEquals(List.of(boris.username()), usernames(annasMatches), "never a handle that has not joined");
        assertTrue(annasMatches.at("/items/0/followedYouOnInstagram").asBoolean(), annasMatches.toString());
        assertTrue(annasMatches.at("/items/0/youFollowedOnInstagram").asBoolean(), annasMatches.toString());
        assertFalse(annasMatches.toString().contains(ghostIg));
        assertEquals(List.of(anna.username()), usernames(boris.ok("GET", "/v1/me/instagram/matches", null, 200).json()));
        JsonNode counted = anna.ok("GET", "/v1/me/instagram/audience", null, 200).json();
        assertEquals(1, counted.path("onRossgram").asInt(), counted.toString());
        assertEquals(0, counted.path("followYouHere").asInt(), counted.toString());

        JsonNode followedBack = boris.ok("POST", "/v1/me/instagram/matches/follow", null, 200).json();
        assertEquals(1, followedBack.path("followed").asInt(), followedBack.toString());
        assertEquals(1, anna.ok("GET", "/v1/me/instagram/audience", null, 200).json().path("followYouHere").asInt());
        assertEquals(List.of(), usernames(boris.ok("GET", "/v1/me/instagram/matches", null, 200).json()),
                "an account followed is no longer suggested");

        // The same export once more adds nothing.
        String again = uploadInTwoSittings(anna, annasExport);
        JsonNode second = anna.awaitStatus("/v1/imports/" + again, "completed");
        assertEquals(List.of("already-imported", "already-imported", "skipped"), statuses(second.at("/report/items")));
        assertEquals(List.of(ownPost, march, january), anna.grid(anna));

        anna.ok("DELETE", "/v1/me/instagram", null, 204);
        assertEquals(404, anna.send("GET", "/v1/me/instagram", null).status());
        assertFalse(anna.profile(anna).hasNonNull("instagramUsername"), "unlinked: the profile no longer says it");
        assertEquals(404, anna.send("GET", "/v1/me/instagram/matches", null).status(), "no name, no suggestions");
        assertEquals(404, anna.send("GET", "/v1/me/instagram/audience", null).status());
    }

    /**
     * POST /v1/imports, the first part, a broken connection, the parts listing (what arrived, a URL for the rest), the
     * second part, complete: the import is queued.
     */
    private static String uploadInTwoSittings(User user, byte[] zip) {
        JsonNode started = user.ok("POST", "/v1/imports", "{\"files\": [{\"size\": " + zip.length + "}]}", 201).json();
        String importId = started.path("importId").asText();
        JsonNode file = started.at("/files/0");
        assertEquals(2, file.path("partCount").asInt(), file.toString());
        put(file.at("/parts/0/url").asText(), Arrays.copyOfRange(zip, 0, PART));

        JsonNode resumed = user.ok("GET", "/v1/imports/" + importId + "/files/0/parts", null, 200).json();
        assertEquals(1, resumed.path("stored").size(), resumed.toString());
        assertEquals(1, resumed.path("missingCount").asInt(), resumed.toString());
        put(resumed.at("/missing/0/url").asText(), Arrays.copyOfRange(zip, PART, zip.length));

        JsonNode queued = user.ok("POST", "/v1/imports/" + importId + "/complete", null, 200).json();
        assertTrue(List.of("queued", "running", "completed").contains(queued.path("status").asText()), queued.toString());
        return importId;
    }

    private static void put(String url, byte[] bytes) {
        Reply reply = PresignedUrl.put(URI.create(url), Map.of(), bytes);
        assertEquals(200, reply.status(), reply.body());
    }

    /**
     * A 2021-23 export: a Russian caption as the export spells it (mojibake), a JPEG and WebP carousel, a video; two
     * followers (Boris and someone never here) and one account followed (Boris); and a few MB of messages the import
     * does not read, as real exports carry.
     */
    private static byte[] annasExport(String owner, String follower, String stranger) {
        byte[] messages = new byte[6 * 1024 * 1024];
        new Random(17).nextBytes(messages); // incompressible, so the ZIP stays over one part
        return ownedBy(owner)
                .json("content/posts_1.json", List.of(
                        post(null, JAN_2023.getEpochSecond(),
                                media("media/posts/202301/a.jpg", mojibake("Привет из Казани #казань"), null)),
                        post(mojibake("Карусель"), MAR_2023.getEpochSecond(),
                                media("media/posts/202303/b1.jpg", null, null),
                                media("media/posts/202303/b2.webp", null, null)),
                        post(null, SEP_2023.getEpochSecond(), video("media/posts/202309/c.mp4", SEP_2023.getEpochSecond()))))
                .file("media/posts/202301/a.jpg", TestPictures.fixture("orientation-6.jpg"))
                .file("media/posts/202303/b1.jpg", TestPictures.fixture("orientation-1.jpg"))
                .file("media/posts/202303/b2.webp", TestPictures.fixture("lossy.webp"))
                .file("media/posts/202309/c.mp4", new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'})
                .file("messages/inbox/friend_1/photos/attachment.bin", messages)
                .json("followers_and_following/followers_1.json", List.of(
                        relation("", follower, null), relation("", stranger, null)))
                .json("followers_and_following/following.json", map("relationships_following", List.of(
                        relation("", follower, null))))
                .zip();
    }

    /** Boris's export: one photo, and Anna among those he follows and those who follow him. */
    private static byte[] borisExport(String owner, String anna) {
        byte[] padding = new byte[6 * 1024 * 1024];
        new Random(18).nextBytes(padding);
        return ownedBy(owner)
                .json("content/posts_1.json", List.of(post("Сочи", JAN_2023.getEpochSecond(),
                        media("media/posts/202301/s.jpg", "Сочи", null))))
                .file("media/posts/202301/s.jpg", TestPictures.fixture("orientation-1.jpg"))
                .file("messages/inbox/friend_2/photos/attachment.bin", padding)
                .json("followers_and_following/followers_1.json", List.of(relation("", anna, null)))
                .json("followers_and_following/following.json", map("relationships_following", List.of(
                        relation("", anna, null))))
                .zip();
    }

    private static GeneratedExport ownedBy(String handle) {
        return new GeneratedExport().json("account_information/personal_information.json", map("profile_user",
                List.of(map("string_map_data", map("Username", map("href", "", "value", handle, "timestamp", 0))))));
    }

    /** An Instagram name of the account's own, unique per run (Instagram's rule: at most 30 of a-z 0-9 . _). */
    private static String handleOf(User user) {
        String handle = ("ig_" + user.username()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._]", "");
        return handle.substring(Math.max(0, handle.length() - 30));
    }

    private static List<String> statuses(JsonNode lines) {
        List<String> statuses = new ArrayList<>();
        lines.forEach(line -> statuses.add(line.path("status").asText()));
        return statuses;
    }

    private static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(item -> names.add(item.path("username").asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
