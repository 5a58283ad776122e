package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.feeds.FanOutService;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;
import ru.rossgram.shared.uploads.Upload;
import ru.rossgram.shared.uploads.UploadPurpose;
import ru.rossgram.shared.uploads.UploadRepository;
import ru.rossgram.shared.uploads.UploadStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Creates a post from the caller's uploads: the post item and the attachment of every upload are one
 * transaction, each attachment conditioned on the upload being free and unchanged since it was read, so an
 * upload ends up in at most one post however requests race.
 *
 * <p>A carousel of photos still being processed costs three round trips whatever its size: the uploads and the
 * author's account read together, the arrival of every pending photo checked with HEADs sent at once, then the
 * transaction.
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
    private final AccountRepository accounts;
    private final ConcurrentReads reads;
    private final TierRepository tiers;
    private final ShareableCampaigns campaigns;

    public PostCreator(PostRepository posts, UploadRepository uploads, TransactionWriter transactions, MediaStore media,
                       PostViews views, ProfileCounters counters, IdGenerator ids, Clock clock, FanOutService fanOut,
                       AccountRepository accounts, ConcurrentReads reads, TierRepository tiers,
                       ShareableCampaigns campaigns) {
        this.tiers = tiers;
        this.campaigns = campaigns;
        this.posts = posts;
        this.uploads = uploads;
        this.transactions = transactions;
        this.media = media;
        this.views = views;
        this.counters = counters;
        this.ids = ids;
        this.clock = clock;
        this.fanOut = fanOut;
        this.accounts = accounts;
        this.reads = reads;
    }

    /**
     * Creates the post, {@code processing} until every photo is processed, or {@code published} at once if
     * all already are.
     *
     * @throws ProblemException 400 for invalid fields; 422 {@code too-many-photos}, {@code unknown-upload} (missing,
     *         expired, someone else's, or not for posts), {@code upload-rejected}, {@code upload-not-paid} (a gated
     *         post's photo not uploaded as {@code paid-post}), {@code no-tier-for-rank} (a post for subscribers of a
     *         rank above all of the author's current tiers), {@code campaign-not-shareable} (a {@code campaignId} that is
     *         not the author's own launched campaign); 409 {@code upload-already-attached},
     *         {@code upload-not-received} (its URL was never used)
     */
    public PostView create(Caller caller, NewPostRequest request) {
        List<String> uploadIds = PostRules.uploadIds(request.uploads());
        String caption = PostRules.caption(request.caption());
        List<String> altTexts = PostRules.altTexts(request.altTexts(), uploadIds.size());
        String location = PostRules.location(request.location());
        Money price = PostRules.price(request.price());
        Integer minTierRank = PostRules.minTierRank(request.minTierRank());
        if (minTierRank != null) {
            requireTierOfRank(caller, minTierRank);
        }
        if (request.campaignId() != null) {
            campaigns.requireShareable(caller.userId(), request.campaignId());
        }
        CaptionTags tags = CaptionTags.in(caption);
        Draft draft = new Draft(ids.newId(), uploadIds, caption, tags, altTexts, location, price, minTierRank,
                request.campaignId());
        // The author's account, for the answer, is read beside the first reading of the uploads.
        var created = reads.both(() -> accounts.findById(caller.userId()).map(AccountRepository.StoredAccount::account),
                () -> Contention.retry(ATTEMPTS, "The photos are changing too fast; retry shortly.",
                        () -> tryCreate(caller, draft)));
        return views.forAuthor(created.second(), created.first());
    }

    /** What the request asks for, checked; the same in every attempt. */
    private record Draft(String postId, List<String> uploadIds, String caption, CaptionTags tags, List<String> altTexts,
                         String location, Money price, Integer minTierRank, String campaignId) {
        boolean gated() {
            return price != null || minTierRank != null;
        }
    }

    /**
     * A post for subscribers of {@code minTierRank} and above must be one somebody can subscribe to see: the author has
     * a current (active or hidden) tier of that rank or higher. Checked once, not in the post's transaction: tiers
     * archived a moment later leave the post for the subscribers who keep them.
     */
    private void requireTierOfRank(Caller caller, int minTierRank) {
        List<Tier> current = tiers.find(caller.userId()).current();
        if (current.stream().noneMatch(tier -> tier.rank() >= minTierRank)) {
            throw new ProblemException(ProblemType.NO_TIER_FOR_RANK, current.isEmpty()
                    ? "You have no subscription tiers; create one first (POST /v1/me/tiers)."
                    : "You have no tier of rank " + minTierRank + " or higher; choose a rank up to "
                    + current.stream().mapToInt(Tier::rank).max().orElseThrow() + ", or create a tier.",
                    Map.<String, Object>of("minTierRank", minTierRank));
        }
    }

    /**
     * One attempt: reads the uploads and commits the post with them.
     *
     * @return the post, or empty when an upload changed since it was read (another post took it, or its processing
     *         result landed): the next attempt reads again, and its checks say which
     */
    private Optional<Post> tryCreate(Caller caller, Draft draft) {
        Instant now = clock.instant();
        List<Upload> photos = usableUploads(caller, draft.uploadIds(), now, draft.gated());
        List<Photo> postPhotos = new ArrayList<>();
        int ready = 0;
        for (int i = 0; i < photos.size(); i++) {
            Upload upload = photos.get(i);
            postPhotos.add(new Photo(upload.uploadId(), draft.altTexts().get(i), upload.photo()));
            ready += upload.status() == UploadStatus.READY ? 1 : 0;
        }
        boolean published = ready == photos.size();
        Post post = new Post(draft.postId(), caller.userId(), draft.caption(), draft.tags().hashtags(),
                draft.tags().mentions(), draft.location(), published ? PostStatus.PUBLISHED : PostStatus.PROCESSING, null,
                now, published ? now : null, postPhotos, ready, 1, 0, 0, draft.price(), false, draft.minTierRank(),
                draft.campaignId());

        List<TransactWriteItem> items = new ArrayList<>();
        items.add(posts.createItem(post));
        for (int i = 0; i < photos.size(); i++) {
            items.add(uploads.attachItem(photos.get(i), post.postId(), i));
        }
        if (published) {
            items.add(counters.changeItem(caller.userId(), Counter.POSTS, 1));
        }
        if (!transactions.write(items).isEmpty()) {
            return Optional.empty();
        }
        if (published) {
            fanOut.postPublished(post.postId(), caller.userId());
        }
        return Optional.of(post);
    }

    /**
     * The uploads in order, each checked to be one this caller may put in a new post now.
     */
    private List<Upload> usableUploads(Caller caller, List<String> uploadIds, Instant now, boolean paid) {
        Map<String, Upload> found = uploads.findAll(uploadIds.stream().filter(IdGenerator::isWellFormed).toList());
        Set<String> arrived = arrivedAmong(found.values().stream()
                .filter(upload -> upload.ownerId().equals(caller.userId()) && upload.status() == UploadStatus.PENDING).toList());
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
                        + " was asked for a free post; the photos of a post on sale or for subscribers are uploaded with"
                        + " purpose paid-post.");
            }
            if (upload.postId() != null) {
                throw problem(ProblemType.UPLOAD_ALREADY_ATTACHED, uploadId, "Upload " + uploadId + " already belongs to a post.");
            }
            if (upload.status() == UploadStatus.REJECTED) {
                throw new ProblemException(ProblemType.UPLOAD_REJECTED, "Photo " + uploadId + " could not be processed: "
                        + upload.rejectionReason(), Map.of("uploadId", uploadId, "reason", upload.rejectionReason()));
            }
            if (upload.status() == UploadStatus.PENDING && !arrived.contains(uploadId)) {
                throw problem(ProblemType.UPLOAD_NOT_RECEIVED, uploadId,
                        "Photo " + uploadId + " has not arrived; PUT it to its upload URL first, then create the post.");
            }
            usable.add(upload);
        }
        return usable;
    }

    /**
     * The ids of the {@code pending} uploads whose file is in the bucket, HEADed all at once before the checks take
     * the uploads in order (so the first problem in request order is the one answered, as it always was).
     */
    private Set<String> arrivedAmong(List<Upload> pending) {
        List<Boolean> arrived = reads.map(pending, upload -> media.head(upload.objectKey()).isPresent());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < pending.size(); i++) {
            if (arrived.get(i)) {
                ids.add(pending.get(i).uploadId());
            }
        }
        return ids;
    }

    private static ProblemException problem(ProblemType type, String uploadId, String detail) {
        return new ProblemException(type, detail, Map.of("uploadId", uploadId));
    }
}
