package ru.rossgram.shared.engagement;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.explore.TrendingRepository;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostRepository.Counter;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.PostVisibility;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Comments on published posts: written and deleted in one transaction with the post's {@code commentCount}, listed
 * oldest first with signed cursors. A comment may be deleted by whoever wrote it or wrote the post; to anyone else
 * it answers 404, as for a comment that does not exist.
 *
 * <p>A comment's notices ({@link CommentNotices}) are written in its own transaction, and removed in its delete's:
 * at most 3 + 2 + {@value CommentNotices#MAX_MENTIONS} actions, well within {@link TransactionWriter#MAX_ACTIONS}.
 */
@Singleton
public class CommentService {
    private static final int COMMENT = 0;
    private static final int POST = 1;

    private final EngageablePosts engageable;
    private final PostRepository posts;
    private final CommentRepository comments;
    private final CommentViews views;
    private final PostVisibility visibility;
    private final TrendingRepository trending;
    private final CommentNotices notices;
    private final TransactionWriter transactions;
    private final CursorCodec cursors;
    private final IdGenerator ids;
    private final Clock clock;

    public CommentService(EngageablePosts engageable, PostRepository posts, CommentRepository comments,
                          CommentViews views, PostVisibility visibility, TrendingRepository trending,
                          CommentNotices notices, TransactionWriter transactions, CursorCodec cursors, IdGenerator ids,
                          Clock clock) {
        this.engageable = engageable;
        this.posts = posts;
        this.comments = comments;
        this.views = views;
        this.visibility = visibility;
        this.trending = trending;
        this.notices = notices;
        this.transactions = transactions;
        this.cursors = cursors;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 404 when the caller may not see the post, or it is not published; 400 naming
     *         {@code text} for an empty or too long text, or one with control characters; 400 naming {@code replyTo}
     *         when it names no comment of this post
     */
    public CommentView create(Caller caller, String postId, NewComment request) {
        PostRules.postId(postId);
        String text = CommentRules.text(request.text());
        Post post = engageable.get(caller, postId);
        Comment replied = request.replyTo() == null ? null
                : comments.find(post.postId(), CommentRules.replyTo(request.replyTo())).orElseThrow(CommentRules::noSuchReplyTo);
        CommentNotices.Addressed addressed = notices.address(new Comment(ids.newId(), post.postId(), caller.userId(),
                text, clock.instant(), request.replyTo(), replied == null ? null : replied.authorId(), post.authorId(),
                List.of()), post);
        Comment comment = addressed.comment();
        List<TransactWriteItem> items = new ArrayList<>(List.of(comments.createItem(comment),
                posts.counterItem(post.postId(), Counter.COMMENTS, 1),
                trending.engagementItem(post.postId(), post.authorId(), TrendingRepository.COMMENT_POINTS, comment.createdAt())));
        items.addAll(addressed.writes());
        Optional<List<CancellationReason>> failure = transactions.write(items);
        if (failure.isPresent()) {
            if (TransactionWriter.failedCondition(failure.get(), POST)) {
                throw PostRules.notFound(); // deleted since it was read
            }
            throw new IllegalStateException("comment transaction cancelled: " + failure.get());
        }
        return views.of(comment, post, caller.userId());
    }

    /**
     * @throws ProblemException 404 when the caller may not see the post; 400 {@code invalid-cursor} for a cursor
     *         this server did not issue for this post's comments
     */
    public Page<CommentView> list(Caller caller, String postId, PageRequest page) {
        Post post = engageable.get(caller, postId);
        String purpose = "comments:" + post.postId();
        String after = page.cursor() == null ? null : after(cursors.decode(purpose, page.cursor()));
        CommentRepository.Slice slice = comments.page(post.postId(), after, page.limit());
        List<Comment> found = slice.comments();
        String next = slice.more()
                ? cursors.encode(purpose, Map.of("after", found.get(found.size() - 1).commentId()))
                : null;
        return new Page<>(views.of(found, post, caller.userId()), next);
    }

    /**
     * Deletes the comment; a comment already gone counts as deleted (for anyone who may see the post).
     *
     * @throws ProblemException 404 when there is no such post, or the comment exists and the caller wrote neither it
     *         nor the post
     */
    public void delete(Caller caller, String postId, String commentId) {
        Post post = posts.find(PostRules.postId(postId))
                .filter(p -> p.status() == PostStatus.PUBLISHED)
                .orElseThrow(PostRules::notFound);
        Optional<Comment> comment = comments.find(post.postId(), CommentRules.commentId(commentId));
        if (comment.isEmpty()) {
            if (!visibility.canSee(caller.userId(), post.authorId())) {
                throw CommentRules.notFound();
            }
            return;
        }
        if (!comment.get().authorId().equals(caller.userId()) && !post.isAuthor(caller.userId())) {
            throw CommentRules.notFound();
        }
        List<TransactWriteItem> items = new ArrayList<>(List.of(comments.deleteItem(post.postId(), commentId),
                posts.counterItem(post.postId(), Counter.COMMENTS, -1),
                trending.engagementItem(post.postId(), post.authorId(), -TrendingRepository.COMMENT_POINTS, clock.instant())));
        items.addAll(notices.removals(comment.get()));
        Optional<List<CancellationReason>> failure = transactions.write(items);
        if (failure.isPresent()) {
            if (TransactionWriter.failedCondition(failure.get(), POST)) {
                throw PostRules.notFound(); // the post went, and its comments with it
            }
            if (!TransactionWriter.failedCondition(failure.get(), COMMENT)) {
                throw new IllegalStateException("comment delete cancelled: " + failure.get());
            }
            // Deleted meanwhile by its other deleter: done either way.
        }
    }

    private static String after(Map<String, String> position) {
        String after = position.get("after");
        if (!IdGenerator.isWellFormed(after)) {
            throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued; start from the first page.");
        }
        return after;
    }
}
