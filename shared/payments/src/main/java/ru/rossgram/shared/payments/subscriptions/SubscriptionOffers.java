package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.payments.CheckoutRequest;
import ru.rossgram.shared.payments.CheckoutSale;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.UserLookup;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * A subscription as checkout sells it ({@code item: {type: subscription, id: <tierId>, creator: <username>}}): an
 * offered tier of another creator, to a caller not already subscribed with paid time left. A past-due or ended
 * subscription may be paid again: that is how a subscriber restores it.
 */
@Singleton
public class SubscriptionOffers {
    private final UserLookup users;
    private final TierRepository tiers;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public SubscriptionOffers(UserLookup users, TierRepository tiers, SubscriptionRepository subscriptions, Clock clock) {
        this.users = users;
        this.tiers = tiers;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 400 without a creator or tier; 404 for an unknown creator; 422 {@code not-for-sale}
     *         for a tier not offered or one's own; 409 {@code already-subscribed}
     */
    public CheckoutSale sale(Caller caller, CheckoutRequest.Item item) {
        if (item.creator() == null || item.creator().isBlank()) {
            throw ProblemException.invalid("item.creator", "the creator's username");
        }
        if (item.id() == null || item.id().isBlank()) {
            throw ProblemException.invalid("item.id", "the tier's id");
        }
        Account creator = users.byUsername(item.creator());
        if (creator.userId().equals(caller.userId())) {
            throw new ProblemException(ProblemType.NOT_FOR_SALE, "You cannot subscribe to yourself.");
        }
        Tier tier = tiers.find(creator.userId()).tier(item.id()).filter(Tier::offered)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOR_SALE, "The creator offers no such tier."));
        Optional<Subscription> existing = subscriptions.find(caller.userId(), creator.userId());
        if (existing.isPresent() && stillPaid(existing.get())) {
            throw new ProblemException(ProblemType.ALREADY_SUBSCRIBED, "You are subscribed to @" + creator.username()
                    + " already; change the tier instead.");
        }
        int period = existing.map(s -> s.period() + 1).orElse(1);
        return new CheckoutSale(creator.userId(), new Purchase(Purchase.Kind.SUBSCRIPTION, tier.tierId()), tier.price(),
                new SubscriptionCharge(SubscriptionCharge.Reason.START, period, 1),
                "Rossgram: subscription to @" + creator.username() + " (" + tier.name() + ")", true);
    }

    /** Active, or cancelled with paid time left: paying again would only buy a period on top. */
    private boolean stillPaid(Subscription subscription) {
        return subscription.status() == Subscription.Status.ACTIVE
                || (subscription.status() == Subscription.Status.CANCELED && subscription.paidThrough().isAfter(clock.instant()));
    }
}
