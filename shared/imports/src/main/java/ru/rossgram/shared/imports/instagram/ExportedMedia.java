package ru.rossgram.shared.imports.instagram;

import java.time.Instant;
import java.util.Objects;

/**
 * One photo or video of a post, in the post's order.
 *
 * @param uri       the path the export's JSON gives, relative to the export's root
 * @param entryName the archive entry holding the file (the uri found under any prefix folder), or {@code null} when
 *                  the archive does not contain it
 * @param kind      what the extension and the export's structure suggest
 * @param takenAt   the media's own {@code creation_timestamp}, or {@code null}
 */
public record ExportedMedia(String uri, String entryName, MediaKind kind, Instant takenAt) {

    public ExportedMedia {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the archive holds the file the export names. */
    public boolean presentInArchive() {
        return entryName != null;
    }
}
