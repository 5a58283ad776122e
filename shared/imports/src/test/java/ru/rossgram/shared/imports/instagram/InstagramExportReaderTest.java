package ru.rossgram.shared.imports.instagram;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.map;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.media;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.mojibake;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.post;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.relation;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.video;

class InstagramExportReaderTest {

    private static final long NEW_YEAR_2024 = 1_704_067_200L;
    private final InstagramExportReader reader = new InstagramExportReader(ExportLimits.DEFAULT);

    private static List<ExportedPost> posts(InstagramExport export) {
        try (Stream<ExportedPost> posts = export.posts().open()) {
            return posts.toList();
        }
    }

    private static List<String> handles(ExportStream<String> stream) {
        try (Stream<String> handles = stream.open()) {
            return handles.toList();
        }
    }

    private static List<String> uris(ExportedPost post) {
        return post.media().stream().map(ExportedMedia::uri).toList();
    }

    @Test
    void export2024_singlePhoto_captionComesOutInRussianWithItsDate() {
        GeneratedExport files = new GeneratedExport()
                .json("your_instagram_activity/content/posts_1.json", List.of(
                        post(null, NEW_YEAR_2024, media("media/posts/202401/1_n.webp", mojibake("привет"), NEW_YEAR_2024))))
                .files("media/posts/202401/1_n.webp");

        InstagramExport export = reader.read(files);
        ExportedPost post = posts(export).get(0);

        assertEquals(ExportEra.ACTIVITY_2024_2025, export.era());
        assertEquals("привет", post.caption());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), post.takenAt());
        assertEquals(MediaKind.PHOTO, post.media().get(0).kind());
        assertEquals("media/posts/202401/1_n.webp", post.media().get(0).entryName());
        assertEquals(ImportHint.IMPORT, post.hint());
        assertFalse(post.archived());
    }

    @Test
    void carousel_keepsItsOrderAndTakesThePostsTitleAsCaption() {
        String sun = new String(Character.toChars(0x1F31E));
        GeneratedExport files = new GeneratedExport()
                .json("your_instagram_activity/media/posts_1.json", List.of(post(mojibake("Лето " + sun + " #море"), NEW_YEAR_2024,
                        media("media/posts/202401/3.jpg", mojibake("третье"), NEW_YEAR_2024),
                        media("media/posts/202401/1.webp", null, NEW_YEAR_2024),
                        media("media/posts/202401/2.heic", null, NEW_YEAR_2024))));

        ExportedPost carousel = posts(reader.read(files)).get(0);

        assertEquals("Лето " + sun + " #море", carousel.caption());
        assertEquals(List.of("media/posts/202401/3.jpg", "media/posts/202401/1.webp", "media/posts/202401/2.heic"),
                uris(carousel));
        assertTrue(carousel.media().stream().allMatch(m -> m.kind() == MediaKind.PHOTO));
        assertFalse(carousel.media().get(0).presentInArchive(), "the export lists files its archive may lack");
    }

    @Test
    void export2021_postsOverSeveralFiles_comeInTheirNumberedOrder() {
        GeneratedExport files = new GeneratedExport()
                .json("content/posts_10.json", List.of(post(null, 30L, media("media/posts/c.jpg", "tenth file", null))))
                .json("content/posts_2.json", List.of(post(null, 20L, media("media/posts/b.jpg", "second file", null))))
                .json("content/posts_1.json", List.of(post(null, 10L, media("media/posts/a.jpg", "first file", null))));

        InstagramExport export = reader.read(files);

        assertEquals(ExportEra.CONTENT_2021_2023, export.era());
        assertEquals(List.of("first file", "second file", "tenth file"),
                posts(export).stream().map(ExportedPost::caption).toList());
    }

    @Test
    void missingCaptionIsEmpty_andMissingPostDateFallsBackToTheFirstPhotos() {
        GeneratedExport files = new GeneratedExport().json("content/posts_1.json", List.of(
                post(null, null, media("media/posts/a.jpg", null, NEW_YEAR_2024), media("media/posts/b.jpg", null, 5L))));

        ExportedPost post = posts(reader.read(files)).get(0);

        assertEquals("", post.caption());
        assertEquals(Instant.ofEpochSecond(NEW_YEAR_2024), post.takenAt());
    }

    @Test
    void postWithoutAnyDate_saysSoInsteadOfTakingNow() {
        GeneratedExport files = new GeneratedExport().json("content/posts_1.json", List.of(
                post(null, null, media("media/posts/a.jpg", "no date", null)),
                post(null, 0L, media("media/posts/b.jpg", "zero date", 0L))));

        List<ExportedPost> posts = posts(reader.read(files));

        assertTrue(posts.stream().allMatch(ExportedPost::dateMissing));
        assertNull(posts.get(0).takenAt());
    }

    @Test
    void videosAreRecognisedByExtensionAndByStructure_andReportedAsSkipped() {
        GeneratedExport files = new GeneratedExport()
                .json("your_instagram_activity/content/posts_1.json", List.of(
                        post(null, 1L, video("media/posts/clip.mp4", 1L)),
                        post(null, 2L, video("media/posts/no_extension", 2L)),
                        post("mixed", 3L, media("media/posts/p.jpg", null, 3L), video("media/posts/v.mp4", 3L)),
                        post(null, 4L, map("uri", "media/posts/mystery", "creation_timestamp", 4L))))
                .json("your_instagram_activity/media/reels.json", map("ig_reels_media", List.of(
                        post(null, 5L, map("uri", "media/reels/reel.jpg", "creation_timestamp", 5L)))));

        List<ExportedPost> posts = posts(reader.read(files));

        assertEquals(ImportHint.SKIP_VIDEOS_ONLY, posts.get(0).hint());
        assertEquals(ImportHint.SKIP_VIDEOS_ONLY, posts.get(1).hint(), "a video without extension, known by its metadata");
        assertEquals(ImportHint.IMPORT_WITHOUT_VIDEOS, posts.get(2).hint());
        assertEquals(List.of("media/posts/p.jpg"), posts.get(2).importableMedia().stream().map(ExportedMedia::uri).toList());
        assertEquals(MediaKind.UNKNOWN, posts.get(3).media().get(0).kind(), "only its bytes can tell");
        assertEquals(ImportHint.IMPORT, posts.get(3).hint());
        assertEquals(ImportHint.SKIP_VIDEOS_ONLY, posts.get(4).hint(), "a reel is a video whatever its uri says");
        assertTrue(posts.get(4).hint().reason().contains("photos only"));
    }

    @Test
    void archivedPostsAreReadAfterThePublishedOnesAndFlagged() {
        GeneratedExport files = new GeneratedExport()
                .json("content/archived_posts.json", map("ig_archived_post_media", List.of(
                        post(null, 1L, media("media/archived_posts/x.jpg", mojibake("в архиве"), 1L)))))
                .json("content/posts_1.json", List.of(post(null, 2L, media("media/posts/y.jpg", "published", 2L))));

        List<ExportedPost> posts = posts(reader.read(files));

        assertEquals(List.of("published", "в архиве"), posts.stream().map(ExportedPost::caption).toList());
        assertEquals(List.of(false, true), posts.stream().map(ExportedPost::archived).toList());
    }

    @Test
    void export2021_namesItsOwnerAndItsFollowersAndFollowing() {
        GeneratedExport files = new GeneratedExport()
                .json("account_information/personal_information.json", map("profile_user", List.of(map(
                        "media_map_data", map(), "string_map_data", map(
                                "Email", map("href", "", "value", "anna@example.com", "timestamp", 0),
                                "Username", map("href", "", "value", "Anna.Blog", "timestamp", 0))))))
                .json("followers_and_following/followers.json", map("relationships_followers", List.of(
                        relation("", "first_fan", "https://www.instagram.com/first_fan"))))
                .json("followers_and_following/following.json", map("relationships_following", List.of(
                        relation("", "friend", "https://www.instagram.com/friend"))))
                .json("content/posts_1.json", List.of());

        InstagramExport export = reader.read(files);

        assertEquals(Optional.of("anna.blog"), export.ownerUsername());
        assertEquals(List.of("first_fan"), handles(export.followers()));
        assertEquals(List.of("friend"), handles(export.following()));
    }

    @Test
    void export2024_followersSplitOverFiles_andHandlesTakenFromValueTitleOrHref() {
        GeneratedExport files = new GeneratedExport()
                .json("personal_information/personal_information/personal_information.json", map("profile_user",
                        List.of(map("string_map_data", map("Username", map("value", "blogger"))))))
                .json("connections/followers_and_following/followers_2.json", List.of(
                        relation("", "Second_File", "https://www.instagram.com/second_file")))
                .json("connections/followers_and_following/followers_1.json", List.of(
                        relation("", "first", "https://www.instagram.com/first"),
                        relation("", "not a handle!", null),
                        relation("", "@at_sign", null)))
                .json("connections/followers_and_following/following.json", map("relationships_following", List.of(
                        relation("by_value", "by_value", "https://www.instagram.com/by_value"),
                        relation("by_title", null, "https://www.instagram.com/_u/by_title"),
                        relation(null, null, "https://www.instagram.com/_u/by_href/?hl=ru"))))
                .json("your_instagram_activity/threads/followers.json", List.of(relation("", "not_a_follower", null)))
                .json("your_instagram_activity/content/posts_1.json", List.of());

        InstagramExport export = reader.read(files);

        assertEquals(Optional.of("blogger"), export.ownerUsername());
        assertEquals(List.of("first", "at_sign", "second_file"), handles(export.followers()));
        assertEquals(List.of("by_value", "by_title", "by_href"), handles(export.following()));
    }

    @Test
    void export2018_mediaJson_photosWithIsoDates_videosSkipped_profileAndConnections() {
        GeneratedExport files = new GeneratedExport()
                .json("media.json", map(
                        "photos", List.of(
                                map("caption", "Первый пост", "taken_at", "2017-03-21T18:02:32", "path", "photos/201703/a.jpg"),
                                map("taken_at", "2018-01-02T03:04:05+03:00", "path", "photos/201801/b.jpg")),
                        "videos", List.of(map("caption", "clip", "taken_at", "2018-02-01T00:00:00", "path", "videos/201802/c.mp4"))))
                .json("profile.json", map("biography", "", "username", "old_school"))
                .json("connections.json", map(
                        "followers", map("fan_one", "2017-01-01T00:00:00", "fan_two", "2017-02-01T00:00:00"),
                        "following", map("idol", "2016-01-01T00:00:00")))
                .files("photos/201703/a.jpg", "photos/201801/b.jpg");

        InstagramExport export = reader.read(files);
        List<ExportedPost> posts = posts(export);

        assertEquals(ExportEra.MEDIA_JSON_2018, export.era());
        assertEquals("Первый пост", posts.get(0).caption());
        assertEquals(Instant.parse("2017-03-21T18:02:32Z"), posts.get(0).takenAt());
        assertEquals("", posts.get(1).caption());
        assertEquals(Instant.parse("2018-01-02T00:04:05Z"), posts.get(1).takenAt());
        assertEquals(ImportHint.SKIP_VIDEOS_ONLY, posts.get(2).hint());
        assertEquals(Optional.of("old_school"), export.ownerUsername());
        assertEquals(List.of("fan_one", "fan_two"), handles(export.followers()));
        assertEquals(List.of("idol"), handles(export.following()));
    }

    @Test
    void exportSplitOverZipsWithTheirOwnTopFolders_isReadAsOne() {
        GeneratedExport first = new GeneratedExport()
                .json("instagram-anna-2025-part-1/your_instagram_activity/content/posts_1.json", List.of(
                        post(null, NEW_YEAR_2024, media("media/posts/202401/photo.webp", mojibake("где фото?"), null))))
                .json("instagram-anna-2025-part-1/connections/followers_and_following/followers_1.json",
                        List.of(relation("", "fan", null)));
        GeneratedExport second = new GeneratedExport()
                .files("instagram-anna-2025-part-2/media/posts/202401/photo.webp");

        InstagramExport export = reader.read(ExportSource.combined(List.of(first, second)));
        ExportedMedia photo = posts(export).get(0).media().get(0);

        assertEquals(ExportEra.ACTIVITY_2024_2025, export.era());
        assertEquals("где фото?", posts(export).get(0).caption());
        assertEquals("instagram-anna-2025-part-2/media/posts/202401/photo.webp", photo.entryName());
        assertEquals(List.of("fan"), handles(export.followers()));
    }

    @Test
    void htmlExport_isRecognisedAndAsksForJson() {
        GeneratedExport files = new GeneratedExport()
                .raw("your_instagram_activity/content/posts_1.html", "<html><body>posts</body></html>")
                .raw("connections/followers_and_following/followers_1.html", "<html></html>")
                .files("media/posts/202401/a.jpg");

        InstagramExport export = reader.read(files);

        assertTrue(export.htmlOnly());
        assertEquals(ExportEra.HTML, export.era());
        assertTrue(InstagramExport.HTML_EXPORT_MESSAGE.startsWith("HTML export: ask for a JSON export"));
        assertEquals(List.of(), posts(export));
    }

    @Test
    void exportWithoutPosts_isNotMistakenForHtml() {
        InstagramExport export = reader.read(new GeneratedExport()
                .json("connections/followers_and_following/following.json", map("relationships_following", List.of())));

        assertEquals(ExportEra.NO_POSTS, export.era());
        assertFalse(export.htmlOnly());
    }

    @Test
    void postIds_areTheSameOnEveryReading_andDifferBetweenPosts() {
        GeneratedExport files = new GeneratedExport().json("content/posts_1.json", List.of(
                post(null, 1L, media("media/posts/a.jpg", "one", 1L)),
                post(null, 1L, media("media/posts/b.jpg", "two", 1L)),
                post("carousel", 1L, media("media/posts/a.jpg", null, 1L), media("media/posts/b.jpg", null, 1L))));
        GeneratedExport edited = new GeneratedExport().json("content/posts_1.json", List.of(
                post(null, 1L, media("media/posts/a.jpg", "one, edited", 1L))));

        List<String> first = posts(reader.read(files)).stream().map(ExportedPost::id).toList();
        List<String> again = posts(reader.read(files)).stream().map(ExportedPost::id).toList();

        assertEquals(first, again);
        assertEquals(3, first.stream().distinct().count());
        assertEquals(first.get(0), posts(reader.read(edited)).get(0).id(), "an edited caption is the same post");
        assertTrue(first.get(0).matches("ig-[0-9a-f]{32}"));
    }
}
