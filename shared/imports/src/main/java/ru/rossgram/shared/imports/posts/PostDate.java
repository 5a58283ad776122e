package ru.rossgram.shared.imports.posts;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An imported post's date, in the order the research's checklist gives (§4.8): the export's (the post's, then its
 * first media's, as {@code ExportedPost.takenAt}), then the first photo's EXIF {@code DateTimeOriginal}, then the
 * archive entry's modification time. Never "now": a post with none of them is skipped, where Pixelfed's importer
 * gave it the day of the import.
 */
final class PostDate {
    /** Cameras with an unset clock write 1970 or 2000; no photo posted to Instagram is older than its launch. */
    static final Instant EARLIEST = Instant.parse("2010-01-01T00:00:00Z");

    private PostDate() {
    }

    /**
     * The first of the three that is there; the later ones are asked for only if needed.
     *
     * @param exportDate   the export's date, or null
     * @param exifDate     the first photo's EXIF date
     * @param modifiedDate the first photo's archive entry's modification time
     */
    static Optional<Instant> choose(Instant exportDate, Supplier<Optional<Instant>> exifDate,
                                    Supplier<Optional<Instant>> modifiedDate) {
        if (exportDate != null) {
            return Optional.of(exportDate);
        }
        Optional<Instant> exif = exifDate.get();
        return exif.isPresent() ? exif : modifiedDate.get();
    }

    /**
     * The EXIF {@code DateTimeOriginal} of a JPEG, PNG or WebP, with its {@code OffsetTimeOriginal} when there is
     * one and read as UTC when not; empty when absent, unreadable, before {@link #EARLIEST} or after
     * {@code notAfter} (a wrong clock is no date).
     */
    static Optional<Instant> exifDateTimeOriginal(byte[] photo, Instant notAfter) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(photo), photo.length);
            for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                Date date = exif.getDateOriginal();
                if (date != null) {
                    Instant at = date.toInstant();
                    return at.isBefore(EARLIEST) || at.isAfter(notAfter) ? Optional.empty() : Optional.of(at);
                }
            }
            return Optional.empty();
        } catch (ImageProcessingException | IOException | RuntimeException damaged) {
            // Damaged metadata is common and says nothing about the pixels: the photo simply has no EXIF date.
            return Optional.empty();
        }
    }
}
