package ru.rossgram.shared.payments.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.Tier;

/**
 * What the renewal of a subscription charges, and for which tier: pure arithmetic over the subscription and the
 * creator's tiers as they are now.
 *
 * <ul>
 *   <li>A downgrade waiting ({@code pendingTierId}) renews the lower tier at its current price: choosing it is
 *       choosing its price, as a new subscriber would. A pending tier the creator no longer has is ignored: the
 *       current tier renews.</li>
 *   <li>Otherwise the current tier at the subscription's price, except that a fall of the tier's price applies at
 *       once, and a rise applies only when it was made at least {@code priceNotice} before the renewal's due date
 *       (the end of the paid period), so every subscriber hears of it a notice period ahead.</li>
 *   <li>A hidden or archived tier, or one the creator removed, renews at the subscription's price: existing
 *       subscribers keep theirs.</li>
 * </ul>
 *
 * @param tierId the tier the renewed period pays for
 * @param amount what it costs
 */
public record RenewalTerms(String tierId, Money amount) {

    public static RenewalTerms of(Subscription subscription, CreatorTiers tiers, Duration priceNotice) {
        Optional<Tier> pending = Optional.ofNullable(subscription.pendingTierId()).flatMap(tiers::tier);
        if (pending.isPresent()) {
            return new RenewalTerms(pending.get().tierId(), pending.get().price());
        }
        Money kept = subscription.price();
        Optional<Tier> current = tiers.tier(subscription.tierId());
        if (current.isEmpty() || current.get().state() != Tier.State.ACTIVE
                || !current.get().price().currency().equals(kept.currency())) {
            return new RenewalTerms(subscription.tierId(), kept);
        }
        Tier tier = current.get();
        long now = tier.price().minor();
        Instant dueDate = subscription.paidThrough();
        boolean fell = now < kept.minor();
        boolean roseWithNotice = now > kept.minor() && !tier.priceSince().plus(priceNotice).isAfter(dueDate);
        return new RenewalTerms(tier.tierId(), fell || roseWithNotice ? tier.price() : kept);
    }
}
