package ru.rossgram.shared.imports.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What became of one post of the export: a line of the import's report. A carousel longer than a post allows is
 * imported as several posts, each with its own outcome ({@code part} 0, 1, ...); every other post has part 0.
 *
 * @param exportPostId the export's post id ({@code ExportedPost.id()}), stable across imports of the same export
 * @param part         which of the posts a long carousel was split into
 * @param status       imported, already imported (by an earlier step or import), skipped or failed
 * @param reason       why skipped or failed, or what was left out of an imported post (videos, HEIC photos); or
 *                     {@code null}
 * @param postId       the Rossgram post, when one exists
 * @param takenAt      the date the post carries, or {@code null} when none was found
 * @param photos       photos in the Rossgram post
 * @param leftOut      media of the export post not imported, each with why ({@code "video"}, {@code "heic"}, ...)
 */
public record PostOutcome(String exportPostId, int part, Status status, String reason, String postId, Instant takenAt,
                          int photos, List<LeftOut> leftOut) {

    public enum Status {
        IMPORTED, ALREADY_IMPORTED, SKIPPED, FAILED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One medium of the export's post that the Rossgram post does not carry, and why. */
    public record LeftOut(String uri, String reason) {
        public LeftOut {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public PostOutcome {
        Objects.requireNonNull(exportPostId, "exportPostId");
        Objects.requireNonNull(status, "status");
        leftOut = List.copyOf(leftOut);
    }
}
