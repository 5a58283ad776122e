package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ExportInCode.Medium;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.imports.jobs.PostOutcome.LeftOut;
import ru.rossgram.shared.imports.jobs.PostOutcome.Status;
import ru.rossgram.shared.imports.posts.PostImporter;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Posts of an Instagram export brought over by {@link PostImporter}, as the import's processing function calls it,
 * through the real thumbnail function: S3's event about each stored original is handed to it as S3 would send it,
 * and the fan-out function gets every task the author's posts queued. What a user sees is read through the API.
 */
abstract class ImportedPostsContract extends Contract {
    private static final String REGION = "us-east-1";
    private static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";
    private static final Instant SUMMER_2019 = Instant.parse("2019-07-14T18:30:00Z");

    protected ImportedPostsContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private PostImporter importer() {
        return hosts.services().get(PostImporter.class);
    }

    private S3Client s3() {
        return hosts.services().get(S3Client.class);
    }

    private String bucket() {
        return hosts.services().mediaBucket();
    }

    private FunctionSpec function(String logicalId) {
        return backend().template().function(logicalId).orElseThrow(() -> new AssertionError("no " + logicalId));
    }

    private static byte[] jpeg(int rgb) {
        return TestPictures.jpeg(TestPictures.filled(64, 48, rgb), 0.85f, false);
    }

    /** The first box of a HEIC still: {@code ftyp} with brand {@code heic}, then nothing a decoder could use. */
    private static byte[] heicHeader() {
        return isoMedia("heic", "mif1heic");
    }

    /** The first box of an MP4 video, then some bytes. */
    private static byte[] mp4Header() {
        return isoMedia("isom", "isomiso2avc1mp41");
    }

