package ru.rossgram.shared.explore;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How explore is computed ({@code ROSSGRAM_EXPLORE_*}).
 *
 * @param windowHours how many hours of engagement, the current one included, the job adds up (each hour is
 *                    8 shard Queries; the trending items live 9 days, so at most 168 hours count)
 * @param candidates  how many ranked posts the snapshot keeps (about 90 bytes each in its one item, so the
 *                    default's 500 are some 45 KB, far below the 400 KB an item may hold; at most 2,000)
 */
@ConfigurationProperties("rossgram.explore")
public record ExploreConfig(
        @Bindable(defaultValue = "48") int windowHours,
        @Bindable(defaultValue = "500") int candidates) {
    public ExploreConfig {
        if (windowHours < 1 || windowHours > 168) {
            throw new IllegalArgumentException("ROSSGRAM_EXPLORE_WINDOW_HOURS must be from 1 to 168: " + windowHours);
        }
        if (candidates < 1 || candidates > 2000) {
            throw new IllegalArgumentException("ROSSGRAM_EXPLORE_CANDIDATES must be from 1 to 2000: " + candidates);
        }
    }
}
