package ru.rossgram.shared.imports.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One import of an Instagram export by its owner: the files being uploaded, then the processing's state. The steps
 * move {@code step} on by one each, conditioned on the number they read, so two deliveries of one task cannot both
 * do its work (see {@link ImportRepository#advance}).
 *
 * @param cursor            the processing's position, opaque to all but the steps (null before the first step)
 * @param failure           why a failed import failed, a short code (e.g. {@code unsafe-archive}, {@code html-export})
 * @param failureDetail     the same for people
 * @param instagramUsername the export's owner, once read
 * @param era               the export's layout, once read
 */
public record Import(String importId, String ownerId, ImportStatus status, List<ImportFile> files, int step, String cursor,
                     ImportProgress progress, String failure, String failureDetail, String instagramUsername, String era,
                     Instant createdAt, Instant updatedAt) {

    public Import {
        Objects.requireNonNull(importId, "importId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        files = List.copyOf(files);
        progress = progress == null ? ImportProgress.NONE : progress;
    }

    /** The export's total size: what the app uploads. */
    public long totalBytes() {
        return files.stream().mapToLong(ImportFile::size).sum();
    }
}
