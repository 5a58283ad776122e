package ru.rossgram.shared.engagement;

/** Body of {@code POST /v1/posts/{postId}/comments}. */
public record NewComment(String text) {
}