    private static byte[] isoMedia(String major, String compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0, (byte) (16 + compatible.length())});
        out.writeBytes(("ftyp" + major).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[4]);
        out.writeBytes(compatible.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[512]);
        return out.toByteArray();
    }

    private List<PostOutcome> importPost(User author, ExportedPost post, ExportInCode export) {
        return importer().importPost(author.id(), post, export);
    }

    /** Hands S3's event about each original stored for {@code author} to the thumbnail function, as S3 would. */
    private void deliverStoredOriginals(User author) {
        for (S3Object object : objectsUnder("originals/" + author.id() + "/")) {
            String event = S3Notifications.objectCreated(REGION, bucket(), object.key(), object.size(),
                    object.eTag().replace("\"", ""));
            assertEquals("null", hosts.shared().invoke(function("MakeThumbnailsFunction"), event).strip());
        }
    }

    /** Delivers every fan-out task queued for {@code author}'s posts, and those they queue, to the fan-out function. */
    private List<String> deliverFanOutTasks(User author) {
        List<String> delivered = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            List<String> tasks = fanOutTasks(author);
            if (tasks.isEmpty()) {
                return delivered;
            }
            for (String key : tasks) {
                hosts.shared().invoke(function("FanOutFunction"),
                        S3Notifications.objectCreated(REGION, bucket(), key, 0, EMPTY_ETAG));
                delivered.add(key);
            }
        }
        throw new AssertionError("fan-out did not settle: " + fanOutTasks(author));
    }

    private List<String> fanOutTasks(User author) {
        return objectsUnder("tasks/fanout/add/" + author.id() + "/").stream().map(S3Object::key).toList();
    }

    private List<S3Object> objectsUnder(String prefix) {
        return s3().listObjectsV2Paginator(r -> r.bucket(bucket()).prefix(prefix)).contents().stream().toList();
    }

    private static void assertImported(PostOutcome outcome, int photos) {
        assertEquals(Status.IMPORTED, outcome.status(), outcome.toString());
        assertEquals(photos, outcome.photos(), outcome.toString());
    }

    // --- a post of every kind of file ---------------------------------------------------------------------------

    @Test
    void anExportPost_ofJpegWebpNamedJpgPngHeicAndVideo_becomesOnePostOfThreePhotos_publishedAfterThumbnails_inTheGridAtItsDate_andInNoFollowersFeed()
            throws Exception {
        User author = hosts.signUp("importer");
        User follower = hosts.signUp("fan");
        follower.followed(author);
        String olderOwn = hosts.publishedPost(author, "");
        Thread.sleep(20);
        Instant takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // after olderOwn's
        Thread.sleep(Math.max(0, takenAt.toEpochMilli() - System.currentTimeMillis()) + 20);
        String newerOwn = hosts.publishedPost(author, "");

        ExportInCode export = new ExportInCode().post("Море #лето", takenAt,
                new Medium("media/posts/202401/a.jpg", jpeg(0x3a6ea5)),
                new Medium("media/posts/202401/b.jpg", TestPictures.fixture("lossy.webp")),
                new Medium("media/posts/202401/c.png", TestPictures.png(TestPictures.filled(64, 48, 0xa53a6e))),
                new Medium("media/posts/202401/d.heic", heicHeader()),
                new Medium("media/posts/202401/17912345678901234", mp4Header()),
                new Medium("media/posts/202401/gone.jpg", null));
        ExportedPost post = export.read().get(0);

        List<PostOutcome> outcomes = importPost(author, post, export);

        assertEquals(1, outcomes.size(), outcomes.toString());
        PostOutcome outcome = outcomes.get(0);
        assertImported(outcome, 3);
        assertEquals(takenAt, outcome.takenAt());
        assertEquals(List.of(new LeftOut("media/posts/202401/d.heic", "heic-unsupported"),
                new LeftOut("media/posts/202401/17912345678901234", "video"),
                new LeftOut("media/posts/202401/gone.jpg", "missing")), outcome.leftOut());
        assertEquals("processing", author.post(outcome.postId()).path("status").asText(), "until its thumbnails exist");

        deliverStoredOriginals(author);

        JsonNode shown = author.post(outcome.postId());
        assertEquals("published", shown.path("status").asText());
        assertTrue(shown.path("imported").asBoolean());
        assertEquals(takenAt, Instant.parse(shown.path("createdAt").asText()), "the post's date is its original date");
        assertEquals(3, shown.path("photos").size());
        for (JsonNode photo : shown.path("photos")) {
            assertEquals(64, photo.path("width").asInt(), "processed into thumbnails: " + photo);
        }
        assertEquals("Море #лето", shown.path("caption").asText());
        assertFalse(author.post(newerOwn).path("imported").asBoolean(), "posts made here are not imported");

        assertEquals(List.of(newerOwn, outcome.postId(), olderOwn), author.grid(author), "at its date among her own posts");
        assertEquals(3L, author.countsOf(author).get(2), "counted as her post");

        List<String> fanOuts = deliverFanOutTasks(author);
        assertEquals(List.of(newerOwn, olderOwn), follower.feed(), "her own posts reach the follower; the imported one does not");
        assertTrue(fanOuts.stream().noneMatch(task -> task.contains(outcome.postId())), "never even queued: " + fanOuts);
    }

    @Test
    void aRussianCaption_mojibakeInTheExport_comesOverRepaired_withItsHashtagsAndMentionsExtracted() {
        User author = hosts.signUp("importer");
        ExportInCode export = new ExportInCode().post("Привет из Казани! #Лето #казань2019 с @masha_k и @Петя",
                SUMMER_2019, new Medium("media/posts/201907/a.jpg", jpeg(0x6ea53a)));
        PostOutcome outcome = importPost(author, export.read().get(0), export).get(0);
        assertImported(outcome, 1);
        deliverStoredOriginals(author);

        JsonNode shown = author.post(outcome.postId());
        assertEquals("Привет из Казани! #Лето #казань2019 с @masha_k и @Петя", shown.path("caption").asText());
        assertEquals(List.of("лето", "казань2019"), texts(shown.path("hashtags")));
        assertEquals(List.of("masha_k", "петя"), texts(shown.path("mentions")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    // --- long carousels, dates ----------------------------------------------------------------------------------

    @Test
    void aTwelvePhotoCarousel_becomesTwoPosts_ofTenAndTwo_withTheSameDateAndCaption_inCarouselOrder() {
        User author = hosts.signUp("importer");
        Medium[] media = new Medium[12];
        for (int i = 0; i < media.length; i++) {
            media[i] = new Medium("media/posts/201907/p" + i + ".jpg", jpeg(0x101010 * (i + 1)));
        }
        ExportInCode export = new ExportInCode().post("Двенадцать", SUMMER_2019, media);

        List<PostOutcome> outcomes = importPost(author, export.read().get(0), export);

        assertEquals(2, outcomes.size(), outcomes.toString());
        assertImported(outcomes.get(0), 10);
        assertImported(outcomes.get(1), 2);
        assertEquals(List.of(0, 1), outcomes.stream().map(PostOutcome::part).toList());
        deliverStoredOriginals(author);
        for (PostOutcome outcome : outcomes) {
            JsonNode shown = author.post(outcome.postId());
            assertEquals("published", shown.path("status").asText());
            assertEquals(SUMMER_2019, Instant.parse(shown.path("createdAt").asText()));
            assertEquals("Двенадцать", shown.path("caption").asText());
            assertEquals(outcome.photos(), shown.path("photos").size());
        }
        assertEquals(List.of(outcomes.get(0).postId(), outcomes.get(1).postId()), author.grid(author));
    }

    @Test
    void importingTheSamePostTwice_answersAlreadyImported_andAddsNothing() {
        User author = hosts.signUp("importer");
        ExportInCode export = new ExportInCode().post("Дважды", SUMMER_2019,
                new Medium("media/posts/201907/a.jpg", jpeg(0x3a6ea5)), new Medium("media/posts/201907/b.jpg", jpeg(0xa5a53a)));
        ExportedPost post = export.read().get(0);
        PostOutcome first = importPost(author, post, export).get(0);
        deliverStoredOriginals(author);
        Set<String> objects = new HashSet<>(objectsUnder("originals/" + author.id() + "/").stream().map(S3Object::key).toList());

        List<PostOutcome> again = importPost(author, post, export);

        assertEquals(1, again.size());
        assertEquals(Status.ALREADY_IMPORTED, again.get(0).status());
        assertEquals(first.postId(), again.get(0).postId());
        assertEquals(2, again.get(0).photos());
        assertEquals(objects, new HashSet<>(objectsUnder("originals/" + author.id() + "/").stream().map(S3Object::key).toList()));
        assertEquals(List.of(first.postId()), author.grid(author));
        assertEquals(1L, author.countsOf(author).get(2));
    }

    @Test
    void aPostWithoutADate_takesItsPhotosExifDateTimeOriginal() {
        User author = hosts.signUp("importer");
        ExportInCode export = new ExportInCode().post("", null,
                new Medium("media/posts/a.jpg", TestPictures.jpegWithDateTimeOriginal(jpeg(0x3a6ea5), "2018:05:09 07:15:00")));
        PostOutcome outcome = importPost(author, export.read().get(0), export).get(0);

        assertImported(outcome, 1);
        assertEquals(Instant.parse("2018-05-09T07:15:00Z"), outcome.takenAt());
        deliverStoredOriginals(author);
        assertEquals(Instant.parse("2018-05-09T07:15:00Z"), Instant.parse(author.post(outcome.postId()).path("createdAt").asText()));
    }

    @Test
    void aPostWithNoDateAnywhere_orNothingImportable_isSkippedWithTheReason_andStoresNothing() {
        User author = hosts.signUp("importer");
        ExportInCode export = new ExportInCode()
                .post("нет даты", null, new Medium("media/posts/a.jpg", jpeg(0x3a6ea5)))
                .post("видео", SUMMER_2019, new Medium("media/posts/v.mp4", mp4Header()),
                        new Medium("media/posts/17900000000000001", mp4Header()))
                .post("heic", SUMMER_2019, new Medium("media/posts/h.heic", heicHeader()));
        List<ExportedPost> posts = export.read();

        PostOutcome noDate = importPost(author, posts.get(0), export).get(0);
        PostOutcome videos = importPost(author, posts.get(1), export).get(0);
        PostOutcome heic = importPost(author, posts.get(2), export).get(0);

        assertEquals(List.of(Status.SKIPPED, Status.SKIPPED, Status.SKIPPED), List.of(noDate.status(), videos.status(), heic.status()));
        assertEquals(List.of("no-date", "videos-only", "no-importable-photos"), List.of(noDate.reason(), videos.reason(), heic.reason()));
        assertNull(noDate.takenAt(), "never now");
        assertTrue(objectsUnder("originals/" + author.id() + "/").isEmpty());
        assertEquals(List.of(), author.grid(author));
    }

    @Test
    void aPhotoTheThumbnailFunctionRefuses_failsItsImportedPost_whichTheOutcomesPostIdLeadsTo() {
        User author = hosts.signUp("importer");
        byte[] corrupt = jpeg(0x3a6ea5);
        corrupt = java.util.Arrays.copyOf(corrupt, 40); // a JPEG's first bytes, cut short
        ExportInCode export = new ExportInCode().post("", SUMMER_2019, new Medium("media/posts/a.jpg", corrupt));
        PostOutcome outcome = importPost(author, export.read().get(0), export).get(0);
        assertImported(outcome, 1);

        deliverStoredOriginals(author);

        var post = hosts.services().get(PostRepository.class).find(outcome.postId()).orElseThrow();
        assertEquals(PostStatus.FAILED, post.status());
        assertTrue(post.failureReason().startsWith("Photo 1: "), post.failureReason());
        assertEquals(List.of(), author.grid(author));
    }
}
