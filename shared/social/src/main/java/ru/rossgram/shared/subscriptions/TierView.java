package ru.rossgram.shared.subscriptions;

import java.time.Instant;
import ru.rossgram.shared.posts.PostView;

/**
 * A tier as API responses show it.
 *
 * @param price      the monthly price new subscribers pay
 * @param priceSince when that price was set: a rise reaches existing subscribers' renewals only after the notice period
 */
public record TierView(String id, String name, String description, PostView.Price price, Instant priceSince, int rank,
                       String state, Instant createdAt) {

    public static TierView of(Tier tier) {
        return new TierView(tier.tierId(), tier.name(), tier.description().isEmpty() ? null : tier.description(),
                new PostView.Price(tier.price().minor(), tier.price().currency()), tier.priceSince(), tier.rank(),
                tier.state().wire(), tier.createdAt());
    }

    /** A list of tiers, lowest rank first. */
    public record Tiers(java.util.List<TierView> items) {
    }
}
