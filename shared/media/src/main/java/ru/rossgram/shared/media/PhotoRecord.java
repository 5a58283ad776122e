package ru.rossgram.shared.media;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What processing learned about one photo and the thumbnails it wrote: the thumbnail function's result,
 * recorded on the upload and copied into its post.
 *
 * @param width         the original's width in pixels, after applying its EXIF orientation
 * @param height        the original's height in pixels, after applying its EXIF orientation
 * @param dominantColor {@code #rrggbb}, painted while the image loads
 * @param placeholder   a tiny image preview (for example a base64 ThumbHash), at most 1000 characters
 * @param renditions    the thumbnails written, smallest first
 */
public record PhotoRecord(int width, int height, String dominantColor, String placeholder, List<Rendition> renditions) {
    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");
    private static final Pattern RENDITION_NAME = Pattern.compile("[a-z0-9_-]{1,20}");
    static final int PLACEHOLDER_MAX = 1000;

    /** @throws IllegalArgumentException when a field is out of shape (a bug in the caller, not a user error) */
    public PhotoRecord {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("width and height must be positive");
        }
        if (dominantColor == null || !COLOR.matcher(dominantColor).matches()) {
            throw new IllegalArgumentException("dominantColor must be #rrggbb in lower case: " + dominantColor);
        }
        if (placeholder == null || placeholder.isEmpty() || placeholder.length() > PLACEHOLDER_MAX) {
            throw new IllegalArgumentException("placeholder must be 1 to " + PLACEHOLDER_MAX + " characters");
        }
        if (renditions == null || renditions.isEmpty()) {
            throw new IllegalArgumentException("at least one rendition");
        }
        renditions = List.copyOf(renditions);
        if (renditions.stream().map(Rendition::name).distinct().count() != renditions.size()) {
            throw new IllegalArgumentException("rendition names must be distinct");
        }
    }

    /**
     * One thumbnail.
     *
     * @param name   such as {@code w320}: lower-case letters, digits, '-' and '_', up to 20
     * @param key    its object key: {@link MediaKeys#thumbnailKey}; for a paid post's photo
     *               {@link MediaKeys#lockedThumbnailKey}, or {@link MediaKeys#previewKey} for its preview
     * @param width  its width in pixels
     * @param height its height in pixels
     */
    public record Rendition(String name, String key, int width, int height) {
        public Rendition {
            if (name == null || !RENDITION_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("rendition name: " + name);
            }
            if (key == null || !MediaKeys.isRenditionKey(key) || !key.endsWith("/" + name + ".jpg")) {
                throw new IllegalArgumentException("rendition key must be MediaKeys.thumbnailKey(..., " + name + "): " + key);
            }
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("rendition width and height must be positive");
            }
        }
    }
}
