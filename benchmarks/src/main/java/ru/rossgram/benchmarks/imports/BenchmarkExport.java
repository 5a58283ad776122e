package ru.rossgram.benchmarks.imports;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A 2021-on Instagram export of photo posts, written straight to a file (never held whole in memory, so the
 * benchmark's heap is the import's): {@code content/posts_1.json} in Instagram's spelling (non-ASCII escaped, Russian
 * captions as mojibake, some posts without one), seven posts in ten a single photo and the rest carousels of 2 to 10,
 * one photo in eight a WebP; the followers and following lists; and the owner's name.
 *
 * @param posts       posts written
 * @param photos      photos in them
 * @param webps       of which WebP
 * @param bytes       the ZIP file's size
 */
record BenchmarkExport(Path file, int posts, int photos, int webps, long bytes) {
    /** Instagram's writer: ASCII only. */
    private static final ObjectMapper INSTAGRAM_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final long FIRST_POST = 1_546_300_800L; // 2019-01-01
    private static final long SPACING = 86_400L * 2;        // a post every two days
    private static final String[] CAPTIONS = {
            "Привет из Казани #казань #лето", "Утро на Волге", "Кофе и книги ☕ #кофе", "Москва, вечер #москва",
            "С днём рождения, мама! ❤️", "Новый рецепт: борщ #еда #борщ", "Питер в дождь #спб", "Горы Кавказа #горы",
    };

    /** Writes the export to {@code file}; {@code seed} fixes the posts' shapes, dates and captions. */
    static BenchmarkExport write(Path file, String owner, int postCount, int followers, int following,
                                 ExportPhotos photos, long seed) throws IOException {
        Random random = new Random(seed);
        List<Map<String, Object>> posts = new ArrayList<>(postCount);
        List<String> mediaNames = new ArrayList<>();
        int webps = 0;
        for (int p = 0; p < postCount; p++) {
            long taken = FIRST_POST + p * SPACING + random.nextInt(3600);
            int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(9);
            List<Map<String, Object>> media = new ArrayList<>(count);
            for (int m = 0; m < count; m++) {
                boolean webp = mediaNames.size() % 8 == 7;
                webps += webp ? 1 : 0;
                String name = "media/posts/" + (taken / 2_629_746) + "/" + p + "_" + m + (webp ? ".webp" : ".jpg");
                mediaNames.add(name);
                media.add(map("uri", name, "creation_timestamp", taken, "title", count == 1 ? caption(random) : null,
                        "media_metadata", map("photo_metadata", map("exif_data", List.of(map("source_type", "library"))))));
            }
            posts.add(map("title", count > 1 ? caption(random) : null, "creation_timestamp", taken, "media", media));
        }
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            entry(zip, "account_information/personal_information.json", json(map("profile_user", List.of(
                    map("string_map_data", map("Username", map("href", "", "value", owner, "timestamp", 0)))))));
            entry(zip, "content/posts_1.json", json(posts));
            for (int i = 0; i < mediaNames.size(); i++) {
                String name = mediaNames.get(i);
                entry(zip, name, name.endsWith(".webp") ? photos.webp() : photos.jpeg(i));
            }
            entry(zip, "followers_and_following/followers_1.json", followersJson(followers));
            entry(zip, "followers_and_following/following.json",
                    json(map("relationships_following", relations("idol", following))));
        }
        return new BenchmarkExport(file, postCount, mediaNames.size(), webps, Files.size(file));
    }

    private static String caption(Random random) {
        int pick = random.nextInt(CAPTIONS.length + 2);
        // Instagram's mojibake: each UTF-8 byte its own character; two in ten posts have no caption.
        return pick >= CAPTIONS.length ? null
                : new String(CAPTIONS[pick].getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A {@code followers_1.json} of {@code count} handles {@code fan_0}, {@code fan_1}, ... */
    static byte[] followersJson(int count) throws IOException {
        return json(relations("fan", count));
    }

    private static List<Map<String, Object>> relations(String prefix, int count) {
        List<Map<String, Object>> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(map("title", "", "media_list_data", List.of(), "string_list_data", List.of(
                    map("href", "https://www.instagram.com/" + prefix + "_" + i, "value", prefix + "_" + i,
                            "timestamp", 1_700_000_000L))));
        }
        return list;
    }

    private static byte[] json(Object value) throws IOException {
        return INSTAGRAM_WRITER.writeValueAsBytes(value);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
