package ru.rossgram.shared.subscriptions;

/** Body of {@code POST /v1/me/tiers}: {@code price} in kopecks a month; {@code description} optional. */
public record NewTier(String name, String description, Long price) {
}
