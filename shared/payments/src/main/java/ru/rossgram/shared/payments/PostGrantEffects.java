package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.posts.AccessGrants;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A paid post's sale grants the buyer access to it; its refund revokes that payment's grant; a decline does nothing. */
@Singleton
public class PostGrantEffects implements PurchaseEffects {
    private final AccessGrants grants;

    public PostGrantEffects(AccessGrants grants) {
        this.grants = grants;
    }

    @Override
    public Purchase.Kind kind() {
        return Purchase.Kind.POST;
    }

    @Override
    public List<TransactWriteItem> credited(Payment payment, ProviderEvent event, Instant now) {
        return List.of(grants.grantItem(payment.buyerId(), payment.purchase().id(), payment.paymentId(), now));
    }

    @Override
    public List<TransactWriteItem> declined(Payment payment, Instant now) {
        return List.of();
    }

    @Override
    public List<TransactWriteItem> reversed(Payment payment, Instant now) {
        return List.of(grants.revokeItem(payment.buyerId(), payment.purchase().id(), payment.paymentId()));
    }
}
