package ru.rossgram.shared.imports.posts;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.instagram.ExportedMedia;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.instagram.MediaKind;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.imports.jobs.PostOutcome.LeftOut;
import ru.rossgram.shared.imports.jobs.PostOutcome.Status;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.posts.ImportedPostCreator;
import ru.rossgram.shared.posts.ImportedPostCreator.ImportedPost;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadConfig;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadRules;
import ru.rossgram.shared.uploads.UploadStatus;

/**
 * Turns one post of an Instagram export into Rossgram posts, through the same thumbnail pipeline as a phone's
 * upload: each photo becomes an upload whose bytes are stored at its original's key, whose storage event has the
 * thumbnail function process it (orientation, sRGB, metadata and GPS stripped), and the post is created with those
 * uploads at its original date, flagged imported, never fanned out. A carousel over
 * {@value UploadRules#MAX_PHOTOS_PER_POST} photos becomes consecutive posts of at most that many, same date and
 * caption, part 0, 1, ...
 *
 * <p>Idempotent: every id is derived from (user, export post, part, media index) and every write is conditional, so
 * a retried step or a second import of the same export adds nothing and answers {@code already-imported}. A part
 * whose post exists stores nothing again.
 *
 * <p>Memory: one photo's bytes at a time, read from the archive entry and capped at the upload limit.
 */
@Singleton
public class PostImporter {
    private final PostRepository posts;
    private final UploadRepository uploads;
    private final MediaStore media;
    private final ImportedPostCreator creator;
    private final UploadConfig config;
    private final Clock clock;

