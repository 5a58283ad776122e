package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.map;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.media;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.mojibake;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.post;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.relation;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.video;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.imports.audience.HandleList;
import ru.rossgram.shared.imports.audience.HandleListRepository;
import ru.rossgram.shared.imports.audience.InstagramLink;
import ru.rossgram.shared.imports.audience.InstagramLinkRepository;
import ru.rossgram.shared.imports.audience.InstagramLinker;
import ru.rossgram.shared.imports.instagram.ExportEra;
import ru.rossgram.shared.imports.instagram.GeneratedExport;
import ru.rossgram.shared.imports.instagram.InstagramExport;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportFile;
import ru.rossgram.shared.imports.jobs.ImportProgress;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.imports.jobs.ImportRepository.NumberedOutcome;
import ru.rossgram.shared.imports.jobs.ImportStatus;
import ru.rossgram.shared.imports.jobs.ImportTasks;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.imports.jobs.PostOutcome.Status;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Processing an Instagram import, through the real import-steps function: exports built by the tests are stored as
 * real ZIP files, the import item is created {@code queued} as the upload's completion leaves it, and each task
 * object the steps store is handed to the function as the storage event S3 would send, until none is left. The steps
 * here import 2 posts and store 3 handles each, so that small exports take several steps.
 */
abstract class ImportStepsContract extends Contract {
    private static final int POSTS_PER_STEP = 2;
    private static final int MAX_ENTRIES = 64;
    private static final int MAX_JSON_BYTES = 256 * 1024;
    private static final Map<String, String> STEP_SETTINGS = Map.of(
            "ROSSGRAM_IMPORTS_POSTS_PER_STEP", Integer.toString(POSTS_PER_STEP),
            "ROSSGRAM_IMPORTS_HANDLES_PER_STEP", "3",
            "ROSSGRAM_IMPORTS_MAX_ARCHIVE_ENTRIES", Integer.toString(MAX_ENTRIES),
            "ROSSGRAM_IMPORTS_MAX_JSON_BYTES", Integer.toString(MAX_JSON_BYTES));

    private static final String REGION = "us-east-1";
    private static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";
    private static final Instant JAN_2023 = Instant.parse("2023-01-14T09:30:00Z");
    private static final Instant MAR_2023 = Instant.parse("2023-03-08T12:00:00Z");
    private static final Instant JUL_2023 = Instant.parse("2023-07-01T18:45:10Z");
    private static final Instant SEP_2023 = Instant.parse("2023-09-30T07:00:00Z");

