package ru.rossgram.shared.media;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media bucket's key layout: every media object's key (originals, avatars, renditions, previews) is built and
 * recognised here, and nowhere else. (The fan-out's task objects share the bucket; {@code FanOutTasks} names them.)
 *
 * <p>Originals at {@code originals/<userId>/<uploadId>}, avatars at {@code avatars/<userId>/<uploadId>},
 * thumbnails at {@code thumbnails/<userId>/<uploadId>/<rendition>.jpg}. A paid post's photo keeps its renditions
 * at {@code locked/<userId>/<uploadId>/<rendition>.jpg}, which are only ever handed out as short presigned GETs
 * (never under the public base URL, which serves {@code thumbnails/}), and its blurred preview at
 * {@code previews/<userId>/<previewId>/preview.jpg}, whose random id reveals nothing of the locked keys. The server
 * chooses every key; a client only ever holds a URL signed for one key, one content type and one length.
 */
public final class MediaKeys {
    /** The name of a paid photo's blurred preview among its renditions. */
    public static final String PREVIEW = "preview";
    private static final String THUMBNAILS = "thumbnails/";
    private static final String LOCKED = "locked/";
    private static final String PREVIEWS = "previews/";
    private static final Pattern UPLOAD_KEY = Pattern.compile("(originals|avatars)/([0-9A-Z]{26})/([0-9A-Z]{26})");
    private static final Pattern PREVIEW_KEY = Pattern.compile("previews/([0-9A-Z]{26})/([0-9A-Z]{26})/" + PREVIEW + "\\.jpg");

    private MediaKeys() {
    }

    public static String originalKey(String userId, String uploadId) {
        return "originals/" + userId + "/" + uploadId;
    }

    public static String avatarKey(String userId, String uploadId) {
        return "avatars/" + userId + "/" + uploadId;
    }

    public static String thumbnailKey(String userId, String uploadId, String rendition) {
        return THUMBNAILS + userId + "/" + uploadId + "/" + rendition + ".jpg";
    }

    public static String lockedThumbnailKey(String userId, String uploadId, String rendition) {
        return LOCKED + userId + "/" + uploadId + "/" + rendition + ".jpg";
    }

    public static String previewKey(String userId, String previewId) {
        return PREVIEWS + userId + "/" + previewId + "/" + PREVIEW + ".jpg";
    }

    /** Whether {@code key} is a {@link #previewKey} of {@code userId}'s (with any preview id). */
    public static boolean isPreviewKeyOf(String userId, String key) {
        Matcher m = key == null ? null : PREVIEW_KEY.matcher(key);
        return m != null && m.matches() && m.group(1).equals(userId);
    }

    /** Whether {@code key} is where a rendition lives (public, locked or preview). */
    public static boolean isRenditionKey(String key) {
        return key.startsWith(THUMBNAILS) || key.startsWith(LOCKED) || key.startsWith(PREVIEWS);
    }

    /** Whether {@code key} is a paid photo's locked rendition, handed out only briefly to those who may see it. */
    public static boolean isLocked(String key) {
        return key.startsWith(LOCKED);
    }

    /** Whether {@code key} is a public thumbnail, the prefix a CDN or public-read origin may serve. */
    public static boolean isPublicThumbnail(String key) {
        return key.startsWith(THUMBNAILS);
    }

    /** The upload an original's or avatar's key belongs to (what a storage event names), or empty for other keys. */
    public static Optional<UploadKey> parseUploadKey(String key) {
        Matcher m = key == null ? null : UPLOAD_KEY.matcher(key);
        return m == null || !m.matches() ? Optional.empty() : Optional.of(new UploadKey(m.group(2), m.group(3)));
    }

    /** The owner and upload id encoded in an upload's object key. */
    public record UploadKey(String userId, String uploadId) {
    }
}
