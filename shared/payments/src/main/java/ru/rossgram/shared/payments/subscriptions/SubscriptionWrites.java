package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Everything that moves with a subscription, as writes for one transaction: the subscription (conditional on the
 * version read) with its renewal marker, the subscriber's access item, and the creator's counts. At most 5 actions.
 */
@Singleton
public class SubscriptionWrites {
    private final SubscriptionRepository subscriptions;
    private final SubscriptionAccess access;
    private final SubscriberCounts counts;

    public SubscriptionWrites(SubscriptionRepository subscriptions, SubscriptionAccess access, SubscriberCounts counts) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.counts = counts;
    }

    /** The writes that replace {@code seen} (null: none stored) by {@code next}. */
    public List<TransactWriteItem> items(Subscription seen, Subscription next) {
        List<TransactWriteItem> items = new ArrayList<>(subscriptions.saveItems(seen, next));
        if (next.status() == Subscription.Status.ENDED) {
            items.add(access.deleteItem(next.subscriberId(), next.creatorId()));
        } else {
            items.add(access.putItem(new SubscriptionAccess.Access(next.subscriberId(), next.creatorId(), next.tierId(),
                    next.accessUntil())));
        }
        counts.moveItem(seen, next).ifPresent(items::add);
        return items;
    }
}
