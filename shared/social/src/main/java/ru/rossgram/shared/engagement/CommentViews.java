package ru.rossgram.shared.engagement;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.AccountViews;
import ru.rossgram.shared.posts.Post;

/** Turns stored comments into what a reader sees, each with its author's name and avatar (one BatchGet a page). */
@Singleton
public class CommentViews {
    private final AccountRepository accounts;
    private final AccountViews accountViews;

    public CommentViews(AccountRepository accounts, AccountViews accountViews) {
        this.accounts = accounts;
        this.accountViews = accountViews;
    }

    /** {@code comments} of {@code post}, in the same order, as {@code viewerId} sees them. */
    public List<CommentView> of(List<Comment> comments, Post post, String viewerId) {
        Map<String, Account> authors = accounts.findAllById(comments.stream().map(Comment::authorId).toList());
        return comments.stream().map(comment -> {
            boolean mine = comment.authorId().equals(viewerId);
            return new CommentView(comment.commentId(), author(comment.authorId(), authors.get(comment.authorId())),
                    comment.text(), comment.createdAt(), mine, mine || post.isAuthor(viewerId), comment.replyTo());
        }).toList();
    }

    public CommentView of(Comment comment, Post post, String viewerId) {
        return of(List.of(comment), post, viewerId).get(0);
    }

    private CommentView.Author author(String userId, Account account) {
        if (account == null) {
            return new CommentView.Author(userId, null, null, null);
        }
        return new CommentView.Author(userId, account.username(), account.displayName(), accountViews.avatar(account.avatar()));
    }
}
