package ru.rossgram.shared.engagement;

import java.time.Instant;
import ru.rossgram.shared.accounts.AccountView;

/**
 * A comment as API responses show it.
 *
 * @param mine      the reader wrote it
 * @param canDelete the reader may delete it: they wrote it, or wrote the post
 * @param replyTo   the id of the comment it answers; left out when none
 */
public record CommentView(String id, Author author, String text, Instant createdAt, boolean mine, boolean canDelete,
                          String replyTo) {

    /**
     * Who wrote it; {@code username} and {@code displayName} are null if the account no longer exists, {@code avatar}
     * is left out when there is none.
     */
    public record Author(String id, String username, String displayName, AccountView.AvatarView avatar) {
    }
}
