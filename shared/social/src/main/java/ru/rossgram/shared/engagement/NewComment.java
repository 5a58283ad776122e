package ru.rossgram.shared.engagement;

/**
 * Body of {@code POST /v1/posts/{postId}/comments}.
 *
 * @param replyTo the id of the comment of the same post this one answers; null for none
 */
public record NewComment(String text, String replyTo) {
}
