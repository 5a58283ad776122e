package ru.rossgram.shared.imports.instagram;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.map;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.media;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.post;

class ExportLimitsTest {

    private static final ExportLimits SMALL = new ExportLimits(1_000, 200, 16);

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

    /** A million followers, generated as they are read: the stream never holds them, so this runs in a small heap. */
    @Test
    void millionFollowers_areStreamedOneAtATime() {
        int followers = 1_000_000;
        ExportSource source = new ExportSource() {
            @Override
            public Collection<String> entryNames() {
                return List.of("connections/followers_and_following/followers_1.json");
            }

            @Override
            public InputStream open(String entryName) {
                return new GeneratedFollowers(followers);
            }
        };
        InstagramExport export = new InstagramExportReader(new ExportLimits(1L << 30, 10_000, 64)).read(source);

        long started = System.nanoTime();
        long count;
        long lastDigitSeven;
        try (Stream<String> handles = export.followers().open()) {
            long[] sevens = {0};
            count = handles.peek(h -> sevens[0] += h.endsWith("7") ? 1 : 0).count();
            lastDigitSeven = sevens[0];
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(followers, count);
        assertEquals(followers / 10, lastDigitSeven);
        System.out.printf("streamed %,d follower handles in %,d ms%n", count, millis);
    }

    /** {@code [{"title":"","string_list_data":[{"href":"...","value":"fan_N","timestamp":...}]}, ...]}, made on demand. */
    private static final class GeneratedFollowers extends InputStream {
        private final int total;
        private int produced;
        private byte[] chunk = "[".getBytes(StandardCharsets.US_ASCII);
        private int position;

        GeneratedFollowers(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean refill() {
            if (produced > total) {
                return false;
            }
            String next = produced == total ? "]" : (produced == 0 ? "" : ",")
                    + "{\"title\":\"\",\"media_list_data\":[],\"string_list_data\":[{\"href\":\"https://www.instagram.com/fan_"
                    + produced + "\",\"value\":\"fan_" + produced + "\",\"timestamp\":1700000000}]}";
            produced++;
            chunk = next.getBytes(StandardCharsets.US_ASCII);
            position = 0;
            return true;
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ExportLimits(0, 1, 1));
    }
}
