package ru.rossgram.shared.imports.uploads;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.imports.jobs.ImportProgress;
import ru.rossgram.shared.imports.jobs.PostOutcome;

/**
 * An import as its owner sees it: where it is, how far it got, why it failed, why the export's Instagram name was not
 * linked to the account ({@code instagramLinkRefusal}, when it was not), and (when asked for one import) a page of its
 * report.
 */
public record ImportView(String importId, String status, List<FileView> files, ImportProgress progress, String failure,
                         String failureDetail, String instagramUsername, String instagramLinkRefusal,
                         Instant createdAt, Instant updatedAt,
                         Report report) {

    /** A file of the export. */
    public record FileView(int index, long size, long partSize, int partCount, boolean uploaded) {
    }

    /** A page of the report, in the export's order; {@code nextCursor} null on the last page. */
    public record Report(List<Line> items, String nextCursor) {
    }

    /**
     * What became of one post of the export. {@code status} is the line's outcome, except that an imported post
     * whose photos the thumbnail function then refused shows as {@code failed}, with the refusal as its reason;
     * {@code postStatus} is the post's own status now (null when it has none, or no longer exists).
     */
    public record Line(String exportPostId, int part, String status, String reason, String postId, String postStatus,
                       Instant takenAt, int photos, List<PostOutcome.LeftOut> leftOut) {
    }

    /** The caller's imports, newest first. */
    public record Imports(List<ImportView> items) {
    }
}
