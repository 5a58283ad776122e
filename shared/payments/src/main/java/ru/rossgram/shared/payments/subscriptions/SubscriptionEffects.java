package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.PurchaseEffects;
import ru.rossgram.shared.payments.SellerActivity;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a subscription payment's settlement does to the subscription ({@link SubscriptionTransitions}), read
 * consistently for every attempt of the settlement and written conditional on its version, so a race with another
 * payment, a cancel or the renewal job sends the settlement round again.
 */
@Singleton
public class SubscriptionEffects implements PurchaseEffects {
    private final SubscriptionRepository subscriptions;
    private final SubscriptionWrites writes;
    private final TierRepository tiers;
    private final SubscriptionsConfig config;
    private final SellerActivity activity;

    public SubscriptionEffects(SubscriptionRepository subscriptions, SubscriptionWrites writes, TierRepository tiers,
                               SubscriptionsConfig config, SellerActivity activity) {
        this.subscriptions = subscriptions;
        this.writes = writes;
        this.tiers = tiers;
        this.config = config;
        this.activity = activity;
    }

    @Override
    public Purchase.Kind kind() {
        return Purchase.Kind.SUBSCRIPTION;
    }

    @Override
    public List<TransactWriteItem> credited(Payment payment, ProviderEvent event, Instant now) {
        Subscription current = current(payment);
        if (payment.charge().reason() == SubscriptionCharge.Reason.UPGRADE) {
            Money tierPrice = tiers.find(payment.sellerId()).tier(payment.purchase().id()).map(Tier::price)
                    .orElse(current == null ? payment.amount() : current.price());
            return items(current, SubscriptionTransitions.upgraded(current, payment, tierPrice, now));
        }
        Subscription next = SubscriptionTransitions.periodPaid(current, payment, event.savedMethod(), now);
        List<TransactWriteItem> items = new ArrayList<>(writes.items(current, next));
        if (!live(current) && live(next)) { // a new subscriber (or one back after the end), not a renewal
            items.addAll(activity.subscribed(payment, now));
        }
        return items;
    }

    @Override
    public List<TransactWriteItem> declined(Payment payment, Instant now) {
        Subscription current = current(payment);
        return items(current, SubscriptionTransitions.declined(current, payment, config, now));
    }

    @Override
    public List<TransactWriteItem> reversed(Payment payment, Instant now) {
        Subscription current = current(payment);
        Optional<Subscription> next = SubscriptionTransitions.refunded(current, now);
        List<TransactWriteItem> items = new ArrayList<>(items(current, next));
        if (live(current) && !next.map(SubscriptionEffects::live).orElse(true)) { // the refund ended it
            items.addAll(activity.subscriptionRefunded(payment));
        }
        return items;
    }

    /** Live: counted among the creator's subscribers (docs/data-model.md, row 28d), i.e. not ended. */
    private static boolean live(Subscription subscription) {
        return subscription != null && subscription.status() != Subscription.Status.ENDED;
    }

    private Subscription current(Payment payment) {
        return subscriptions.find(payment.buyerId(), payment.sellerId()).orElse(null);
    }

    private List<TransactWriteItem> items(Subscription current, Optional<Subscription> next) {
        return next.map(n -> writes.items(current, n)).orElse(List.of());
    }
}
