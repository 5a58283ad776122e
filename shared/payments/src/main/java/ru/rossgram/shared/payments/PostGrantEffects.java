package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.posts.AccessGrants;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A paid post's sale grants the buyer access to it and tells the seller; its refund revokes that payment's grant and
 * takes the notice back; a decline does nothing.
 */
@Singleton
public class PostGrantEffects implements PurchaseEffects {
    private final AccessGrants grants;
    private final SellerActivity activity;

    public PostGrantEffects(AccessGrants grants, SellerActivity activity) {
        this.grants = grants;
        this.activity = activity;
    }

    @Override
    public Purchase.Kind kind() {
        return Purchase.Kind.POST;
    }

    @Override
    public List<TransactWriteItem> credited(Payment payment, ProviderEvent event, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>(activity.purchased(payment, now));
        items.add(grants.grantItem(payment.buyerId(), payment.purchase().id(), payment.paymentId(), now));
        return items;
    }

    @Override
    public List<TransactWriteItem> declined(Payment payment, Instant now) {
        return List.of();
    }

    @Override
    public List<TransactWriteItem> reversed(Payment payment, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>(activity.purchaseRefunded(payment));
        items.add(grants.revokeItem(payment.buyerId(), payment.purchase().id(), payment.paymentId()));
        return items;
    }
}
