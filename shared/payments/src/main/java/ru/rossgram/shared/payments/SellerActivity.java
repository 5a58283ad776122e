package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.activity.Activity;
import ru.rossgram.shared.activity.ActivityKind;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The seller's activity items a settlement writes, as actions of its one transaction (docs/discovery.md, Activity):
 * a sale of a paid post, a new subscriber, a new pledge; and, when a refund takes the money back, their removal (the
 * refund itself shows in the seller's earnings, not as news).
 */
@Singleton
public class SellerActivity {
    private final ActivityRepository activities;
    private final IdGenerator ids;

    public SellerActivity(ActivityRepository activities, IdGenerator ids) {
        this.activities = activities;
        this.ids = ids;
    }

    /** "{@code buyer} bought your post for {@code amount}"; subject: the payment. */
    public List<TransactWriteItem> purchased(Payment payment, Instant at) {
        return put(payment, ActivityKind.PURCHASE, payment.paymentId(), payment.purchase().id(), payment.amount(), at);
    }

    public List<TransactWriteItem> purchaseRefunded(Payment payment) {
        return List.of(activities.deleteItem(payment.sellerId(), ActivityKind.PURCHASE, payment.paymentId()));
    }

    /** "{@code buyer} subscribed for {@code amount}"; subject: the subscriber (one item per subscriber). */
    public List<TransactWriteItem> subscribed(Payment payment, Instant at) {
        return put(payment, ActivityKind.SUBSCRIBER, payment.buyerId(), null, payment.amount(), at);
    }

    public List<TransactWriteItem> subscriptionRefunded(Payment payment) {
        return List.of(activities.deleteItem(payment.sellerId(), ActivityKind.SUBSCRIBER, payment.buyerId()));
    }

    /** "{@code buyer} pledged {@code amount} to your campaign"; subject: the campaign and the backer. */
    public List<TransactWriteItem> pledged(Payment payment, Money pledged, Instant at) {
        return put(payment, ActivityKind.PLEDGE, pledgeSubject(payment), null, pledged, at);
    }

    public List<TransactWriteItem> pledgeRefunded(Payment payment) {
        return List.of(activities.deleteItem(payment.sellerId(), ActivityKind.PLEDGE, pledgeSubject(payment)));
    }

    private static String pledgeSubject(Payment payment) {
        return payment.purchase().id() + "#" + payment.buyerId();
    }

    private List<TransactWriteItem> put(Payment payment, ActivityKind kind, String subject, String postId, Money amount,
                                        Instant at) {
        if (payment.buyerId().equals(payment.sellerId())) {
            return List.of(); // never your own actions
        }
        return List.of(activities.putItem(Activity.of(payment.sellerId(), kind, subject, ids.newId(), payment.buyerId(),
                postId, null, null, amount, at)));
    }
}
