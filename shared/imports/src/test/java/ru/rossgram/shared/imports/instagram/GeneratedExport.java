package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An export built in code, written the way Instagram writes it: every non-ASCII character escaped, and text as
 * mojibake (each UTF-8 byte its own {@code \\u00XX}) where {@link #mojibake} is used. An in-memory map of name to bytes,
 * which {@link #zip()} writes as a real ZIP file (published in this module's test-jar for the integration tests).
 */
public final class GeneratedExport implements ExportSource {

    /** Instagram's writer: ASCII only, so "п" becomes two escapes of its UTF-8 bytes once {@link #mojibake} applied. */
    private static final ObjectMapper INSTAGRAM_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** The modification time {@link #zip()} gives every entry (Instagram's are the time the export was made). */
    public static final java.time.Instant ENTRY_TIME = java.time.Instant.parse("2024-01-02T03:04:06Z");

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Long> declaredSizes = new LinkedHashMap<>();

    /** What Instagram does to text: each UTF-8 byte read as its own Latin-1 character. */
    public static String mojibake(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** A post entry of posts_N.json (2021 on). */
    public static Map<String, Object> post(String title, Long timestamp, Object... media) {
        return map("title", title, "creation_timestamp", timestamp, "media", Arrays.asList(media));
    }

    /** A media entry of a post. */
    public static Map<String, Object> media(String uri, String title, Long timestamp) {
        return map("uri", uri, "title", title, "creation_timestamp", timestamp,
                "media_metadata", map("photo_metadata", map("exif_data", List.of(map("source_type", "library")))));
    }

    public static Map<String, Object> video(String uri, Long timestamp) {
        return map("uri", uri, "creation_timestamp", timestamp,
                "media_metadata", map("video_metadata", map("exif_data", List.of())));
    }

    /** A followers_N.json / following.json entry. */
    public static Map<String, Object> relation(String title, String value, String href) {
        return map("title", title, "media_list_data", List.of(),
                "string_list_data", List.of(map("href", href, "value", value, "timestamp", 1_700_000_000L)));
    }

    public GeneratedExport json(String name, Object content) {
        try {
            files.put(name, INSTAGRAM_WRITER.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public GeneratedExport raw(String name, String content) {
        files.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Media files: a few bytes each, their type is the thumbnail pipeline's business. */
    public GeneratedExport files(String... names) {
        for (String name : names) {
            files.put(name, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        }
        return this;
    }

    public GeneratedExport declaring(String name, long size) {
        declaredSizes.put(name, size);
        return this;
    }

    @Override
    public Collection<String> entryNames() {
        return new ArrayList<>(files.keySet());
    }

    @Override
    public InputStream open(String entryName) throws IOException {
        byte[] bytes = files.get(entryName);
        if (bytes == null) {
            throw new IOException("no entry " + entryName);
        }
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long declaredSize(String entryName) {
        return declaredSizes.getOrDefault(entryName, -1L);
    }

    /** A media file of the given bytes (a real photo, for a test that sends it through the thumbnail pipeline). */
    public GeneratedExport file(String name, byte[] bytes) {
        files.put(name, bytes.clone());
        return this;
    }

    /** The export as one ZIP file, its entries deflated in the order they were added, as Instagram ships it. */
    public byte[] zip() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(file.getKey());
                entry.setTimeLocal(java.time.LocalDateTime.ofInstant(ENTRY_TIME, java.time.ZoneOffset.UTC));
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
