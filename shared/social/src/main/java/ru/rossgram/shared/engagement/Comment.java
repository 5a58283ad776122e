package ru.rossgram.shared.engagement;

import java.time.Instant;

/** A comment as stored, in its post's partition; {@code commentId} is a ULID, so ids sort oldest first. */
public record Comment(String commentId, String postId, String authorId, String text, Instant createdAt) {
}
