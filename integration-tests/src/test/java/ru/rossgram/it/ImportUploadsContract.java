package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Uploading an Instagram export through the real imports function against real storage: presigned multipart
 * uploads sent part by part over plain HTTP as a phone sends them, resumed from the parts listing after a broken
 * connection, completed (files assembled whole, the import queued, its first step's task stored), cancelled, and
 * the limits, the one-import-at-a-time rule and the owner-only rule.
 */
abstract class ImportUploadsContract extends Contract {
    private static final int MIB = 1024 * 1024;
    private static final int PART = 5 * MIB; // S3's smallest part, so the tests send few bytes

    protected ImportUploadsContract() {
        super("ImportsFunction", Map.of(
                "ROSSGRAM_IMPORTS_PART_SIZE", Integer.toString(PART),
                "ROSSGRAM_IMPORTS_MAX_FILES", "3",
                "ROSSGRAM_IMPORTS_MAX_FILE_BYTES", Integer.toString(64 * MIB),
                "ROSSGRAM_IMPORTS_MAX_TOTAL_BYTES", Integer.toString(100 * MIB)));
    }

    @Test
    void anExport_uploadedInParts_resumesAfterABrokenConnection_andCompletesIntoWholeFilesAndAQueuedImport() {
        User anna = hosts.signUp("anna");
        byte[] first = bytes(12 * MIB, 1);
        byte[] second = bytes(6 * MIB + 100, 2);
        JsonNode started = start(anna, first.length, second.length);
        String importId = started.path("importId").asText();
        assertEquals("uploading", started.path("status").asText());
        JsonNode file0 = started.path("files").get(0);
        JsonNode file1 = started.path("files").get(1);
        assertEquals(PART, file0.path("partSize").asLong());
        assertEquals(3, file0.path("partCount").asInt());
        assertEquals(2, file1.path("partCount").asInt());
        assertEquals(3, file0.path("parts").size(), "a URL for every part");
        String url = file0.at("/parts/0/url").asText();
        assertFalse(url.toLowerCase(java.util.Locale.ROOT).contains("x-amz-checksum")
                || url.toLowerCase(java.util.Locale.ROOT).contains("x-amz-sdk-checksum"), url);

        // The phone sends the first part of each file, then the connection breaks.
        assertEquals(200, send(file0.path("parts").get(0), first).status());
        assertEquals(200, send(file1.path("parts").get(0), second).status());

        JsonNode listing = parts(anna, importId, 0);
        assertEquals(1, listing.path("stored").size());
        assertEquals(1, listing.at("/stored/0/partNumber").asInt());
        assertEquals(PART, listing.at("/stored/0/size").asLong());
        assertFalse(listing.at("/stored/0/eTag").asText().isEmpty());
        assertEquals(2, listing.path("missingCount").asInt());
        assertEquals(List.of(2, 3), numbers(listing.path("missing")));

        Reply early = anna.send("POST", "/v1/imports/" + importId + "/complete", null);
        assertEquals(409, early.status(), early.body());
        assertEquals("import-upload-incomplete", early.problemType());
        assertEquals(0, early.json().at("/missing/0/index").asInt());
        assertEquals(List.of(2, 3), numbers(early.json().at("/missing/0/partNumbers")));
        assertEquals(1, early.json().at("/missing/1/index").asInt());
        assertEquals(List.of(2), numbers(early.json().at("/missing/1/partNumbers")));

        // Resumed from the listing's fresh URLs: only what is missing is sent again.
        listing.path("missing").forEach(part -> assertEquals(200, send(part, first).status()));
        parts(anna, importId, 1).path("missing").forEach(part -> assertEquals(200, send(part, second).status()));
        assertEquals(0, parts(anna, importId, 1).path("missingCount").asInt());

        JsonNode completed = anna.ok("POST", "/v1/imports/" + importId + "/complete", null, 200).json();
        assertEquals("queued", completed.path("status").asText());
        assertTrue(completed.at("/files/0/uploaded").asBoolean() && completed.at("/files/1/uploaded").asBoolean());
        S3Client s3 = hosts.services().get(S3Client.class);
        String bucket = hosts.services().mediaBucket();
        assertArrayEquals(first, s3.getObjectAsBytes(r -> r.bucket(bucket).key("imports/" + anna.id() + "/" + importId + "/0.zip")).asByteArray());
        assertArrayEquals(second, s3.getObjectAsBytes(r -> r.bucket(bucket).key("imports/" + anna.id() + "/" + importId + "/1.zip")).asByteArray());
        s3.headObject(r -> r.bucket(bucket).key("tasks/imports/run/" + anna.id() + "/" + importId + "/0")); // the first step is asked for

        JsonNode again = anna.ok("POST", "/v1/imports/" + importId + "/complete", null, 200).json();
        assertEquals("queued", again.path("status").asText(), "completing again answers the same state");
        assertTrue(parts(anna, importId, 0).path("uploaded").asBoolean());
        JsonNode read = anna.ok("GET", "/v1/imports/" + importId, null, 200).json();
        assertEquals("queued", read.path("status").asText());
        assertEquals(0, read.at("/report/items").size());
        assertEquals(importId, anna.ok("GET", "/v1/imports", null, 200).json().at("/items/0/importId").asText());

        Reply cancel = anna.send("DELETE", "/v1/imports/" + importId, null);
        assertEquals(409, cancel.status(), cancel.body());
        assertEquals("import-already-uploaded", cancel.problemType());
    }

    @Test
    void noFunction_isSubscribedToUploadedExports() {
        // A part or an assembled export must not set off the thumbnail function or any other: only completion does.
        for (var function : backend().template().functions()) {
            for (var subscription : function.s3Events()) {
                String prefix = subscription.prefix() == null ? "" : subscription.prefix();
                assertFalse("imports/".startsWith(prefix) || prefix.startsWith("imports/"),
                        function.logicalId() + " is subscribed to " + prefix + ", which takes in uploaded exports");
            }
        }
    }

    @Test
    void aPartOfAnotherLength_isRefused_andCompletionStillAsksForIt() {
        User boris = hosts.signUp("boris");
        JsonNode started = start(boris, 7 * MIB);
        String importId = started.path("importId").asText();
        JsonNode part1 = started.at("/files/0/parts/0");
        Reply shortPart = PresignedUrl.put(URI.create(part1.path("url").asText()), Map.of(), bytes(MIB, 3));
        assertTrue(shortPart.status() >= 400 && shortPart.status() < 500, shortPart.status() + " " + shortPart.body());
        Reply complete = boris.send("POST", "/v1/imports/" + importId + "/complete", null);
        assertEquals(409, complete.status(), complete.body());
        assertEquals("import-upload-incomplete", complete.problemType());
        assertEquals(List.of(1, 2), numbers(complete.json().at("/missing/0/partNumbers")));
        boris.ok("DELETE", "/v1/imports/" + importId, null, 204);
    }

    @Test
    void exportsOverTheLimits_areRefused_namingTheLimit() {
        User vera = hosts.signUp("vera");
        assertTooLarge(vera, "{\"files\": [{\"size\": 1}, {\"size\": 1}, {\"size\": 1}, {\"size\": 1}]}", "files", 3);
        assertTooLarge(vera, "{\"files\": [{\"size\": " + (64L * MIB + 1) + "}]}", "fileBytes", 64L * MIB);
        assertTooLarge(vera, "{\"files\": [{\"size\": " + 60L * MIB + "}, {\"size\": " + 60L * MIB + "}]}", "totalBytes", 100L * MIB);
        Reply empty = vera.send("POST", "/v1/imports", "{\"files\": [{\"size\": 0}]}");
        assertEquals(400, empty.status(), empty.body());
        assertEquals(400, vera.send("POST", "/v1/imports", "{\"files\": []}").status());
        assertEquals(0, vera.ok("GET", "/v1/imports", null, 200).json().path("items").size(), "nothing was started");
    }

    @Test
    void aSecondImport_whileOneIsUploading_isRefusedNamingIt_untilThatOneIsCancelled() {
        User gleb = hosts.signUp("gleb");
        String importId = start(gleb, MIB).path("importId").asText();
        Reply second = gleb.send("POST", "/v1/imports", "{\"files\": [{\"size\": 1024}]}");
        assertEquals(409, second.status(), second.body());
        assertEquals("import-in-progress", second.problemType());
        assertEquals(importId, second.json().path("importId").asText());
        gleb.ok("DELETE", "/v1/imports/" + importId, null, 204);
        String next = start(gleb, MIB).path("importId").asText();
        assertNotEquals(importId, next);
    }

    @Test
    void anUploadLeftUnfinishedLongerThanStorageKeepsItsParts_isEndedByTheNextImport() {
        // Abandoned at once here; by default after 3 days, when the bucket's lifecycle rule has aborted its uploads.
        var functions = hosts.start(Map.of("ROSSGRAM_IMPORTS_ABANDONED_AFTER", "0s"));
        User lena = hosts.signUp(functions, "lena");
        String first = lena.ok("POST", "/v1/imports", "{\"files\": [{\"size\": 1024}]}", 201).json().path("importId").asText();
        String second = lena.ok("POST", "/v1/imports", "{\"files\": [{\"size\": 1024}]}", 201).json().path("importId").asText();
        assertNotEquals(first, second);
        JsonNode abandoned = lena.ok("GET", "/v1/imports/" + first, null, 200).json();
        assertEquals("failed", abandoned.path("status").asText());
        assertEquals("abandoned", abandoned.path("failure").asText());
        S3Client s3 = hosts.services().get(S3Client.class);
        String bucket = hosts.services().mediaBucket();
        assertEquals(1, s3.listMultipartUploads(r -> r.bucket(bucket).prefix("imports/" + lena.id() + "/")).uploads().size(),
                "only the new import's upload is open");
    }

    @Test
    void tenConcurrentStarts_makeOneImport() throws Exception {
        User dasha = hosts.signUp("dasha");
        List<Reply> replies = concurrently(10, i -> dasha.send("POST", "/v1/imports", "{\"files\": [{\"size\": 1048576}]}"));
        List<Reply> created = replies.stream().filter(r -> r.status() == 201).toList();
        assertEquals(1, created.size(), replies.toString());
        String importId = created.get(0).json().path("importId").asText();
        for (Reply reply : replies) {
            if (reply.status() != 201) {
                assertEquals("import-in-progress", reply.problemType());
                assertEquals(importId, reply.json().path("importId").asText());
            }
        }
        JsonNode mine = dasha.ok("GET", "/v1/imports", null, 200).json();
        assertEquals(1, mine.path("items").size(), mine.toString());
    }

    @Test
    void anotherUsersImport_isNotFound() {
        User owner = hosts.signUp("owner");
        User stranger = hosts.signUp("stranger");
        String importId = start(owner, MIB).path("importId").asText();
        Reply.assertNotFound(stranger.send("GET", "/v1/imports/" + importId, null));
        Reply.assertNotFound(stranger.send("GET", "/v1/imports/" + importId + "/files/0/parts", null));
        Reply.assertNotFound(stranger.send("POST", "/v1/imports/" + importId + "/complete", null));
        Reply.assertNotFound(stranger.send("DELETE", "/v1/imports/" + importId, null));
        Reply.assertNotFound(owner.send("GET", "/v1/imports/" + importId + "/files/7/parts", null));
        assertEquals(0, stranger.ok("GET", "/v1/imports", null, 200).json().path("items").size());
        assertEquals("uploading", owner.ok("GET", "/v1/imports/" + importId, null, 200).json().path("status").asText());
    }

    @Test
    void cancellingWhileUploading_abortsTheUploads() {
        User zhenya = hosts.signUp("zhenya");
        byte[] export = bytes(6 * MIB, 4);
        JsonNode started = start(zhenya, export.length);
        String importId = started.path("importId").asText();
        assertEquals(200, send(started.at("/files/0/parts/0"), export).status());

        zhenya.ok("DELETE", "/v1/imports/" + importId, null, 204);
        JsonNode cancelled = zhenya.ok("GET", "/v1/imports/" + importId, null, 200).json();
        assertEquals("failed", cancelled.path("status").asText());
        assertEquals("cancelled", cancelled.path("failure").asText());
        S3Client s3 = hosts.services().get(S3Client.class);
        String bucket = hosts.services().mediaBucket();
        String key = "imports/" + zhenya.id() + "/" + importId + "/0.zip";
        String uploadId = s3.listMultipartUploads(r -> r.bucket(bucket).prefix("imports/" + zhenya.id() + "/")).uploads()
                .stream().map(u -> u.uploadId()).findFirst().orElse(null);
        assertNull(uploadId, "no upload stays open");
        // (A part PUT after the abort is refused by S3 with 404 NoSuchUpload; S3Proxy stores it regardless, as a
        // part of no upload, so this contract does not assert it.)
        zhenya.ok("DELETE", "/v1/imports/" + importId, null, 204);
        assertThrows(S3Exception.class, () -> s3.headObject(r -> r.bucket(bucket).key(key)));
        assertEquals(201, zhenya.send("POST", "/v1/imports", "{\"files\": [{\"size\": 1024}]}").status(), "a new one may start");
    }

    @Test
    void theReport_pagesThroughTheOutcomes_eachWithItsPostsStatusNow() {
        User olga = hosts.signUp("olga");
        String importId = start(olga, MIB).path("importId").asText();
        String published = hosts.publishedPost(olga, "");
        // An imported post still processing, whose photo the thumbnail function then refuses (as it records it).
        String refused = hosts.services().get(IdGenerator.class).newId();
        PostRepository posts = hosts.services().get(PostRepository.class);
        TransactionWriter transactions = hosts.services().get(TransactionWriter.class);
        assertTrue(transactions.write(List.of(posts.createItem(new Post(refused, olga.id(), "", List.of(), List.of(), null,
                PostStatus.PROCESSING, null, Instant.now(), null, List.of(), 0, 0)))).isEmpty());
        assertTrue(transactions.write(List.of(posts.photoRejectedItem(refused, "not-an-image"))).isEmpty());
        Instant taken = Instant.parse("2019-06-01T10:00:00Z");
        hosts.services().get(ImportRepository.class).putOutcomes(importId, List.of(
                new ImportRepository.NumberedOutcome(0, new PostOutcome("111", 0, PostOutcome.Status.IMPORTED, null, published, taken, 1, List.of())),
                new ImportRepository.NumberedOutcome(1, new PostOutcome("222", 0, PostOutcome.Status.IMPORTED, null, refused, taken, 1, List.of())),
                new ImportRepository.NumberedOutcome(2, new PostOutcome("333", 0, PostOutcome.Status.SKIPPED, "video", null, null, 0,
                        List.of(new PostOutcome.LeftOut("media/reels/1.mp4", "video"))))));

        JsonNode page1 = olga.ok("GET", "/v1/imports/" + importId + "?limit=2", null, 200).json();
        JsonNode lines = page1.at("/report/items");
        assertEquals(2, lines.size());
        assertEquals("imported", lines.get(0).path("status").asText());
        assertEquals("published", lines.get(0).path("postStatus").asText());
        assertEquals("failed", lines.get(1).path("status").asText(), "the thumbnail function refused its photo");
        assertEquals("not-an-image", lines.get(1).path("reason").asText());
        String cursor = page1.at("/report/nextCursor").asText();
        JsonNode page2 = olga.ok("GET", "/v1/imports/" + importId + "?limit=2&cursor=" + cursor, null, 200).json();
        assertEquals("skipped", page2.at("/report/items/0/status").asText());
        assertEquals("video", page2.at("/report/items/0/leftOut/0/reason").asText());
        assertTrue(page2.at("/report/nextCursor").isMissingNode());

        Reply forged = olga.send("GET", "/v1/imports/" + importId + "?cursor=" + cursor.substring(1), null);
        assertEquals(400, forged.status(), forged.body());
        assertEquals("invalid-cursor", forged.problemType());
    }

    private static void assertTooLarge(User user, String body, String limit, long maximum) {
        Reply reply = user.send("POST", "/v1/imports", body);
        assertEquals(422, reply.status(), reply.body());
        assertEquals("import-too-large", reply.problemType());
        assertEquals(limit, reply.json().path("exceeded").asText());
        assertEquals(maximum, reply.json().path("maximum").asLong());
    }

    private static JsonNode start(User user, long... sizes) {
        StringBuilder files = new StringBuilder();
        for (long size : sizes) {
            files.append(files.length() == 0 ? "" : ", ").append("{\"size\": ").append(size).append('}');
        }
        return user.ok("POST", "/v1/imports", "{\"files\": [" + files + "]}", 201).json();
    }

    private static JsonNode parts(User user, String importId, int index) {
        return user.ok("GET", "/v1/imports/" + importId + "/files/" + index + "/parts", null, 200).json();
    }

    /** PUTs the part's slice of {@code file} to its URL, as the phone does. */
    static Reply send(JsonNode part, byte[] file) {
        int number = part.path("partNumber").asInt();
        long size = part.path("size").asLong();
        int from = (int) ((number - 1L) * PART);
        return PresignedUrl.put(URI.create(part.path("url").asText()), Map.of(), Arrays.copyOfRange(file, from, (int) (from + size)));
    }

    private static List<Integer> numbers(JsonNode array) {
        List<Integer> numbers = new ArrayList<>();
        array.forEach(n -> numbers.add(n.isObject() ? n.path("partNumber").asInt() : n.asInt()));
        return numbers;
    }

    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
