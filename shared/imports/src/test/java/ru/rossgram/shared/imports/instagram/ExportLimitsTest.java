package ru.rossgram.shared.imports.instagram;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.map;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.media;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.post;

class ExportLimitsTest {

    private static final ExportLimits SMALL = new ExportLimits(1_000, 1_000, 200, 16);

    private static long countPosts(InstagramExport export) {
        try (Stream<ExportedPost> posts = export.posts().open()) {
            return posts.count();
        }
    }

    @Test
    void jsonFileOverTheLimit_isRefusedWhileReading_evenWhenItsDeclaredSizeLies() {
        List<Object> many = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(post(null, 1L, media("media/posts/" + i + ".jpg", "caption " + i, 1L)));
        }
        GeneratedExport files = new GeneratedExport().json("content/posts_1.json", many)
                .declaring("content/posts_1.json", 10);

        InstagramExport export = new InstagramExportReader(SMALL).read(files);

        ExportFileTooLargeException refused = assertThrows(ExportFileTooLargeException.class, () -> countPosts(export));
        assertEquals("content/posts_1.json", refused.entryName());
        assertTrue(refused.getMessage().contains("1000 bytes"));
    }

    @Test
    void jsonFileDeclaredOverTheLimit_isRefusedBeforeReading() {
        GeneratedExport files = new GeneratedExport()
                .json("personal_information/personal_information/personal_information.json", map("profile_user", List.of()))
                .declaring("personal_information/personal_information/personal_information.json", 500_000_000L);

        assertThrows(ExportFileTooLargeException.class, () -> new InstagramExportReader(SMALL).read(files));
    }

    @Test
    void onePostLargerThanTheEntryLimit_isRefusedBeforeItIsHeldInMemory() {
        Object[] media = new Object[5_000];
        for (int i = 0; i < media.length; i++) {
            media[i] = media("media/posts/" + i + ".jpg", null, 1L);
        }
        GeneratedExport files = new GeneratedExport().json("content/posts_1.json", List.of(
                post("fine", 1L, media("media/posts/first.jpg", null, 1L)), post("hostile", 1L, media)));
        InstagramExport export = new InstagramExportReader(new ExportLimits(1L << 30, 64 * 1024, 10_000, 64)).read(files);

        try (Stream<ExportedPost> posts = export.posts().open()) {
            java.util.Iterator<ExportedPost> it = posts.iterator();
            assertEquals("fine", it.next().caption());
            MalformedExportException refused = assertThrows(MalformedExportException.class, it::next);
            assertTrue(refused.getMessage().contains("65536 bytes"));
        }
    }

    @Test
    void truncatedOrNonJsonFile_isMalformedAndNamed() {
        GeneratedExport truncated = new GeneratedExport().raw("content/posts_1.json",
                "[{\"media\":[{\"uri\":\"a.jpg\",\"title\":\"one\"}]},{\"media\":[{\"uri\":\"b.j");
        GeneratedExport binary = new GeneratedExport().raw("content/posts_1.json", "PK\u0003\u0004 not json");
        InstagramExportReader reader = new InstagramExportReader(ExportLimits.DEFAULT);

        MalformedExportException cut = assertThrows(MalformedExportException.class, () -> countPosts(reader.read(truncated)));
        assertEquals("content/posts_1.json", cut.entryName());
        assertThrows(MalformedExportException.class, () -> countPosts(reader.read(binary)));
    }

    @Test
    void hugeStringOrDeepNesting_isRefusedAsMalformed() {
        GeneratedExport longCaption = new GeneratedExport().raw("content/posts_1.json",
                "[{\"media\":[{\"uri\":\"a.jpg\",\"title\":\"" + "x".repeat(500) + "\"}]}]");
        GeneratedExport deep = new GeneratedExport().raw("content/posts_1.json", "[" + "[".repeat(40) + "]".repeat(40) + "]");
        InstagramExportReader reader = new InstagramExportReader(SMALL);

        assertThrows(MalformedExportException.class, () -> countPosts(reader.read(longCaption)));
        assertThrows(MalformedExportException.class, () -> countPosts(reader.read(deep)));
    }

    @Test
    void instagramsOwnEscapes_areRepairedStraightFromTheJsonText() {
        GeneratedExport files = new GeneratedExport().raw("content/posts_1.json",
                "[{\"media\":[{\"uri\":\"media/posts/a.jpg\",\"creation_timestamp\":1704067200,"
                        + "\"title\":\"\\u00d0\\u00bf\\u00d1\\u0080\\u00d0\\u00b8\\u00d0\\u00b2\\u00d0\\u00b5\\u00d1\\u0082 "
                        + "\\u00f0\\u009f\\u0098\\u0080\"}]}]");

        try (Stream<ExportedPost> posts = new InstagramExportReader(ExportLimits.DEFAULT).read(files).posts().open()) {
            assertEquals("привет " + new String(Character.toChars(0x1F600)), posts.findFirst().orElseThrow().caption());
        }
    }

    /** A million followers, generated as they are read: the stream never holds them (run with -Xmx16m to see). */
    @Test
    void millionFollowers_areStreamedOneAtATime() {
        int followers = 1_000_000;
        ExportSource source = GeneratedJsonArray.source("connections/followers_and_following/followers_1.json",
                followers, i -> "{\"title\":\"\",\"media_list_data\":[],\"string_list_data\":[{\"href\":"
                        + "\"https://www.instagram.com/fan_" + i + "\",\"value\":\"fan_" + i + "\",\"timestamp\":1700000000}]}");
        InstagramExport export = new InstagramExportReader(new ExportLimits(1L << 30, 10_000, 10_000, 64)).read(source);

        long started = System.nanoTime();
        long count;
        long endingInSeven;
        try (Stream<String> handles = export.followers().open()) {
            long[] sevens = {0};
            count = handles.peek(h -> sevens[0] += h.endsWith("7") ? 1 : 0).count();
            endingInSeven = sevens[0];
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(followers, count);
        assertEquals(followers / 10, endingInSeven);
        System.out.printf("streamed %,d follower handles in %,d ms%n", count, millis);
    }

    /** A hundred thousand carousels of three photos with Russian mojibake captions, read one post at a time. */
    @Test
    void hundredThousandPosts_areStreamedOneAtATime() {
        int total = 100_000;
        String caption = GeneratedExport.mojibake("Пост номер ").chars()
                .mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat);
        ExportSource source = GeneratedJsonArray.source("your_instagram_activity/content/posts_1.json", total,
                i -> "{\"title\":\"" + caption + i + "\",\"creation_timestamp\":" + (1_600_000_000L + i) + ",\"media\":["
                        + "{\"uri\":\"media/posts/" + i + "_1.webp\",\"creation_timestamp\":1600000000},"
                        + "{\"uri\":\"media/posts/" + i + "_2.jpg\",\"creation_timestamp\":1600000000},"
                        + "{\"uri\":\"media/posts/" + i + "_3.heic\",\"creation_timestamp\":1600000000}]}");
        InstagramExport export = new InstagramExportReader(new ExportLimits(1L << 30, 10_000, 10_000, 64)).read(source);

        long started = System.nanoTime();
        ExportedPost last;
        try (Stream<ExportedPost> posts = export.posts().open()) {
            last = posts.reduce((a, b) -> b).orElseThrow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals("Пост номер " + (total - 1), last.caption());
        assertEquals(3, last.media().size());
        System.out.printf("streamed %,d posts in %,d ms%n", total, millis);
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ExportLimits(0, 1, 1, 1));
    }
}
