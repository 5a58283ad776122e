package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Turns one post entry of the export's JSON, in any era's shape, into an {@link ExportedPost}. Pure. */
final class PostMapper {

    private final ExportLayout layout;

    PostMapper(ExportLayout layout) {
        this.layout = layout;
    }

    /**
     * A post of {@code posts_N.json}, {@code archived_posts.json}, {@code reels.json} or {@code igtv_videos.json}
     * (2021 on): {@code {"title", "creation_timestamp", "media": [{"uri", "title", "creation_timestamp", ...}]}}, or a
     * lone media object. The caption is the post's {@code title} for a carousel and the photo's for a single photo.
     *
     * @param videos whether the file holds only videos (reels, IGTV), whatever their extensions say
     * @return {@code null} for an entry that is not an object
     */
    ExportedPost post(JsonNode entry, boolean archived, boolean videos) {
        if (!entry.isObject()) {
            return null;
        }
        JsonNode mediaNodes = entry.path("media").isArray() ? entry.path("media")
                : entry.has("uri") ? entry : entry.path("media");
        List<ExportedMedia> media = new ArrayList<>();
        String firstMediaTitle = null;
        for (JsonNode node : mediaNodes.isArray() ? mediaNodes : List.of(mediaNodes)) {
            String uri = text(node, "uri");
            if (uri == null || uri.isBlank()) {
                continue;
            }
            if (media.isEmpty()) {
                firstMediaTitle = text(node, "title");
            }
            media.add(new ExportedMedia(uri, layout.entryFor(uri).orElse(null), kind(node, uri, videos),
                    seconds(node.path("creation_timestamp"))));
        }
        String postTitle = entry == mediaNodes ? null : text(entry, "title");
        String caption = media.size() > 1 ? firstPresent(postTitle, firstMediaTitle) : firstPresent(firstMediaTitle, postTitle);
        Instant takenAt = entry == mediaNodes ? null : seconds(entry.path("creation_timestamp"));
        if (takenAt == null && !media.isEmpty()) {
            takenAt = media.get(0).takenAt();
        }
        return post(caption, takenAt, media, archived);
    }

    /**
     * A photo or video of 2018's {@code media.json}: {@code {"caption", "taken_at": ISO 8601, "path"}}. That export
     * listed each photo on its own, carousels unjoined.
     */
    ExportedPost media2018(JsonNode entry, boolean videos) {
        if (!entry.isObject()) {
            return null;
        }
        String path = text(entry, "path");
        List<ExportedMedia> media = new ArrayList<>(1);
        Instant takenAt = isoDate(text(entry, "taken_at"));
        if (path != null && !path.isBlank()) {
            MediaKind kind = videos ? MediaKind.VIDEO : MediaKind.byExtension(path);
            media.add(new ExportedMedia(path, layout.entryFor(path).orElse(null), kind, takenAt));
        }
        return post(text(entry, "caption"), takenAt, media, false);
    }

    private static ExportedPost post(String caption, Instant takenAt, List<ExportedMedia> media, boolean archived) {
        String repaired = caption == null ? "" : Mojibake.repair(caption);
        List<String> uris = media.stream().map(ExportedMedia::uri).toList();
        return new ExportedPost(PostIdentity.of(takenAt, uris), repaired, takenAt, media, archived);
    }

    private static MediaKind kind(JsonNode media, String uri, boolean videos) {
        MediaKind byExtension = MediaKind.byExtension(uri);
        JsonNode metadata = media.path("media_metadata");
        if (videos || byExtension == MediaKind.VIDEO || metadata.has("video_metadata")) {
            return MediaKind.VIDEO;
        }
        if (byExtension == MediaKind.UNKNOWN && metadata.has("photo_metadata")) {
            return MediaKind.PHOTO;
        }
        return byExtension;
    }

    private static String firstPresent(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    /** Unix seconds as a number or a string of digits; zero and negatives mean the export has no date. */
    private static Instant seconds(JsonNode value) {
        long seconds = 0;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            seconds = value.asLong();
        } else if (value.isTextual() && value.asText().matches("\\d{1,12}")) {
            seconds = Long.parseLong(value.asText());
        }
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
    }

    /** 2018's {@code taken_at}: ISO 8601 with or without an offset (without one, UTC). */
    private static Instant isoDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
