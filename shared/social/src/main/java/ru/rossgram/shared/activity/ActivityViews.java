package ru.rossgram.shared.activity;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.engagement.Comment;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.social.UserSummary;

/**
 * Decides, from what a page's BatchGet found, whether an item is shown and how: an item whose post or comment is
 * gone, whose actor is gone or in a block with the reader, or that tells of the reader's own action, is skipped;
 * a like item lists only the newest likers who still like and are not blocked.
 */
@Singleton
class ActivityViews {
    private final AccountViews accounts;
    private final PostViews posts;

    ActivityViews(AccountViews accounts, PostViews posts) {
        this.accounts = accounts;
        this.posts = posts;
    }

    Optional<ActivityView> of(Activity item, ActivityPageReads.Found found, String me) {
        Post post = item.postId() == null ? null : found.posts().get(item.postId());
        Comment comment = item.commentId() == null ? null : found.comments().get(item.commentId());
        if ((item.postId() != null && post == null) || (item.commentId() != null && comment == null)) {
            return Optional.empty(); // deleted since: the item goes with it
        }
        ActivityView.PostRef postRef = post == null ? null : new ActivityView.PostRef(post.postId(),
                posts.thumbnail(post, post.isAuthor(me) || !post.gated()));
        ActivityView.CommentRef commentRef = comment == null ? null
                : new ActivityView.CommentRef(comment.commentId(), comment.text());
        ActivityView.Amount amount = item.amount() == null ? null
                : new ActivityView.Amount(item.amount().minor(), item.amount().currency());
        String type = item.kind().wire();
        if (item.kind() == ActivityKind.LIKE) {
            Set<String> stillLike = found.likers().getOrDefault(item.postId(), Set.of());
            List<UserSummary> likers = item.recentActorIds().stream().distinct()
                    .filter(stillLike::contains).flatMap(liker -> shown(liker, found, me).stream()).toList();
            return Optional.of(new ActivityView(item.activityId(), type, item.at(), likers.isEmpty() ? null : likers.get(0),
                    likers, item.likes(), postRef, null, null));
        }
        return shown(item.actorId(), found, me).map(actor -> new ActivityView(item.activityId(), type, item.at(), actor,
                null, null, postRef, commentRef, amount));
    }

    /** The account as a row, unless it is the reader, gone, or in a block with the reader. */
    private Optional<UserSummary> shown(String userId, ActivityPageReads.Found found, String me) {
        Account account = found.actors().get(userId);
        if (userId.equals(me) || account == null || found.blocked().contains(userId)) {
            return Optional.empty();
        }
        return Optional.of(new UserSummary(account.userId(), account.username(), account.displayName(),
                accounts.avatar(account.avatar())));
    }
}
