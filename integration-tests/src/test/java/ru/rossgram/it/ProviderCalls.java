package ru.rossgram.it;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.RefundOrder;

/**
 * The charges and refunds a job asked of the real gateways, per payment: "charged once" and "refunded once" are
 * numbers a test reads.
 */
final class ProviderCalls {
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refunds = new ConcurrentHashMap<>();

    /** {@code real}'s gateways (every one configured for webhooks), each counting here. */
    PaymentGateways counting(PaymentGateways real) {
        return new PaymentGateways(Arrays.stream(PaymentProvider.values()).map(real::forWebhooks)
                .flatMap(Optional::stream).map(Counting::new).map(PaymentGateway.class::cast).toList());
    }

    int charges(String paymentId) {
        return charges.getOrDefault(paymentId, new AtomicInteger()).get();
    }

    int refunds(String paymentId) {
        return refunds.getOrDefault(paymentId, new AtomicInteger()).get();
    }

    private final class Counting extends ForwardingGateway {
        Counting(PaymentGateway gateway) {
            super(gateway);
        }

        @Override
        public CreatedPayment charge(PaymentOrder order, String savedMethod) {
            charges.computeIfAbsent(order.paymentId(), id -> new AtomicInteger()).incrementAndGet();
            return gateway.charge(order, savedMethod);
        }

        @Override
        public Optional<ProviderEvent> refund(RefundOrder order) {
            refunds.computeIfAbsent(order.paymentId(), id -> new AtomicInteger()).incrementAndGet();
            return gateway.refund(order);
        }
    }
}
