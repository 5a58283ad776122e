package ru.rossgram.it;

import java.util.Optional;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.Notification;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.RefundOrder;
import ru.rossgram.shared.payments.providers.WebhookDelivery;

/** A real gateway with every call passed through, for tests that watch or fence some of them (charges, outcomes, refunds). */
abstract class ForwardingGateway implements PaymentGateway {
    protected final PaymentGateway gateway;

    ForwardingGateway(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public PaymentProvider provider() {
        return gateway.provider();
    }

    @Override
    public boolean configured() {
        return gateway.configured();
    }

    @Override
    public CreatedPayment create(PaymentOrder order) {
        return gateway.create(order);
    }

    @Override
    public CreatedPayment charge(PaymentOrder order, String savedMethod) {
        return gateway.charge(order, savedMethod);
    }

    @Override
    public Optional<ProviderEvent> outcome(PaymentOrder order, String providerPaymentId) {
        return gateway.outcome(order, providerPaymentId);
    }

    @Override
    public Optional<ProviderEvent> refund(RefundOrder order) {
        return gateway.refund(order);
    }

    @Override
    public Notification read(WebhookDelivery delivery) {
        return gateway.read(delivery);
    }
}