    protected ImportStepsContract() {
        super("ImportStepsFunction", STEP_SETTINGS);
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private SharedServices services() {
        return hosts.services();
    }

    private S3Client s3() {
        return services().get(S3Client.class);
    }

    private ImportRepository imports() {
        return services().get(ImportRepository.class);
    }

    private FunctionSpec stepsFunction() {
        return backend().template().function("ImportStepsFunction").orElseThrow();
    }

    private static byte[] jpeg() {
        return TestPictures.fixture("orientation-1.jpg");
    }

    private static byte[] webp() {
        return TestPictures.fixture("lossy.webp");
    }

    private static long seconds(Instant at) {
        return at.getEpochSecond();
    }

    /** The owner's name as 2021-23 exports give it. */
    private static GeneratedExport ownedBy(String handle) {
        return new GeneratedExport().json("account_information/personal_information.json", map("profile_user",
                List.of(map("string_map_data", map("Username", map("href", "", "value", handle, "timestamp", 0))))));
    }

    private static String handleOf(User user) {
        String handle = ("ig_" + user.username()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._]", "");
        return handle.substring(Math.max(0, handle.length() - 30)); // the unique end of the name
    }

    /**
     * A 2021-23 export: a Russian caption as mojibake with a hashtag, a carousel of three (JPEG, WebP, JPEG), a WebP
     * without a caption, a video, a post whose only date is its photo's; four followers and two followed accounts.
     */
    private static GeneratedExport export2021(String owner) {
        return ownedBy(owner)
                .json("content/posts_1.json", List.of(
                        post(null, seconds(JAN_2023), media("media/posts/202301/a.jpg", mojibake("Привет, мир #москва"), null)),
                        post(mojibake("Карусель"), seconds(MAR_2023),
                                media("media/posts/202303/b1.jpg", null, null),
                                media("media/posts/202303/b2.webp", null, null),
                                media("media/posts/202303/b3.jpg", null, null)),
                        post(null, seconds(JUL_2023), media("media/posts/202307/c.webp", null, null)),
                        post(null, seconds(SEP_2023), video("media/posts/202309/d.mp4", seconds(SEP_2023))),
                        post("no date given", null, media("media/posts/202310/e.jpg", "no date given", null))))
                .file("media/posts/202301/a.jpg", jpeg())
                .file("media/posts/202303/b1.jpg", jpeg())
                .file("media/posts/202303/b2.webp", webp())
                .file("media/posts/202303/b3.jpg", jpeg())
                .file("media/posts/202307/c.webp", webp())
                .file("media/posts/202309/d.mp4", new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p'})
                .file("media/posts/202310/e.jpg", jpeg())
                .json("followers_and_following/followers_1.json", List.of(
                        relation("", "fan_one", null), relation("", "fan_two", null),
                        relation("", "fan_three", null), relation("", "fan_four", null)))
                .json("followers_and_following/following.json", map("relationships_following", List.of(
                        relation("", "idol", null), relation("", "friend", null))));
    }

    /** Stores the export's files and creates the import as the upload's completion leaves it, step 0 queued. */
    private String queued(User owner, byte[]... zips) {
        String importId = services().get(IdGenerator.class).newId();
        List<ImportFile> files = new ArrayList<>();
        for (int i = 0; i < zips.length; i++) {
            String key = "imports/" + owner.id() + "/" + importId + "/" + i + ".zip";
            s3().putObject(r -> r.bucket(services().mediaBucket()).key(key), RequestBody.fromBytes(zips[i]));
            files.add(new ImportFile(i, key, zips[i].length, 8L << 20, null));
        }
        Instant now = Instant.now();
        imports().create(new Import(importId, owner.id(), ImportStatus.QUEUED, files, 0, null, ImportProgress.NONE,
                null, null, null, null, now, now));
        services().get(ImportTasks.class).enqueue(new ImportTasks.Task(owner.id(), importId, 0));
        return importId;
    }

    private List<String> pending(String prefix) {
        return s3().listObjectsV2Paginator(r -> r.bucket(services().mediaBucket()).prefix(prefix)).contents()
                .stream().map(S3Object::key).sorted().toList();
    }

    private List<String> tasksOf(String importId) {
        return pending(ImportTasks.PREFIX).stream().filter(key -> key.contains("/" + importId + "/")).toList();
    }

    private List<String> deliverImportTasks() {
        return deliverImportTasks(hosts.shared());
    }

    /** Delivers every stored import task to the function, and the tasks they queue, until none is left. */
    private List<String> deliverImportTasks(FunctionHost through) {
        List<String> delivered = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<String> tasks = pending(ImportTasks.PREFIX);
            if (tasks.isEmpty()) {
                return delivered;
            }
            for (String key : tasks) {
                through.invoke(stepsFunction(), taskStored(key));
                delivered.add(key);
            }
        }
        throw new AssertionError("the import did not settle: " + pending(ImportTasks.PREFIX));
    }

    private String taskStored(String key) {
        return S3Notifications.objectCreated(REGION, services().mediaBucket(), key, 0, EMPTY_ETAG);
    }

    private Import importOf(String importId) {
        return imports().find(importId).orElseThrow();
    }

    private List<NumberedOutcome> report(String importId) {
        return imports().outcomes(importId, null, 1000).outcomes();
    }

    private Post storedPost(String postId) {
        return services().get(PostRepository.class).find(postId).orElseThrow(() -> new AssertionError("no post " + postId));
    }

    /** The photos the user's imports stored for the thumbnail pipeline: one object a photo. */
    private List<String> originals(User user) {
        return pending("originals/" + user.id() + "/");
    }

    private User signUp() {
        return hosts.signUp("import");
    }

    // --- importing ------------------------------------------------------------------------------------------

    @Test
    void anExport_isImportedInSteps_everyPostReportedInTheExportsOrder_andItsFilesDeletedAtTheEnd() {
        User anna = signUp();
        String importId = queued(anna, export2021(handleOf(anna)).zip());

        List<String> steps = deliverImportTasks();

        Import done = importOf(importId);
        assertEquals(ImportStatus.COMPLETED, done.status(), done.failureDetail());
        // scan, 3 steps of at most 2 posts, followers in 2 steps of 3 handles, following, finish
        assertEquals(8, steps.size(), steps.toString());
        assertEquals(8, done.step());
        assertEquals(ExportEra.CONTENT_2021_2023.name(), done.era());
        assertEquals(handleOf(anna), done.instagramUsername());
        assertEquals(new ImportProgress(5, 5, 4, 1, 0, done.progress().bytesTotal(), done.progress().bytesTotal()),
                done.progress());
        assertTrue(done.progress().bytesTotal() >= 4L * jpeg().length + 2L * webp().length, done.progress().toString());

        List<NumberedOutcome> lines = report(importId);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), lines.stream().map(NumberedOutcome::seq).toList());
        assertEquals(List.of(Status.IMPORTED, Status.IMPORTED, Status.IMPORTED, Status.SKIPPED, Status.IMPORTED),
                lines.stream().map(l -> l.outcome().status()).toList());
        PostOutcome russian = lines.get(0).outcome();
        assertEquals("Привет, мир #москва", storedPost(russian.postId()).caption(), "the mojibake repaired");
        assertEquals(List.of("москва"), storedPost(russian.postId()).hashtags());
        assertTrue(storedPost(russian.postId()).imported());
        assertEquals(JAN_2023, russian.takenAt());
        assertEquals(3, lines.get(1).outcome().photos(), "the carousel's JPEG and WebP photos");
        assertEquals("Карусель", storedPost(lines.get(1).outcome().postId()).caption());
        assertEquals("", storedPost(lines.get(2).outcome().postId()).caption(), "no caption is an empty one");
        assertEquals("videos-only", lines.get(3).outcome().reason());
        assertEquals(GeneratedExport.ENTRY_TIME, lines.get(4).outcome().takenAt(),
                "a photo without a date in the export or EXIF takes its archive entry's");
        assertEquals(6, originals(anna).size(), "one original per photo, the video left out");

