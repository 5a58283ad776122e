package ru.rossgram.shared.feeds;

/**
 * How far the fan-out of one post (or the marking of its author as a celebrity, for a {@link FanOutAction#MARK}) got.
 *
 * @param cursor    where the next step resumes in the author's followers (opaque), null before the first
 * @param delivered feed items (or contexts) written or removed so far
 * @param done      every follower is served, or there was nothing to do
 * @param skipped   the author is over the fan-out threshold: readers merge the post in instead
 */
public record FanOutJob(String postId, FanOutAction action, String authorId, String cursor, long delivered,
                        boolean done, boolean skipped) {
}
