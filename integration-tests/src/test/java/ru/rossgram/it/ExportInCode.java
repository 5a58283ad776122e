package ru.rossgram.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.imports.instagram.ExportLimits;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.instagram.InstagramExportReader;

/**
 * An Instagram export of the 2021-23 era built in code and held in memory: {@code content/posts_1.json} written as
 * Instagram writes it (ASCII only, captions as mojibake: each UTF-8 byte its own {@code \\u00XX}) and the media files
 * under {@code media/posts/}. Its posts are read by the real {@link InstagramExportReader}.
 */
final class ExportInCode implements ExportSource {
    private static final ObjectMapper INSTAGRAM_WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<Map<String, Object>> posts = new ArrayList<>();

    /** One file of a post, stored under {@code uri} (null: listed in the JSON, missing from the archive). */
    record Medium(String uri, byte[] bytes) {
    }

    /**
     * Adds a post: its caption as the post's {@code title}, its date as {@code creation_timestamp} (null: the export
     * gives none, on the post or its media).
     */
    ExportInCode post(String caption, Instant takenAt, Medium... media) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("title", mojibake(caption));
        if (takenAt != null) {
            post.put("creation_timestamp", takenAt.getEpochSecond());
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Medium medium : media) {
            entries.add(Map.of("uri", medium.uri(), "title", ""));
            if (medium.bytes() != null) {
                files.put(medium.uri(), medium.bytes());
            }
        }
        post.put("media", entries);
        posts.add(post);
        return this;
    }

    /** Every post, as the reader reads them from the JSON written now. */
    List<ExportedPost> read() {
        try {
            files.put("content/posts_1.json", INSTAGRAM_WRITER.writeValueAsBytes(posts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (var stream = new InstagramExportReader(ExportLimits.DEFAULT).read(this).posts().open()) {
            return stream.toList();
        }
    }

    @Override
    public Collection<String> entryNames() {
        return files.keySet();
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
        byte[] bytes = files.get(entryName);
        return bytes == null ? -1 : bytes.length;
    }

    /** What Instagram does to text: each UTF-8 byte read as its own Latin-1 character. */
    private static String mojibake(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
