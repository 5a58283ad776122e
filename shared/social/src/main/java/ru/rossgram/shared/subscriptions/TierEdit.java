package ru.rossgram.shared.subscriptions;

/**
 * Body of {@code PATCH /v1/me/tiers/{tierId}}: what to change, anything absent (or null) left as it is.
 *
 * @param price kopecks a month; a new price sets {@code priceSince}
 * @param rank  the position to move the tier to among the current tiers, which are renumbered 1..n
 * @param state {@code active}, {@code hidden} or {@code archived} (for good)
 */
public record TierEdit(String name, String description, Long price, Integer rank, String state) {
}
