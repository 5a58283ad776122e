package ru.rossgram.shared.engagement;

/**
 * The answer to a like or an unlike: where the caller stands now, and the post's like count just after.
 */
public record LikeState(boolean liked, long likeCount) {
}
