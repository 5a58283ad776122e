package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Where the thumbnail function reports each photo's outcome. Safe to call again for the same upload (storage
 * events are delivered at least once): the first outcome recorded stands and repeats change nothing.
 *
 * <p>An outcome is written to the upload and, if a post has the upload, to the post in the same transaction.
 * The post's update is conditioned on the ready count and status read just before, so results for sibling
 * photos that land at the same moment are applied one after another, and the one that completes a processing
 * post publishes it, exactly once. A result may also arrive before any post takes the upload; the post is then
 * created with it (and published at once if all its photos are ready).
 */
@Singleton
public class PhotoResults {
    /** Every failed round means another photo's result landed; ten photos, plus some slack. */
    private static final int ATTEMPTS = 25;
    private static final String CONTENDING = "Photo results are contending; retry shortly.";
    private static final int REASON_MAX = 500;

    private final UploadRepository uploads;
    private final PostRepository posts;
    private final TransactionWriter transactions;
    private final ProfileCounters counters;
    private final Clock clock;

    public PhotoResults(UploadRepository uploads, PostRepository posts, TransactionWriter transactions,
                        ProfileCounters counters, Clock clock) {
        this.uploads = uploads;
        this.posts = posts;
        this.transactions = transactions;
        this.counters = counters;
        this.clock = clock;
    }

    /** What a report did. */
    public enum Outcome {
        /** Recorded; no post has the upload yet, or its post still waits for other photos (or has failed). */
        RECORDED,
        /** Recorded, and it was the post's last photo: this call published the post. */
        POST_PUBLISHED,
        /**
         * Recorded, and it was the last photo of an imported post: this call published it, and it is not to be
         * fanned out (old posts brought over must not flood followers' feeds).
         */
        IMPORTED_POST_PUBLISHED,
        /** Recorded, and the post it belongs to is now failed. */
        POST_FAILED,
        /** An outcome was already recorded for this upload (a repeated event); nothing changed. */
        ALREADY_RECORDED,
        /**
         * No such upload: its post was deleted, or it expired unused. The caller should delete the thumbnails it
         * wrote for it, as nothing else will.
         */
        UPLOAD_GONE
    }

    /**
     * Records that {@code uploadId}'s thumbnails exist, and publishes its post if this was the last photo.
     *
     * @param photo its renditions' keys must be {@link MediaKeys#thumbnailKey} of this upload; for a paid post's
     *              upload, {@link MediaKeys#lockedThumbnailKey} and a {@link MediaKeys#previewKey} of its owner
     * @throws IllegalArgumentException when a rendition key is not this upload's
     * @throws ProblemException 503 {@code busy} when contention outlasts every retry
     *         (the caller should let its event be retried)
     */
    public Outcome recordReady(String uploadId, PhotoRecord photo) {
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            Optional<Upload> found = uploads.find(uploadId);
            if (found.isEmpty()) {
                return Optional.of(Outcome.UPLOAD_GONE);
            }
            Upload upload = found.get();
            checkKeys(upload, photo);
            if (upload.status() != UploadStatus.PENDING) {
                return Optional.of(Outcome.ALREADY_RECORDED);
            }
            Instant now = clock.instant();
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(uploads.markReadyItem(upload, photo, now));
            boolean publishes = false;
            boolean imported = false;
            if (upload.postId() != null) {
                Optional<Post> post = posts.find(upload.postId());
                if (post.isEmpty()) {
                    return Optional.empty(); // being deleted with its uploads this very moment; the next read says so
                }
                publishes = PostRepository.publishesWithOneMorePhoto(post.get());
                imported = post.get().imported();
                items.add(posts.photoReadyItem(post.get(), upload.photoIndex(), photo, now));
                if (publishes) { // counted in the transaction that publishes, so exactly once
                    items.add(counters.changeItem(post.get().authorId(), Counter.POSTS, 1));
                }
            }
            if (!transactions.write(items).isEmpty()) {
                return Optional.empty();
            }
            if (!publishes) {
                return Optional.of(Outcome.RECORDED);
            }
            return Optional.of(imported ? Outcome.IMPORTED_POST_PUBLISHED : Outcome.POST_PUBLISHED);
        });
    }

    /**
     * Records that {@code uploadId} could not be processed; its post, if any, fails with {@code reason}, which its
     * author sees.
     *
     * @param reason for the author, such as "not a decodable image"; up to 500 characters
     */
    public Outcome recordRejected(String uploadId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
            throw new IllegalArgumentException("reason must be 1 to " + REASON_MAX + " characters");
        }
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            Optional<Upload> found = uploads.find(uploadId);
            if (found.isEmpty()) {
                return Optional.of(Outcome.UPLOAD_GONE);
            }
            Upload upload = found.get();
            if (upload.status() != UploadStatus.PENDING) {
                return Optional.of(Outcome.ALREADY_RECORDED);
            }
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(uploads.markRejectedItem(upload, reason.strip(), clock.instant()));
            if (upload.postId() != null) {
                items.add(posts.photoRejectedItem(upload.postId(), "Photo " + (upload.photoIndex() + 1) + ": " + reason.strip()));
            }
            if (!transactions.write(items).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(upload.postId() != null ? Outcome.POST_FAILED : Outcome.RECORDED);
        });
    }

    private static void checkKeys(Upload upload, PhotoRecord photo) {
        boolean paid = upload.purpose() == UploadPurpose.PAID_POST;
        for (PhotoRecord.Rendition rendition : photo.renditions()) {
            if (paid && rendition.name().equals(MediaKeys.PREVIEW)) {
                // Its id is random: nothing in it may lead to the upload, and so to the locked renditions.
                if (!MediaKeys.isPreviewKeyOf(upload.ownerId(), rendition.key()) || rendition.key().contains(upload.uploadId())) {
                    throw new IllegalArgumentException("a paid photo's preview must be stored at a previewKey of "
                            + upload.ownerId() + " that does not name the upload, not " + rendition.key());
                }
                continue;
            }
            String expected = paid
                    ? MediaKeys.lockedThumbnailKey(upload.ownerId(), upload.uploadId(), rendition.name())
                    : MediaKeys.thumbnailKey(upload.ownerId(), upload.uploadId(), rendition.name());
            if (!expected.equals(rendition.key())) {
                throw new IllegalArgumentException("rendition " + rendition.name() + " must be stored at " + expected
                        + ", not " + rendition.key());
            }
        }
    }
}
