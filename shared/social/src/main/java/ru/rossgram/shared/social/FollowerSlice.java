package ru.rossgram.shared.social;

import java.util.List;

/**
 * A run of one account's follower ids, newest follow first, for work that walks every follower (feed fan-out).
 *
 * @param next where the following slice starts (hand it back as {@code after}); null after the last follower
 */
public record FollowerSlice(List<String> followerIds, String next) {
    public FollowerSlice {
        followerIds = List.copyOf(followerIds);
    }
}
