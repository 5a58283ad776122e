package ru.rossgram.thumbnails;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.imaging.ImageRejectedException;
import ru.rossgram.imaging.Rendition;
import ru.rossgram.imaging.ThumbnailMaker;
import ru.rossgram.imaging.ThumbnailSpec;
import ru.rossgram.imaging.Thumbnails;
import ru.rossgram.shared.accounts.Avatar;
import ru.rossgram.shared.accounts.AvatarResults;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.feeds.FanOutService;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.PhotoResults;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;

/**
 * Processes one stored original, as a storage event names it: finds its upload, makes and stores the
 * thumbnails, and records the outcome on the upload and its post, or on its owner's profile for an avatar.
 *
 * <p>Storage events come at least once and in any order, so every step may run twice: thumbnail keys are
 * fixed per upload and rendition (a second run writes the same bytes over them), and the outcome is recorded
 * by a conditional transaction that only a pending upload passes. An image that is not acceptable is
 * recorded as rejected and the call returns normally (retrying cannot help); a storage or database fault
 * propagates so that the platform retries the event.
 *
 * <p>A paid post's photo (purpose {@code paid-post}) keeps those renditions under {@code locked/}, and gets a
 * blurred preview for non-buyers at a key of its own, random so that it leads nowhere near them; a run that
 * loses the race to record its result deletes the preview it wrote.
 */
