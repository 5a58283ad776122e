package ru.rossgram.shared.engagement;

import java.time.Instant;
import java.util.List;

/**
 * A comment as stored, in its post's partition; {@code commentId} is a ULID, so ids sort oldest first. It keeps
 * whom it notified ({@link CommentNotices}), so deleting it, alone or with its post, removes every notice it wrote.
 *
 * @param replyTo        the comment of the same post it answers, or null
 * @param replyToAuthorId who wrote {@code replyTo}, or null
 * @param postAuthorId   who wrote the post (null on comments from before inboxes: they notified nobody)
 * @param mentionedIds   the accounts its @mentions notified
 */
public record Comment(String commentId, String postId, String authorId, String text, Instant createdAt,
                      String replyTo, String replyToAuthorId, String postAuthorId, List<String> mentionedIds) {
    public Comment {
        mentionedIds = mentionedIds == null ? List.of() : List.copyOf(mentionedIds);
    }
}
