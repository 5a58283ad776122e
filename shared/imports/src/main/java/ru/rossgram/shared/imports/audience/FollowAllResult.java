package ru.rossgram.shared.imports.audience;

/**
 * What one {@code POST /v1/me/instagram/matches/follow} did.
 *
 * @param followed   matches now followed
 * @param requested  private matches now asked to follow
 * @param nextCursor where to go on (call again with it), or null when every match was gone through
 */
public record FollowAllResult(int followed, int requested, String nextCursor) {
}