@Singleton
public class PhotoProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoProcessor.class);
    private static final String JPEG = "image/jpeg";

    private final MediaStore media;
    private final UploadRepository uploads;
    private final PhotoResults photoResults;
    private final AvatarResults avatarResults;
    private final PostRepository posts;
    private final FanOutService fanOut;
    private final Clock clock;
    private final IdGenerator ids;
    private final ThumbnailMaker postThumbnails;
    private final ThumbnailMaker paidPostThumbnails;
    private final ThumbnailMaker avatarThumbnails;

    public PhotoProcessor(MediaStore media, UploadRepository uploads, PhotoResults photoResults,
                          AvatarResults avatarResults, PostRepository posts, FanOutService fanOut, Clock clock,
                          IdGenerator ids, ThumbnailConfig config) {
        this.media = media;
        this.uploads = uploads;
        this.photoResults = photoResults;
        this.avatarResults = avatarResults;
        this.posts = posts;
        this.fanOut = fanOut;
        this.clock = clock;
        this.ids = ids;
        this.postThumbnails = new ThumbnailMaker(config.postSpec());
        this.paidPostThumbnails = new ThumbnailMaker(config.paidPostSpec());
        this.avatarThumbnails = new ThumbnailMaker(config.avatarSpec());
    }

    /**
     * @param bucket the bucket the event names
     * @param key    the object key, URL-decoded
     * @throws RuntimeException for faults worth a retry (S3 or DynamoDB unreachable, contention outlasting retries)
     */
    public ProcessingOutcome process(String bucket, String key) {
        Optional<MediaKeys.UploadKey> parsed = MediaKeys.parseUploadKey(key);
        if (parsed.isEmpty() || !media.bucket().equals(bucket)) {
            LOG.warn("ignoring s3://{}/{}: not an upload of bucket {}", bucket, key, media.bucket());
            return ProcessingOutcome.NOT_AN_UPLOAD;
        }
        String uploadId = parsed.get().uploadId();
        Optional<Upload> found = uploads.find(uploadId);
        if (found.isEmpty() || found.get().expiredAt(clock.instant())) {
            // Nobody can use the object any more, and nothing else would ever delete it.
            media.delete(List.of(key));
            return ProcessingOutcome.UPLOAD_GONE;
        }
        Upload upload = found.get();
        if (!upload.objectKey().equals(key) || !upload.ownerId().equals(parsed.get().userId())) {
            LOG.warn("ignoring s3://{}/{}: upload {} is stored at {}", bucket, key, uploadId, upload.objectKey());
            return ProcessingOutcome.NOT_AN_UPLOAD;
        }
        if (upload.status() != UploadStatus.PENDING) {
            ensureFanOut(upload);
            return ProcessingOutcome.ALREADY_PROCESSED;
        }

        ThumbnailMaker maker = switch (upload.purpose()) {
            case POST -> postThumbnails;
            case PAID_POST -> paidPostThumbnails;
            case AVATAR -> avatarThumbnails;
        };
        Thumbnails thumbnails;
        try {
            Optional<byte[]> original = media.read(key, maker.spec().maxSourceBytes());
            if (original.isEmpty()) {
                return ProcessingOutcome.OBJECT_GONE;
            }
            thumbnails = maker.make(original.get());
        } catch (ImageRejectedException e) {
            return reject(upload, e.getMessage());
        } catch (MediaStore.ObjectTooLargeException e) {
            return reject(upload, "The file is " + e.length() + " bytes; the limit is " + maker.spec().maxSourceBytes() + ".");
        }

        PhotoRecord record = store(upload, thumbnails);
        if (upload.purpose() == UploadPurpose.AVATAR) {
            return recordAvatar(upload, record);
        }
        try {
            return recordPostPhoto(upload, record);
        } catch (RuntimeException fault) {
            // The retry writes its preview at a new key: this one must not outlive the run, unless the record
            // was written after all (the fault came with the answer).
            try {
                deleteUnrecordedPreview(upload, record);
            } catch (RuntimeException again) { // the database is still unreachable: the preview stays, orphaned
                fault.addSuppressed(again);
            }
            throw fault;
        }
    }

    private ProcessingOutcome reject(Upload upload, String reason) {
        PhotoResults.Outcome outcome = photoResults.recordRejected(upload.uploadId(), reason);
        if (outcome == PhotoResults.Outcome.ALREADY_RECORDED) {
            return ProcessingOutcome.ALREADY_PROCESSED;
        }
        if (outcome == PhotoResults.Outcome.UPLOAD_GONE || outcome == PhotoResults.Outcome.RECORDED) {
            // In no post (an avatar, or a photo not posted yet): nothing can use the file any more, and no
            // post deletion will remove it. A rejected photo in a post goes when its post is deleted.
            media.delete(List.of(upload.objectKey()));
        }
        return outcome == PhotoResults.Outcome.UPLOAD_GONE ? ProcessingOutcome.UPLOAD_GONE : ProcessingOutcome.REJECTED;
    }

    /**
     * Writes every rendition at its key; the record lists them smallest first. The preview comes last of a
     * paid photo's renditions, so a storage fault part-way leaves no object at a key a retry will not reuse.
     */
    private PhotoRecord store(Upload upload, Thumbnails thumbnails) {
        List<PhotoRecord.Rendition> stored = new ArrayList<>();
        for (Rendition rendition : thumbnails.renditions()) {
            String key = keyFor(upload, rendition.name());
            media.putThumbnail(key, JPEG, rendition.bytes());
            stored.add(new PhotoRecord.Rendition(rendition.name(), key, rendition.width(), rendition.height()));
        }
        stored.sort((a, b) -> Long.compare((long) a.width() * a.height(), (long) b.width() * b.height()));
        return new PhotoRecord(thumbnails.width(), thumbnails.height(), thumbnails.dominantColor(),
                thumbnails.placeholder(), stored);
    }

    private String keyFor(Upload upload, String rendition) {
        if (upload.purpose() != UploadPurpose.PAID_POST) {
            return MediaKeys.thumbnailKey(upload.ownerId(), upload.uploadId(), rendition);
        }
        if (rendition.equals(ThumbnailSpec.PREVIEW)) {
            // Not newId(): in the millisecond of another id it is that id plus one, and must lead to nothing.
            return MediaKeys.previewKey(upload.ownerId(), ids.newUnrelatedId());
        }
        return MediaKeys.lockedThumbnailKey(upload.ownerId(), upload.uploadId(), rendition);
    }

    private ProcessingOutcome recordPostPhoto(Upload upload, PhotoRecord record) {
        return switch (photoResults.recordReady(upload.uploadId(), record)) {
            case POST_PUBLISHED -> {
                // `upload` was read before the thumbnails were made; the post that was just published may
                // have taken it since, so its id comes from a fresh read (an upload joins one post, never another).
                uploads.find(upload.uploadId()).map(Upload::postId)
                        .ifPresent(postId -> fanOut.postPublished(postId, upload.ownerId()));
                yield ProcessingOutcome.POST_PUBLISHED;
            }
            // Decided where the post was read anyway: no task object, no fan-out invocation per imported post.
            case IMPORTED_POST_PUBLISHED -> ProcessingOutcome.POST_PUBLISHED;
            case RECORDED, POST_FAILED -> ProcessingOutcome.PHOTO_READY;
            case ALREADY_RECORDED -> {
                deleteUnrecordedPreview(upload, record);
                yield ProcessingOutcome.ALREADY_PROCESSED;
            }
            case UPLOAD_GONE -> {
                // The post was deleted while we worked: what we just wrote would outlive it.
                media.delete(objectsOf(upload.objectKey(), record));
                yield ProcessingOutcome.UPLOAD_GONE;
            }
        };
    }

    /**
     * Another run of the same event recorded its result first, or this run's record failed: the renditions are
     * at the keys every run uses, but the preview at a random key of this run's own, so it is referenced by
     * nothing. Read again rather than assumed, in case the record that stands is this run's after all.
     */
    private void deleteUnrecordedPreview(Upload upload, PhotoRecord record) {
        if (upload.purpose() != UploadPurpose.PAID_POST) {
            return;
        }
        Set<String> recorded = uploads.find(upload.uploadId()).map(Upload::photo)
                .map(photo -> photo.renditions().stream().map(PhotoRecord.Rendition::key).collect(Collectors.toSet()))
                .orElse(Set.of());
        List<String> unrecorded = record.renditions().stream()
                .filter(r -> r.name().equals(ThumbnailSpec.PREVIEW) && !recorded.contains(r.key()))
                .map(PhotoRecord.Rendition::key).toList();
        if (!unrecorded.isEmpty()) {
            media.delete(unrecorded);
        }
    }

    /**
     * A repeated event for a processed photo: if its post is published, queue the post's fan-out again, in
     * case the delivery that published it failed before queueing (queueing twice is harmless). An imported post
     * is never fanned out.
     */
    private void ensureFanOut(Upload upload) {
        if (upload.postId() != null && upload.status() == UploadStatus.READY) {
            posts.find(upload.postId()).filter(post -> post.status() == PostStatus.PUBLISHED && !post.imported())
                    .ifPresent(post -> fanOut.postPublished(post.postId(), post.authorId()));
        }
    }

    private ProcessingOutcome recordAvatar(Upload upload, PhotoRecord record) {
        AvatarResults.Result result = avatarResults.recordReady(upload.uploadId(), record);
        return switch (result.outcome()) {
            case AVATAR_SET -> {
                Avatar replaced = result.replaced();
                if (replaced != null) {
                    media.delete(objectsOf(MediaKeys.avatarKey(upload.ownerId(), replaced.uploadId()), replaced.photo()));
                }
                yield ProcessingOutcome.AVATAR_SET;
            }
            case SUPERSEDED -> {
                media.delete(objectsOf(upload.objectKey(), record));
                yield ProcessingOutcome.AVATAR_SUPERSEDED;
            }
            case ALREADY_RECORDED -> ProcessingOutcome.ALREADY_PROCESSED;
            case UPLOAD_GONE -> {
                media.delete(objectsOf(upload.objectKey(), record));
                yield ProcessingOutcome.UPLOAD_GONE;
            }
        };
    }

    private static List<String> objectsOf(String originalKey, PhotoRecord record) {
        List<String> keys = new ArrayList<>();
        keys.add(originalKey);
        record.renditions().forEach(r -> keys.add(r.key()));
        return keys;
    }
}
