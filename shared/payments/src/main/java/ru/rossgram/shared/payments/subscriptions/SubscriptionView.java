package ru.rossgram.shared.payments.subscriptions;

import java.time.Instant;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.Tier;

/**
 * A subscription as its subscriber sees it ({@code GET /v1/me/subscriptions}).
 *
 * @param nextChargeAt when the renewal (or the retry of a declined one) is charged; null when cancelled or ended
 * @param pendingTier  the downgrade waiting for the next renewal; null when none
 */
public record SubscriptionView(Creator creator, TierRef tier, PaymentView.Amount price, String status,
                               Instant paidThrough, Instant accessUntil, Instant nextChargeAt, TierRef pendingTier) {
    public record Creator(String id, String username) {
    }

    /** @param name null for a tier the creator no longer has */
    public record TierRef(String id, String name, int rank) {
        static TierRef of(String tierId, CreatorTiers tiers) {
            return tiers.tier(tierId).map(t -> new TierRef(t.tierId(), t.name(), t.rank()))
                    .orElse(new TierRef(tierId, null, 0));
        }

        static TierRef of(Tier tier) {
            return new TierRef(tier.tierId(), tier.name(), tier.rank());
        }
    }

    public static SubscriptionView of(Subscription sub, String creatorUsername, CreatorTiers tiers) {
        boolean charging = sub.status() == Subscription.Status.ACTIVE || sub.status() == Subscription.Status.PAST_DUE;
        return new SubscriptionView(new Creator(sub.creatorId(), creatorUsername), TierRef.of(sub.tierId(), tiers),
                new PaymentView.Amount(sub.price().minor(), sub.price().currency()), sub.status().wire(),
                sub.paidThrough(), sub.accessUntil(), charging ? sub.dueAt() : null,
                sub.pendingTierId() == null ? null : TierRef.of(sub.pendingTierId(), tiers));
    }
}