    public PostImporter(PostRepository posts, UploadRepository uploads, MediaStore media, ImportedPostCreator creator,
                        UploadConfig config, Clock clock) {
        this.posts = posts;
        this.uploads = uploads;
        this.media = media;
        this.creator = creator;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Imports {@code post} for {@code userId}: one outcome per Rossgram post it became (part 0, 1, ... of a split
     * carousel; what was left out is listed on part 0), or a single {@code skipped} outcome saying why
     * ({@code no-media}, {@code videos-only}, {@code no-importable-photos}, {@code no-date}). Each medium left out
     * says why: {@code missing}, {@code video}, {@code too-large}, {@code heic-unsupported}, {@code unsupported-type}.
     *
     * <p>An imported post is {@code processing} until the thumbnail function has made its photos' thumbnails; if it
     * refuses one (a corrupt JPEG), the post is {@code failed} with the reason. The outcome's {@code postId} leads to
     * that state: {@code PostRepository.find(postId)}.
     *
     * @throws UncheckedIOException wrapping the source's {@link IOException} when an entry cannot be read: an
     *         {@code UnsafeArchiveException} for a corrupt or hostile archive, anything else for storage out of reach
     *         (retrying the step is safe)
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when contention outlasts every retry
     */
    public List<PostOutcome> importPost(String userId, ExportedPost post, ExportSource source) {
        PostRules.FittedCaption caption = PostRules.importedCaption(post.caption());
        List<LeftOut> leftOut = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        Instant takenAt = post.takenAt();
        int kept = 0;
        for (int index = 0; index < post.media().size(); index++) {
            ExportedMedia medium = post.media().get(index);
            String why = leftOutBeforeReading(medium, source);
            if (why != null) {
                leftOut.add(new LeftOut(medium.uri(), why));
                continue;
            }
            byte[] bytes = readCapped(source, medium.entryName());
            PhotoType type = bytes == null ? null : PhotoType.of(bytes);
            if (type == null || !type.importable()) {
                leftOut.add(new LeftOut(medium.uri(), type == null ? "too-large" : type.leftOutReason()));
                continue;
            }
            if (takenAt == null) { // only ever at the first photo kept, so nothing is written before a skip
                byte[] photo = bytes;
                takenAt = PostDate.choose(null, () -> PostDate.exifDateTimeOriginal(photo, clock.instant()),
                        () -> source.modifiedAt(medium.entryName())).orElse(null);
                if (takenAt == null) {
                    return List.of(skipped(post, "no-date", null, leftOut));
                }
            }
            int part = ImportIds.partOf(kept++, UploadRules.MAX_PHOTOS_PER_POST);
            if (part == parts.size()) {
                String postId = ImportIds.postId(userId, post.id(), part, takenAt);
                parts.add(new Part(part, postId, posts.exists(postId), new ArrayList<>()));
            }
            Part current = parts.get(part);
            String uploadId = ImportIds.uploadId(userId, post.id(), part, index, takenAt);
            if (!current.existed()) {
                store(userId, uploadId, type, bytes);
            }
            current.uploadIds().add(uploadId);
        }
        if (parts.isEmpty()) {
            return List.of(skipped(post, skipReason(post, leftOut), takenAt, leftOut));
        }
        List<PostOutcome> outcomes = new ArrayList<>();
        for (Part part : parts) {
            boolean created = !part.existed() && creator.create(new ImportedPost(userId, part.postId(), caption.text(),
                    part.uploadIds(), takenAt)) == ImportedPostCreator.Result.CREATED;
            outcomes.add(new PostOutcome(post.id(), part.index(), created ? Status.IMPORTED : Status.ALREADY_IMPORTED,
                    notes(caption, kept, parts.size()), part.postId(), takenAt, part.uploadIds().size(),
                    part.index() == 0 ? leftOut : List.of()));
        }
        return outcomes;
    }

    /** One of the posts an export post becomes, as the import goes. */
    private record Part(int index, String postId, boolean existed, List<String> uploadIds) {
    }

    /** Why a medium is left out without reading it, or null to read it. */
    private String leftOutBeforeReading(ExportedMedia medium, ExportSource source) {
        if (!medium.presentInArchive()) {
            return "missing";
        }
        if (medium.kind() == MediaKind.VIDEO) {
            return "video";
        }
        return source.declaredSize(medium.entryName()) > config.maxBytes() ? "too-large" : null;
    }

    /** The entry's bytes, or null when there are more than an upload may have (whatever size the archive declared). */
    private byte[] readCapped(ExportSource source, String entryName) {
        try (InputStream in = source.open(entryName)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, config.maxBytes() + 1));
            return bytes.length > config.maxBytes() ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the upload (unless a retried step did) and stores its bytes, whose storage event has the thumbnail
     * function process it. A retried step stores them again only if the upload still waits for them; storing the
     * same bytes at the same key twice makes the thumbnail function run twice, which it takes in its stride.
     */
    private void store(String userId, String uploadId, PhotoType type, byte[] bytes) {
        Instant now = clock.instant();
        String key = MediaKeys.originalKey(userId, uploadId);
        Upload upload = new Upload(uploadId, userId, UploadPurpose.POST, key, type.contentType(), bytes.length,
                UploadStatus.PENDING, now, now.plus(config.retention()), null, null, null, null);
        boolean waiting = uploads.createIfAbsent(upload)
                || uploads.find(uploadId).map(found -> found.status() == UploadStatus.PENDING).orElse(false);
        if (waiting) {
            media.putOriginal(key, type.contentType(), bytes);
        }
    }

    private static PostOutcome skipped(ExportedPost post, String reason, Instant takenAt, List<LeftOut> leftOut) {
        return new PostOutcome(post.id(), 0, Status.SKIPPED, reason, null, takenAt, 0, leftOut);
    }

    /** Why nothing of the post was imported. */
    static String skipReason(ExportedPost post, List<LeftOut> leftOut) {
        if (post.media().isEmpty()) {
            return "no-media";
        }
        return leftOut.stream().allMatch(l -> l.reason().equals("video")) ? "videos-only" : "no-importable-photos";
    }

    /** What the report says of an imported post beyond its left-out media: a shortened caption, a split. */
    private static String notes(PostRules.FittedCaption caption, int photos, int parts) {
        List<String> notes = new ArrayList<>();
        if (caption.cut()) {
            notes.add("caption-cut");
        }
        if (parts > 1) {
            notes.add("split: " + photos + " photos into " + parts + " posts of at most " + UploadRules.MAX_PHOTOS_PER_POST);
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
