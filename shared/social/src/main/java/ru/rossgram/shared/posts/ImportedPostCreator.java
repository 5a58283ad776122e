package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadRules;
import ru.rossgram.shared.uploads.UploadStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Creates a post brought over from an Instagram export, from uploads the importer has stored: the same transaction
 * as {@link PostCreator}'s (the post item, created only if absent, with the attachment of every upload, and the
 * posts counter when it publishes at once), but dated at its original date, flagged imported, and never fanned out.
 *
 * <p>The importer derives the post id from what the post stands for, so a retried step or a second import of the
 * same export finds the post there and adds nothing. Requests: one consistent BatchGetItem of the uploads and one
 * TransactWriteItems (1 + photos + 1 actions, at most 12); a lost race with a photo's result repeats both.
 */
@Singleton
public class ImportedPostCreator {
    /** Each retry follows a photo's processing result landing between the read and the write; at most 10 photos. */
    private static final int ATTEMPTS = 12;

    private final PostRepository posts;
    private final UploadRepository uploads;
    private final TransactionWriter transactions;
    private final ProfileCounters counters;
    private final Clock clock;

    public ImportedPostCreator(PostRepository posts, UploadRepository uploads, TransactionWriter transactions,
                               ProfileCounters counters, Clock clock) {
        this.posts = posts;
        this.uploads = uploads;
        this.transactions = transactions;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * One post to bring over.
     *
     * @param caption   as the export gives it (repaired); fitted by {@link PostRules#importedCaption}
     * @param uploadIds the author's uploads for a post, in carousel order, 1 to 10
     * @param takenAt   the original date: the post's {@code createdAt}
     */
    public record ImportedPost(String authorId, String postId, String caption, List<String> uploadIds, Instant takenAt) {
        public ImportedPost {
            Objects.requireNonNull(authorId, "authorId");
            Objects.requireNonNull(postId, "postId");
            Objects.requireNonNull(takenAt, "takenAt");
            uploadIds = List.copyOf(uploadIds);
            if (uploadIds.isEmpty() || uploadIds.size() > UploadRules.MAX_PHOTOS_PER_POST) {
                throw new IllegalArgumentException("1 to " + UploadRules.MAX_PHOTOS_PER_POST + " photos, not " + uploadIds.size());
            }
        }
    }

    public enum Result {
        /** This call created the post. */
        CREATED,
        /** The post was there already: a retried step, or a second import of the same export. */
        ALREADY_EXISTS
    }

    /**
     * Creates the post: {@code published} at once if every photo is processed, {@code failed} if one was refused
     * already, else {@code processing} until the thumbnail function has done the rest. Hashtags and mentions are
     * extracted as for a new post.
     *
     * @throws IllegalArgumentException when an upload is missing, someone else's, not for a free post, or in another
     *         post: the importer stored them, so this is a fault of the caller's, not of the export
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when photo results keep landing past
     *         every retry (the step is retried)
     */
    public Result create(ImportedPost draft) {
        // No look for the post first: its uploads name it once it exists, and the transaction fails if it does.
        String caption = PostRules.importedCaption(draft.caption()).text();
        CaptionTags tags = CaptionTags.in(caption);
        return Contention.retry(ATTEMPTS, "Imported photos are changing too fast; retry shortly.",
                () -> tryCreate(draft, caption, tags));
    }

    /** One attempt; empty when an upload changed since it was read (its processing result landed). */
    private Optional<Result> tryCreate(ImportedPost draft, String caption, CaptionTags tags) {
        Map<String, Upload> found = uploads.findAll(draft.uploadIds());
        List<Upload> photos = new ArrayList<>();
        for (String uploadId : draft.uploadIds()) {
            Upload upload = found.get(uploadId);
            if (upload == null || !upload.ownerId().equals(draft.authorId()) || upload.purpose() != UploadPurpose.POST) {
                throw new IllegalArgumentException("upload " + uploadId + " is not a post photo of " + draft.authorId());
            }
            if (upload.postId() != null) {
                if (upload.postId().equals(draft.postId())) {
                    return Optional.of(Result.ALREADY_EXISTS); // created since the first look
                }
                throw new IllegalArgumentException("upload " + uploadId + " belongs to post " + upload.postId());
            }
            photos.add(upload);
        }
        Post post = post(draft, caption, tags, photos, clock.instant());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(posts.createItem(post));
        for (int i = 0; i < photos.size(); i++) {
            items.add(uploads.attachItem(photos.get(i), post.postId(), i));
        }
        if (post.status() == PostStatus.PUBLISHED) {
            items.add(counters.changeItem(draft.authorId(), Counter.POSTS, 1));
        }
        if (transactions.write(items).isEmpty()) {
            return Optional.of(Result.CREATED);
        }
        return posts.exists(draft.postId()) ? Optional.of(Result.ALREADY_EXISTS) : Optional.empty();
    }

    /** The post as it starts: its status from its photos' as read. */
    private static Post post(ImportedPost draft, String caption, CaptionTags tags, List<Upload> photos, Instant now) {
        List<Photo> postPhotos = new ArrayList<>();
        int ready = 0;
        String failure = null;
        for (int i = 0; i < photos.size(); i++) {
            Upload upload = photos.get(i);
            postPhotos.add(new Photo(upload.uploadId(), "", upload.photo()));
            ready += upload.status() == UploadStatus.READY ? 1 : 0;
            if (upload.status() == UploadStatus.REJECTED && failure == null) {
                // Refused before the post took it: PhotoResults had no post to fail, so the post starts failed.
                failure = "Photo " + (i + 1) + ": " + upload.rejectionReason();
            }
        }
        PostStatus status = failure != null ? PostStatus.FAILED
                : ready == photos.size() ? PostStatus.PUBLISHED : PostStatus.PROCESSING;
        return new Post(draft.postId(), draft.authorId(), caption, tags.hashtags(), tags.mentions(), null, status, failure,
                draft.takenAt(), status == PostStatus.PUBLISHED ? now : null, postPhotos, ready, 1, 0, 0, null, true, null);
    }
}
