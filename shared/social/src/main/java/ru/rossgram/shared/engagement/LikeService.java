package ru.rossgram.shared.engagement;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.explore.TrendingRepository;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostRepository.Counter;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Likes and unlikes, idempotently: the like item and the post's {@code likeCount} change in one transaction, the
 * like's write conditioned on it being absent (or present, to unlike). A repeated like fails only that condition,
 * changes nothing and still answers success; concurrent likes by many accounts each move the count exactly once
 * (transactions that collide are retried by {@link TransactionWriter}).
 *
 * <p>A like by anyone but the author also adds itself to the author's like item of the post (an unlike takes itself
 * off), in the same transaction: a repeated like cancels it whole and notifies nobody twice.
 */
@Singleton
public class LikeService {
    private static final int LIKE = 0;
    private static final int POST = 1;

    private final EngageablePosts engageable;
    private final LikeRepository likes;
    private final PostRepository posts;
    private final TrendingRepository trending;
    private final ActivityRepository activity;
    private final TransactionWriter transactions;
    private final IdGenerator ids;
    private final Clock clock;

    public LikeService(EngageablePosts engageable, LikeRepository likes, PostRepository posts,
                       TrendingRepository trending, ActivityRepository activity, TransactionWriter transactions,
                       IdGenerator ids, Clock clock) {
        this.engageable = engageable;
        this.likes = likes;
        this.posts = posts;
        this.trending = trending;
        this.activity = activity;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** @throws ProblemException 404 when the caller may not see the post, or it is not published */
    public LikeState like(Caller caller, String postId) {
        Post post = engageable.get(caller, postId);
        Instant now = clock.instant();
        TransactWriteItem notice = post.isAuthor(caller.userId()) ? null
                : activity.likedItem(post.authorId(), post.postId(), caller.userId(), ids.newId(), now);
        return change(post, likes.addItem(post.postId(), caller.userId(), now), notice, +1, true);
    }

    /** @throws ProblemException 404 when the caller may not see the post, or it is not published */
    public LikeState unlike(Caller caller, String postId) {
        Post post = engageable.get(caller, postId);
        TransactWriteItem notice = post.isAuthor(caller.userId()) ? null : activity.unlikedItem(post.authorId(), post.postId());
        return change(post, likes.removeItem(post.postId(), caller.userId()), notice, -1, false);
    }

    /** @param notice the write to the author's like item, or null for the author's own like */
    private LikeState change(Post post, TransactWriteItem likeWrite, TransactWriteItem notice, long delta, boolean liked) {
        String postId = post.postId();
        List<TransactWriteItem> items = new ArrayList<>(List.of(likeWrite,
                posts.counterItem(postId, Counter.LIKES, delta),
                trending.engagementItem(postId, post.authorId(), delta * TrendingRepository.LIKE_POINTS, clock.instant())));
        if (notice != null) {
            items.add(notice);
        }
        Optional<List<CancellationReason>> failure = transactions.write(items);
        if (failure.isPresent()) {
            List<CancellationReason> reasons = failure.get();
            if (TransactionWriter.failedCondition(reasons, POST)) {
                throw PostRules.notFound(); // deleted since it was read
            }
            if (!TransactionWriter.failedCondition(reasons, LIKE)) {
                throw new IllegalStateException("like transaction cancelled: " + reasons);
            }
            // Only the like's condition failed: it already was as asked, and nothing changed.
        }
        return new LikeState(liked, posts.count(postId, Counter.LIKES).orElseThrow(PostRules::notFound));
    }
}
