package ru.rossgram.paymentsim;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refunds requested through a provider's API with an idempotency key (YooKassa's {@code Idempotence-Key},
 * CloudPayments' {@code X-Request-ID}): the first request with a key refunds the payment whole, a repeat answers the
 * same refund and refunds nothing.
 */
final class IdempotentRefunds {
    private final Map<String, String> refundsByKey = new ConcurrentHashMap<>();
    private final ProviderEmulator provider;

    IdempotentRefunds(ProviderEmulator provider) {
        this.provider = provider;
    }

    /**
     * Refunds {@code payment} for {@code key} unless that key already did.
     *
     * @return the refund's notification, to send after the API answers; empty for a repeat
     * @throws IllegalStateException when the payment is not succeeded or {@code minor} is not its whole amount
     */
    Optional<Notice> refund(String key, SimulatedPayment payment, long minor) {
        Notice[] refunded = new Notice[1];
        refundsByKey.computeIfAbsent(key, k -> {
            if (minor != payment.amountMinor()) {
                throw new IllegalStateException("the simulator refunds whole payments only");
            }
            refunded[0] = provider.settle(payment.id(), Action.REFUND).orElseThrow();
            return payment.refundId();
        });
        return Optional.ofNullable(refunded[0]);
    }
}
