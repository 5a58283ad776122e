package ru.rossgram.shared.feeds;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How posts reach home feeds ({@code ROSSGRAM_FEEDS_*}).
 *
 * @param fanOutThreshold  authors with more followers than this are not fanned out: their posts are merged
 *                         into their followers' feeds when read
 * @param followersPerStep how many followers one invocation of the fan-out function serves before it hands
 *                         the rest to the next invocation (a step writes one feed item per follower)
 * @param itemRetention    how long a feed item lives (DynamoDB TTL); older posts stay on profiles
 */
@ConfigurationProperties("rossgram.feeds")
public record FeedConfig(
        @Bindable(defaultValue = "10000") long fanOutThreshold,
        @Bindable(defaultValue = "5000") int followersPerStep,
        @Bindable(defaultValue = "60d") Duration itemRetention) {
}
