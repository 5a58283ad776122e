package ru.rossgram.shared.imports.instagram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post of the export.
 *
 * @param id       stable across readings of the same export (see {@link PostIdentity}), so a second import of it, or a
 *                 retried step, recognises posts already done
 * @param caption  repaired from the export's mojibake; empty when the post has none, never {@code null}
 * @param takenAt  the post's original date, or the first media's; {@code null} when the export has neither, so the
 *                 import falls back to the photo's EXIF date (never to "now")
 * @param media    in carousel order
 * @param archived whether the owner had archived the post on Instagram
 */
public record ExportedPost(String id, String caption, Instant takenAt, List<ExportedMedia> media, boolean archived) {

    public ExportedPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caption, "caption");
        media = List.copyOf(media);
    }

    /** Whether the export gives no date, so the photo's own EXIF date must stand in. */
    public boolean dateMissing() {
        return takenAt == null;
    }

    /** What the import should do with this post, judged from the export alone. */
    public ImportHint hint() {
        if (media.isEmpty()) {
            return ImportHint.SKIP_NO_MEDIA;
        }
        long videos = media.stream().filter(m -> m.kind() == MediaKind.VIDEO).count();
        if (videos == media.size()) {
            return ImportHint.SKIP_VIDEOS_ONLY;
        }
        return videos == 0 ? ImportHint.IMPORT : ImportHint.IMPORT_WITHOUT_VIDEOS;
    }

    /** The media the import should hand to the thumbnail pipeline: all but the videos, in carousel order. */
    public List<ExportedMedia> importableMedia() {
        return media.stream().filter(m -> m.kind() != MediaKind.VIDEO).toList();
    }
}