        InstagramLink link = services().get(InstagramLinkRepository.class).find(anna.id()).orElseThrow();
        assertEquals(handleOf(anna), link.handle());
        assertEquals(4, link.followers());
        assertEquals(2, link.following());

        assertEquals(List.of(), pending("imports/" + anna.id() + "/" + importId + "/"), "the export is deleted");
        assertEquals(List.of(), tasksOf(importId));
    }

    @Test
    void anExportUploadedThroughTheApi_isImported_andItsReportReadThroughTheApi() {
        User anna = signUp();
        byte[] zip = export2021(handleOf(anna)).zip();
        JsonNode started = anna.ok("POST", "/v1/imports", "{\"files\": [{\"size\": " + zip.length + "}]}", 201).json();
        String importId = started.path("importId").asText();
        assertEquals(1, started.at("/files/0/partCount").asInt(), "one part is enough for this export");
        assertEquals(200, PresignedUrl.put(URI.create(started.at("/files/0/parts/0/url").asText()), Map.of(), zip).status());
        anna.ok("POST", "/v1/imports/" + importId + "/complete", null, 200);

        deliverImportTasks();

        JsonNode done = anna.ok("GET", "/v1/imports/" + importId, null, 200).json();
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(5, done.at("/progress/postsDone").asInt());
        assertEquals(5, done.at("/progress/postsTotal").asInt());
        assertEquals(4, done.at("/progress/imported").asInt());
        JsonNode lines = done.at("/report/items");
        assertEquals(5, lines.size());
        assertEquals("imported", lines.get(0).path("status").asText());
        assertEquals("skipped", lines.get(3).path("status").asText());
        assertEquals("videos-only", lines.get(3).path("reason").asText());
    }

    @Test
    void anExportNamingAnInstagramNameAnotherAccountHolds_isImported_withoutTakingTheName() {
        User boris = signUp();
        String handle = handleOf(boris);
        queued(boris, wouldImport(handle).zip());
        deliverImportTasks();
        User anna = signUp();
        byte[] zip = export2021(handle).zip();
        JsonNode started = anna.ok("POST", "/v1/imports", "{\"files\": [{\"size\": " + zip.length + "}]}", 201).json();
        String importId = started.path("importId").asText();
        assertEquals(200, PresignedUrl.put(URI.create(started.at("/files/0/parts/0/url").asText()), Map.of(), zip).status());
        anna.ok("POST", "/v1/imports/" + importId + "/complete", null, 200);

        deliverImportTasks();

        JsonNode done = anna.ok("GET", "/v1/imports/" + importId, null, 200).json();
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(4, done.at("/progress/imported").asInt(), "her posts are imported all the same");
        assertEquals("@" + handle + " is linked to another account.", done.path("instagramLinkRefusal").asText());
        InstagramLinkRepository links = services().get(InstagramLinkRepository.class);
        assertEquals(boris.id(), links.holder(handle).orElseThrow(), "the name stays his");
        assertTrue(links.find(anna.id()).isEmpty(), "and she keeps no lists of it");
    }

    @Test
    void aStepDeliveredTwiceAtOnce_reportsEachPostAsTheDeliveryThatMadeItSawIt() throws Exception {
        User anna = signUp();
        String importId = queued(anna, export2021(handleOf(anna)).zip());
        for (int round = 0; round < 100 && !pending(ImportTasks.PREFIX).isEmpty(); round++) {
            for (String key : pending(ImportTasks.PREFIX)) {
                // Storage events come at least once: every step here arrives twice, at the same moment.
                Concurrency.concurrently(2, i -> {
                    hosts.shared().invoke(stepsFunction(), taskStored(key));
                    return null;
                });
            }
        }
        Import done = importOf(importId);
        assertEquals(ImportStatus.COMPLETED, done.status(), done.failureDetail());
        List<String> statuses = new ArrayList<>();
        services().get(ImportRepository.class).outcomes(importId, null, 100).outcomes()
                .forEach(line -> statuses.add(line.outcome().status().wire()));
        assertEquals(List.of("imported", "imported", "imported", "skipped", "imported"), statuses,
                "the delivery that lost the race finds the posts made, and must not call them already imported");
        assertEquals(4, done.progress().imported(), done.progress().toString());
    }

    @Test
    void aFollowersListSplitOverFiles_isStoredFileByFile_eachHandleOnce_toItsLastFile() {
        User boris = signUp();
        String borisIg = handleOf(boris);
        queued(boris, wouldImport(borisIg).zip());
        deliverImportTasks();
        User anna = signUp();
        String importId = queued(anna, wouldImport(handleOf(anna))
                .json("followers_and_following/followers_1.json", handles("fan_a", "fan_b", "fan_c", "fan_d"))
                .json("followers_and_following/followers_2.json", handles("fan_e", "fan_f"))
                .json("followers_and_following/followers_3.json", handles("fan_g", "fan_h", borisIg, "fan_i", "fan_j"))
                .zip());

        List<String> steps = deliverImportTasks();

        assertEquals(ImportStatus.COMPLETED, importOf(importId).status(), steps.toString());
        InstagramLink link = services().get(InstagramLinkRepository.class).find(anna.id()).orElseThrow();
        assertEquals(11, link.followers(), "every handle of the three files, each once (a wrong skip repeats or drops)");
        JsonNode matches = boris.ok("GET", "/v1/me/instagram/matches", null, 200).json();
        assertEquals(anna.username(), matches.at("/items/0/username").asText(),
                "the last file's handles were indexed: Boris is offered Anna, whom he followed: " + matches);
    }

    private static List<Object> handles(String... names) {
        List<Object> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(relation("", name, null));
        }
        return entries;
    }

    @Test
    void unlinkingAfterAnImport_hasTheFunctionCleanUpTheImportedLists_stepByStep() {
        User anna = signUp();
        queued(anna, export2021(handleOf(anna)).zip());
        deliverImportTasks();
        HandleListRepository lists = services().get(HandleListRepository.class);
        assertTrue(lists.firstChunk(anna.id(), HandleList.FOLLOWERS).isPresent(), "her followers list is kept");

        services().get(InstagramLinker.class).unlink(anna.id()); // queues the cleanup under tasks/imports/unlink/
        List<String> cleanup = deliverImportTasks();

        assertTrue(cleanup.stream().allMatch(key -> key.startsWith("tasks/imports/unlink/" + anna.id() + "/")), cleanup.toString());
        assertTrue(lists.firstChunk(anna.id(), HandleList.FOLLOWERS).isEmpty(), "the followers list is gone");
        assertTrue(lists.firstChunk(anna.id(), HandleList.FOLLOWING).isEmpty(), "the following list is gone");
        InstagramLinkRepository links = services().get(InstagramLinkRepository.class);
        assertTrue(links.holder(handleOf(anna)).isEmpty(), "the name is free again");
        assertTrue(!links.unlinking(anna.id()), "the cleanup finished");
    }

    @Test
    void aRepeatedOrLateTask_changesNothing() {
        User anna = signUp();
        String importId = queued(anna, export2021(handleOf(anna)).zip());
        String firstStep = tasksOf(importId).get(0);
        deliverImportTasks();
        Import done = importOf(importId);

        hosts.shared().invoke(stepsFunction(), taskStored(firstStep));

        assertEquals(done, importOf(importId));
        assertEquals(List.of(), tasksOf(importId), "no step queued again");
    }

    static Stream<Arguments> eras() {
        Supplier<GeneratedExport> era2018 = () -> new GeneratedExport()
                .json("profile.json", map("username", "old_school"))
                .json("media.json", map("photos", List.of(
                        map("caption", mojibake("Первый пост"), "taken_at", "2017-03-21T18:02:32", "path", "photos/201703/a.jpg"),
                        map("caption", "second", "taken_at", "2018-01-02T03:04:05+03:00", "path", "photos/201801/b.jpg"))))
                .file("photos/201703/a.jpg", jpeg())
                .file("photos/201801/b.jpg", webp());
        Supplier<GeneratedExport> era2021 = () -> new GeneratedExport()
                .json("content/posts_1.json", List.of(
                        post(null, seconds(JAN_2023), media("media/posts/202301/a.jpg", mojibake("Первый пост"), null)),
                        post(null, seconds(MAR_2023), media("media/posts/202303/b.webp", "second", null))))
                .json("content/archived_posts.json", map("ig_archived_post_media", List.of(
                        post(null, seconds(JUL_2023), media("media/archived_posts/202307/c.jpg", "archived", null)))))
                .file("media/posts/202301/a.jpg", jpeg())
                .file("media/posts/202303/b.webp", webp())
                .file("media/archived_posts/202307/c.jpg", jpeg());
        Supplier<GeneratedExport> era2024 = () -> new GeneratedExport()
                .json("your_instagram_activity/media/posts_1.json", List.of(
                        post(null, seconds(JAN_2023), media("media/posts/202301/a.jpg", mojibake("Первый пост"), null)),
                        post(null, seconds(MAR_2023), media("media/posts/202303/b.webp", "second", null))))
                .json("your_instagram_activity/media/archived_posts.json", map("ig_archived_post_media", List.of(
                        post(null, seconds(JUL_2023), media("media/archived_posts/202307/c.jpg", "archived", null)))))
                .file("media/posts/202301/a.jpg", jpeg())
                .file("media/posts/202303/b.webp", webp())
                .file("media/archived_posts/202307/c.jpg", jpeg());
        return Stream.of(Arguments.of(ExportEra.MEDIA_JSON_2018, era2018, 2),
                Arguments.of(ExportEra.CONTENT_2021_2023, era2021, 3),
                Arguments.of(ExportEra.ACTIVITY_2024_2025, era2024, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    void everyEra_isImported_archivedPostsToo(ExportEra era, Supplier<GeneratedExport> export, int posts) {
        User anna = signUp();
        String importId = queued(anna, export.get().zip());

        deliverImportTasks();

        Import done = importOf(importId);
        assertEquals(ImportStatus.COMPLETED, done.status(), done.failureDetail());
        assertEquals(era.name(), done.era());
        List<NumberedOutcome> lines = report(importId);
        assertEquals(posts, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.outcome().status() == Status.IMPORTED), lines.toString());
        assertEquals("Первый пост", storedPost(lines.get(0).outcome().postId()).caption());
        assertEquals(posts, done.progress().imported());
    }

    @Test
    void anExportSplitOverTwoZipFiles_isReadAsOne() {
        User anna = signUp();
        byte[] first = new GeneratedExport()
                .json("instagram-anna-part-1/your_instagram_activity/content/posts_1.json", List.of(
                        post(null, seconds(JAN_2023), media("media/posts/202301/a.jpg", "first", null)),
                        post(null, seconds(MAR_2023), media("media/posts/202303/b.jpg", "second", null))))
                .file("instagram-anna-part-1/media/posts/202301/a.jpg", jpeg()).zip();
        byte[] second = new GeneratedExport()
                .file("instagram-anna-part-2/media/posts/202303/b.jpg", jpeg()).zip();
        String importId = queued(anna, first, second);

        deliverImportTasks();

        assertEquals(List.of(Status.IMPORTED, Status.IMPORTED),
                report(importId).stream().map(l -> l.outcome().status()).toList());
        assertEquals(List.of(), pending("imports/" + anna.id() + "/" + importId + "/"), "both files deleted");
    }

    @Test
    void anHtmlExport_failsTheImport_askingForAJsonExport() {
        User anna = signUp();
        String importId = queued(anna, new GeneratedExport()
                .raw("your_instagram_activity/content/posts_1.html", "<html><body>posts</body></html>")
                .file("media/posts/202401/a.jpg", jpeg()).zip());

        deliverImportTasks();

        Import failed = importOf(importId);
        assertEquals(ImportStatus.FAILED, failed.status());
        assertEquals("html-export", failed.failure());
        assertEquals(InstagramExport.HTML_EXPORT_MESSAGE, failed.failureDetail());
        assertEquals(List.of(), report(importId));
        assertEquals(List.of(), originals(anna));
    }

    // --- hostile archives -----------------------------------------------------------------------------------

    /** A small export whose owner and post would be written, were the archive not refused. */
    private static GeneratedExport wouldImport(String owner) {
        return ownedBy(owner)
                .json("content/posts_1.json", List.of(post(null, seconds(JAN_2023), media("media/posts/202301/a.jpg", "x", null))))
                .file("media/posts/202301/a.jpg", jpeg());
    }

    /** A ZIP holding {@code export}'s files and one more entry, written as is. */
    private static byte[] withEntry(GeneratedExport export, String name, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.zip()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    interface Archive {
        byte[] of(String owner);
    }

    static Stream<Arguments> hostileArchives() {
        return Stream.of(
                Arguments.of("a ../ entry", (Archive) owner -> withEntry(wouldImport(owner), "../../etc/cron.d/x", new byte[]{1}),
                        "unsafe-archive", "unsafe-path"),
                Arguments.of("an absolute path", (Archive) owner -> withEntry(wouldImport(owner), "/etc/passwd", new byte[]{1}),
                        "unsafe-archive", "unsafe-path"),
                Arguments.of("a zip bomb by ratio", (Archive) owner -> ownedBy(owner)
                                .json("content/posts_1.json", List.of(post(null, seconds(JAN_2023),
                                        media("media/posts/202301/bomb.jpg", "x", null))))
                                .file("media/posts/202301/bomb.jpg", bomb(20 << 20)).zip(),
                        "unsafe-archive", "compression-ratio"),
                Arguments.of("too many entries", (Archive) owner -> {
                            GeneratedExport export = wouldImport(owner);
                            for (int i = 0; i < MAX_ENTRIES; i++) {
                                export.file("media/stories/202301/s" + i + ".jpg", new byte[]{(byte) i});
                            }
                            return export.zip();
                        },
                        "unsafe-archive", "too-many-entries"),
                Arguments.of("a huge JSON file", (Archive) owner -> ownedBy(owner)
                                .json("content/posts_1.json", Stream.generate(() -> post("x".repeat(200), seconds(JAN_2023),
                                        media("media/posts/202301/a.jpg", "x", null))).limit(2000).toList())
                                .file("media/posts/202301/a.jpg", jpeg()).zip(),
                        "unreadable-export", "content/posts_1.json"),
                Arguments.of("malformed JSON", (Archive) owner -> ownedBy(owner)
                                .raw("content/posts_1.json", "[{\"title\": \"x\", \"media\": [").zip(),
                        "unreadable-export", "content/posts_1.json"),
                Arguments.of("a truncated archive", (Archive) owner -> {
                            byte[] whole = wouldImport(owner).zip();
                            return Arrays.copyOf(whole, whole.length / 2);
                        },
                        "unsafe-archive", "truncated"),
                Arguments.of("a renamed non-ZIP", (Archive) owner -> jpeg(), "unsafe-archive", "not-a-zip"));
    }

    /** A "photo" of {@code size} zero bytes: it deflates about a thousand times. */
    private static byte[] bomb(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void aHostileArchive_failsTheImport_namingTheRule_andNothingOutsideTheImportIsWritten(String what, Archive archive,
                                                                                          String code, String detail) {
        User anna = signUp();
        String importId = queued(anna, archive.of(handleOf(anna)));

        List<String> steps = deliverImportTasks();

        Import failed = importOf(importId);
        assertEquals(1, steps.size(), "refused by the first step");
        assertEquals(ImportStatus.FAILED, failed.status());
        assertEquals(code, failed.failure(), failed.failureDetail());
        assertTrue(failed.failureDetail().startsWith(detail), failed.failureDetail());
        assertEquals(List.of(), report(importId));
        assertEquals(List.of(), originals(anna), "no photo stored");
        assertTrue(services().get(InstagramLinkRepository.class).find(anna.id()).isEmpty(), "no Instagram name linked");
        assertEquals(List.of(), pending("imports/" + anna.id() + "/" + importId + "/"), "the archive is deleted");
    }

    // --- restarts and repeats -------------------------------------------------------------------------------

    @Test
    void aStepKilledHalfway_isDeliveredAgain_andImportsEachPostOnce() throws Exception {
        User anna = signUp();
        String importId = queued(anna, export2021(handleOf(anna)).zip());
        hosts.shared().invoke(stepsFunction(), taskStored(tasksOf(importId).get(0))); // the scan
        String postsStep = tasksOf(importId).get(0);

        String database = backend().functionEnvironment(stepsFunction()).get("AWS_ENDPOINT_URL_DYNAMODB");
        try (FailingDynamoDb secondPostFails = FailingDynamoDb.failingAfter("TransactWriteItems", 1, database)) {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_ENDPOINT_URL_DYNAMODB", secondPostFails.url());
            FunctionHost dying = hosts.start(env);
            assertThrows(RuntimeException.class, () -> dying.invoke(stepsFunction(), taskStored(postsStep)));
            assertTrue(secondPostFails.refused() > 0);
        }
        List<NumberedOutcome> before = report(importId);
        assertEquals(1, before.size(), "the first post was imported before the step died");
        assertEquals(1, importOf(importId).step(), "and the import did not move on");
        assertEquals(List.of(postsStep), tasksOf(importId), "the task stays for the platform's retry");

        deliverImportTasks();

        Import done = importOf(importId);
        assertEquals(ImportStatus.COMPLETED, done.status());
        List<NumberedOutcome> lines = report(importId);
        assertEquals(before.get(0), lines.get(0), "the first post's line as it was first written");
        assertEquals(4, done.progress().imported(), "each post counted once");
        assertEquals(6, originals(anna).size(), "each photo stored once");
        assertEquals(4, lines.stream().map(l -> l.outcome().postId()).filter(id -> id != null).distinct().count());
    }

    @Test
    void aSecondImportOfTheSameExport_addsNothing() {
        User anna = signUp();
        byte[] zip = export2021(handleOf(anna)).zip();
        String first = queued(anna, zip);
        deliverImportTasks();
        List<String> photos = originals(anna);

        String second = queued(anna, zip);
        deliverImportTasks();

        Import again = importOf(second);
        assertEquals(ImportStatus.COMPLETED, again.status());
        assertEquals(0, again.progress().imported());
        assertEquals(5, again.progress().skipped());
        List<NumberedOutcome> firstLines = report(first);
        List<NumberedOutcome> secondLines = report(second);
        for (int i = 0; i < firstLines.size(); i++) {
            PostOutcome was = firstLines.get(i).outcome();
            PostOutcome now = secondLines.get(i).outcome();
            if (was.status() == Status.IMPORTED) {
                assertEquals(Status.ALREADY_IMPORTED, now.status());
                assertEquals(was.postId(), now.postId(), "the same post, not a copy");
            }
        }
        assertEquals(photos, originals(anna), "no photo stored again");
    }
}
