package ru.rossgram.shared.imports.instagram;

import java.util.Locale;
import java.util.Set;

/**
 * What a media file seems to be, from its extension and the export's structure. A hint only: the thumbnail pipeline
 * decides by the file's bytes (Instagram ships videos without extensions, and WebP and HEIC photos).
 */
public enum MediaKind {
    PHOTO, VIDEO, UNKNOWN;

    private static final Set<String> PHOTO_EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "heic", "heif", "avif");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "m4v", "webm", "3gp", "avi", "mkv");

    /** The kind a file name's extension suggests; {@link #UNKNOWN} without a known extension. */
    public static MediaKind byExtension(String uri) {
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return UNKNOWN;
        }
        String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (PHOTO_EXTENSIONS.contains(extension)) {
            return PHOTO;
        }
        return VIDEO_EXTENSIONS.contains(extension) ? VIDEO : UNKNOWN;
    }
}
