package ru.rossgram.shared.saved;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.engagement.EngageablePosts;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Saving and unsaving posts, idempotently. A save is one transaction of its two items, each put only if absent,
 * and a check that the post is still there: saving twice fails the first put and changes nothing, and concurrent
 * saves of one post leave exactly one save. An unsave deletes the pair it read, conditioned on the marker still
 * naming that save.
 */
@Singleton
public class SavedPostService {
    private static final int MARKER = 0;
    private static final int POST = 2;
    private static final int ATTEMPTS = 4;

    private final EngageablePosts engageable;
    private final SavedPostRepository saved;
    private final PostRepository posts;
    private final TransactionWriter transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public SavedPostService(EngageablePosts engageable, SavedPostRepository saved, PostRepository posts,
                            TransactionWriter transactions, IdGenerator ids, Clock clock) {
        this.engageable = engageable;
        this.saved = saved;
        this.posts = posts;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws ProblemException 404 when the caller may not see the post, or it is not published */
    public SaveState save(Caller caller, String postId) {
        Post post = engageable.get(caller, postId);
        var item = new SavedPostRepository.SavedItem(ids.newId(), post.postId(), post.authorId(), post.gated());
        List<TransactWriteItem> writes = new ArrayList<>(saved.saveItems(caller.userId(), item, clock.instant()));
        writes.add(posts.publishedCheck(post.postId()));
        Optional<List<CancellationReason>> failure = transactions.write(writes);
        if (failure.isPresent()) {
            List<CancellationReason> reasons = failure.get();
            if (TransactionWriter.failedCondition(reasons, POST)) {
                throw PostRules.notFound(); // deleted since it was read
            }
            if (!TransactionWriter.failedCondition(reasons, MARKER)) {
                throw new IllegalStateException("save transaction cancelled: " + reasons);
            }
            // Only the marker's condition failed: the post was saved already, and nothing changed.
        }
        return new SaveState(true);
    }

    /**
     * Unsaves the post, whether or not the caller may still see it (or it still exists): taking it off her list is
     * always hers to do.
     *
     * @throws ProblemException 404 for a malformed post id; 503 {@code busy} when saves and unsaves of the post keep
     *         racing
     */
    public SaveState unsave(Caller caller, String postId) {
        String id = PostRules.postId(postId);
        String me = caller.userId();
        return Contention.retry(ATTEMPTS, "The post is being saved and unsaved too fast; retry shortly.", () -> {
            Optional<String> saveId = saved.saveIdOf(me, id);
            if (saveId.isEmpty()) {
                return Optional.of(new SaveState(false));
            }
            // A failed condition means another save replaced the one read: read again.
            return transactions.write(saved.unsaveItems(me, id, saveId.get())).isEmpty()
                    ? Optional.of(new SaveState(false)) : Optional.empty();
        });
    }
}
