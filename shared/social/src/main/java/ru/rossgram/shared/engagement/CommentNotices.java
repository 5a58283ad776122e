package ru.rossgram.shared.engagement;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.activity.Activity;
import ru.rossgram.shared.activity.ActivityKey;
import ru.rossgram.shared.activity.ActivityKind;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.posts.CaptionTags;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.social.PostVisibility;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The inbox items a comment writes, all with the comment's id as their subject and their activity id (the comment's
 * id is a new ULID of its moment): {@code comment} to the post's author, {@code reply} to the author of the comment
 * it answers (instead of {@code comment} when that is the post's author), {@code mention} to each other account
 * its text @mentions, at most {@value #MAX_MENTIONS}; never to the commenter.
 *
 * <p>A mention reaches an account only if it may see the post and no block stands between it and the commenter
 * either way; a reply likewise. The comment stores whom it notified, so {@link #keys} derives every item again
 * from the stored comment alone when it is deleted.
 */
@Singleton
public class CommentNotices {
    /** The first accounts a comment's text mentions that are notified; later mentions are only text. */
    static final int MAX_MENTIONS = 10;

    private final AccountRepository accounts;
    private final PostVisibility visibility;
    private final ActivityRepository activity;

    public CommentNotices(AccountRepository accounts, PostVisibility visibility, ActivityRepository activity) {
        this.accounts = accounts;
        this.visibility = visibility;
        this.activity = activity;
    }

    /** A comment with whom it notifies decided, and the writes of its items for its transaction. */
    public record Addressed(Comment comment, List<TransactWriteItem> writes) {
    }

    /**
     * Decides whom {@code draft} (whose {@code mentionedIds} are ignored) on {@code post} notifies: two BatchGets
     * when its text mentions anyone (the names' claims; visibility and blocks), one when it only replies, none else.
     */
    public Addressed address(Comment draft, Post post) {
        List<String> mentioned = mentionedAccounts(draft.text());
        Set<String> direct = new LinkedHashSet<>();
        keys(draft).forEach(key -> direct.add(key.recipientId()));
        List<String> candidates = new ArrayList<>();
        String replyRecipient = replyRecipient(draft);
        if (replyRecipient != null) {
            candidates.add(replyRecipient);
        }
        mentioned.stream().filter(id -> !id.equals(draft.authorId()) && !direct.contains(id)).forEach(candidates::add);
        List<String> reached = candidates.isEmpty() ? List.of()
                : visibility.whoCanSee(post.authorId(), candidates, draft.authorId());
        Comment comment = new Comment(draft.commentId(), draft.postId(), draft.authorId(), draft.text(),
                draft.createdAt(), draft.replyTo(), draft.replyToAuthorId(), draft.postAuthorId(),
                reached.stream().filter(id -> !id.equals(replyRecipient)).toList());
        List<TransactWriteItem> writes = new ArrayList<>();
        for (ActivityKey key : keys(comment)) {
            if (key.kind() == ActivityKind.COMMENT || reached.contains(key.recipientId())) {
                writes.add(activity.putItem(Activity.of(key.recipientId(), key.kind(), key.subject(),
                        comment.commentId(), comment.authorId(), comment.postId(), comment.commentId(),
                        Activity.preview(comment.text()), null, comment.createdAt())));
            }
        }
        return new Addressed(comment, writes);
    }

    /** The writes that remove every item {@code comment} wrote, for its delete's transaction. */
    public List<TransactWriteItem> removals(Comment comment) {
        return keys(comment).stream().map(activity::deleteItem).toList();
    }

    /**
     * The keys of the items {@code comment} may have written: a reply's only if its author was reachable, so a
     * removal may name an item that never was (deleting it is harmless). Comments from before inboxes (no post
     * author stored) wrote none.
     */
    public static List<ActivityKey> keys(Comment comment) {
        List<ActivityKey> keys = new ArrayList<>();
        String commenter = comment.authorId();
        String replyRecipient = replyRecipient(comment);
        String postAuthor = comment.postAuthorId();
        if (postAuthor != null && !postAuthor.equals(commenter) && !postAuthor.equals(replyRecipient)) {
            keys.add(new ActivityKey(postAuthor, ActivityKind.COMMENT, comment.commentId()));
        }
        if (replyRecipient != null) {
            keys.add(new ActivityKey(replyRecipient, ActivityKind.REPLY, comment.commentId()));
        }
        comment.mentionedIds().stream().filter(id -> !id.equals(commenter) && !id.equals(replyRecipient))
                .distinct().forEach(id -> keys.add(new ActivityKey(id, ActivityKind.MENTION, comment.commentId())));
        return keys;
    }

    private static String replyRecipient(Comment comment) {
        String replied = comment.replyToAuthorId();
        return replied == null || replied.equals(comment.authorId()) ? null : replied;
    }

    /** The accounts of the first {@value #MAX_MENTIONS} names the text mentions, in their order. */
    private List<String> mentionedAccounts(String text) {
        return accounts.idsByUsername(CaptionTags.in(text).mentions().stream().limit(MAX_MENTIONS).toList());
    }
}
