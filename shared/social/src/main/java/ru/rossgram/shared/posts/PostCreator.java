package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import ru.rossgram.shared.feeds.FanOutService;

/**
 * Creates a post from the caller's uploads: the post item and the attachment of every upload are one
 * transaction, each attachment conditioned on the upload being free and unchanged since it was read, so an
 * upload ends up in at most one post however requests race.
 */
@Singleton
public class PostCreator {
    /** Each retry follows a photo's processing result landing mid-way; a post has at most 10 photos. */
    private static final int ATTEMPTS = 12;

    private final PostRepository posts;
    private final UploadRepository uploads;
    private final TransactionWriter transactions;
    private final MediaStore media;
    private final PostViews views;
    private final ProfileCounters counters;
    private final IdGenerator ids;
    private final Clock clock;
    private final FanOutService fanOut;

    public PostCreator(PostRepository posts, UploadRepository uploads, TransactionWriter transactions, MediaStore media,
                       PostViews views, ProfileCounters counters, IdGenerator ids, Clock clock, FanOutService fanOut) {
        this.posts = posts;
        this.uploads = uploads;
        this.transactions = transactions;
        this.media = media;
        this.views = views;
        this.counters = counters;
        this.ids = ids;
        this.clock = clock;
        this.fanOut = fanOut;
    }

    /**
     * Creates the post, {@code processing} until every photo is processed, or {@code published} at once if
     * all already are.
     *
     * @throws ProblemException 400 for invalid fields; 422 {@code too-many-photos}, {@code unknown-upload} (missing,
     *         expired, someone else's, or not for posts), {@code upload-rejected}; 409 {@code upload-already-attached},
     *         {@code upload-not-received} (its URL was never used)
     */
    public PostView create(Caller caller, NewPostRequest request) {
        List<String> uploadIds = PostRules.uploadIds(request.uploads());
        String caption = PostRules.caption(request.caption());
        List<String> altTexts = PostRules.altTexts(request.altTexts(), uploadIds.size());
        String location = PostRules.location(request.location());
        Money price = PostRules.price(request.price());
        CaptionTags tags = CaptionTags.in(caption);
        String postId = ids.newId();

        return Contention.retry(ATTEMPTS, "The photos are changing too fast; retry shortly.", () -> {
            Instant now = clock.instant();
            List<Upload> photos = usableUploads(caller, uploadIds, now, price != null);
            List<Photo> postPhotos = new ArrayList<>();
            int ready = 0;
            for (int i = 0; i < photos.size(); i++) {
                Upload upload = photos.get(i);
                postPhotos.add(new Photo(upload.uploadId(), altTexts.get(i), upload.photo()));
                ready += upload.status() == UploadStatus.READY ? 1 : 0;
            }
            boolean published = ready == photos.size();
            Post post = new Post(postId, caller.userId(), caption, tags.hashtags(), tags.mentions(), location,
                    published ? PostStatus.PUBLISHED : PostStatus.PROCESSING, null, now, published ? now : null,
                    postPhotos, ready, 1, 0, 0, price);

            List<TransactWriteItem> items = new ArrayList<>();
            items.add(posts.createItem(post));
            for (int i = 0; i < photos.size(); i++) {
                items.add(uploads.attachItem(photos.get(i), postId, i));
            }
            if (published) {
                items.add(counters.changeItem(caller.userId(), Counter.POSTS, 1));
            }
            if (!transactions.write(items).isEmpty()) {
                // An upload changed since it was read (another post took it, or its processing result landed):
                // read again; the checks above then say which.
                return Optional.empty();
            }
            if (published) {
                fanOut.postPublished(postId, caller.userId());
            }
            return Optional.of(views.forAuthor(post));
        });
    }

    /** The uploads in order, each checked to be one this caller may put in a new post now. */
    private List<Upload> usableUploads(Caller caller, List<String> uploadIds, Instant now, boolean paid) {
        Map<String, Upload> found = uploads.findAll(uploadIds.stream().filter(IdGenerator::isWellFormed).toList());
        List<Upload> usable = new ArrayList<>();
        for (String uploadId : uploadIds) {
            Upload upload = found.get(uploadId);
            if (upload == null || !upload.ownerId().equals(caller.userId()) || upload.expiredAt(now)) {
                throw problem(ProblemType.UNKNOWN_UPLOAD, uploadId, "You have no upload " + uploadId + ".");
            }
            if (!upload.purpose().forPost()) {
                throw problem(ProblemType.UNKNOWN_UPLOAD, uploadId,
                        "Upload " + uploadId + " is for a " + upload.purpose().wire() + "; ask for uploads with purpose post.");
            }
            if (paid && upload.purpose() != UploadPurpose.PAID_POST) {
                throw problem(ProblemType.UPLOAD_NOT_PAID, uploadId, "Upload " + uploadId
                        + " was asked for a free post; a paid post's photos are uploaded with purpose paid-post.");
            }
            if (upload.postId() != null) {
                throw problem(ProblemType.UPLOAD_ALREADY_ATTACHED, uploadId, "Upload " + uploadId + " already belongs to a post.");
            }
            if (upload.status() == UploadStatus.REJECTED) {
                throw new ProblemException(ProblemType.UPLOAD_REJECTED, "Photo " + uploadId + " could not be processed: "
                        + upload.rejectionReason(), Map.of("uploadId", uploadId, "reason", upload.rejectionReason()));
            }
            if (upload.status() == UploadStatus.PENDING && media.head(upload.objectKey()).isEmpty()) {
                throw problem(ProblemType.UPLOAD_NOT_RECEIVED, uploadId,
                        "Photo " + uploadId + " has not arrived; PUT it to its upload URL first, then create the post.");
            }
            usable.add(upload);
        }
        return usable;
    }

    private static ProblemException problem(ProblemType type, String uploadId, String detail) {
        return new ProblemException(type, detail, Map.of("uploadId", uploadId));
    }
}
