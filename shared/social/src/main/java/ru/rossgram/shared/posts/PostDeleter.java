package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.social.Counter;
import ru.rossgram.shared.social.ProfileCounters;
import ru.rossgram.shared.uploads.UploadRepository;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import ru.rossgram.shared.feeds.FanOutService;

/**
 * Deletes a post with its upload records and every object of its photos.
 *
 * <p>Objects go first, then the items, in a transaction conditioned on no photo having been processed since
 * the post was read. So a thumbnail recorded meanwhile makes the transaction fail and the next round deletes
 * it too; a result arriving after the items are gone finds no upload ({@link PhotoResults.Outcome#UPLOAD_GONE})
 * and its writer removes what it wrote. A failure half-way leaves the post readable and the call safe to repeat.
 */
@Singleton
public class PostDeleter {
    private static final int ATTEMPTS = 12;

    private final PostRepository posts;
    private final UploadRepository uploads;
    private final TransactionWriter transactions;
    private final MediaStore media;
    private final ProfileCounters counters;
    private final FanOutService fanOut;
    private final List<PostSideEffects> sideEffects;

    public PostDeleter(PostRepository posts, UploadRepository uploads, TransactionWriter transactions, MediaStore media,
                       ProfileCounters counters, FanOutService fanOut, List<PostSideEffects> sideEffects) {
        this.posts = posts;
        this.uploads = uploads;
        this.transactions = transactions;
        this.media = media;
        this.counters = counters;
        this.fanOut = fanOut;
        this.sideEffects = List.copyOf(sideEffects);
    }

    /** @throws ProblemException 404 when there is no such post (a repeated delete) or the caller is not its author */
    public void delete(Caller caller, String postId) {
        String id = PostRules.postId(postId);
        Contention.retryUntilDone(ATTEMPTS, "The post is changing too fast; retry shortly.", () -> {
            Post post = posts.find(id).filter(p -> p.isAuthor(caller.userId())).orElseThrow(PostRules::notFound);
            media.delete(objectKeys(post));
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(posts.deleteItem(post));
            post.photos().forEach(photo -> items.add(uploads.deleteItem(photo.uploadId())));
            if (post.status() == PostStatus.PUBLISHED) { // the delete is conditioned on this status: counted once
                items.add(counters.changeItem(post.authorId(), Counter.POSTS, -1));
            }
            if (!transactions.write(items).isEmpty()) {
                return false; // a photo was processed since the post was read: delete its renditions too
            }
            if (post.status() == PostStatus.PUBLISHED) {
                fanOut.postDeleted(post.postId(), post.authorId()); // readers already skip it; this tidies feeds
                sideEffects.forEach(effect -> effect.deleted(post)); // likewise: readers skip what a crash leaves
            }
            return true;
        });
    }

    private static List<String> objectKeys(Post post) {
        List<String> keys = new ArrayList<>();
        for (Photo photo : post.photos()) {
            keys.add(MediaKeys.originalKey(post.authorId(), photo.uploadId()));
            if (photo.result() != null) {
                photo.result().renditions().stream().map(PhotoRecord.Rendition::key).forEach(keys::add);
            }
        }
        return keys;
    }
}
