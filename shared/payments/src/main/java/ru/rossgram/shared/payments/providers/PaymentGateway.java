package ru.rossgram.shared.payments.providers;

import java.util.Optional;
import ru.rossgram.shared.payments.PaymentProvider;

/**
 * One payment provider's API and notifications, implemented from the provider's own documentation. Everything
 * provider-specific (URLs, credentials, signatures, field names, decimal amounts, the answers it expects) stays
 * behind this interface; the rest of the code sees {@link ProviderEvent}s and {@link ru.rossgram.shared.money.Money}.
 */
public interface PaymentGateway {
    PaymentProvider provider();

    /** Whether this deployment has credentials for the provider; an unconfigured one is never offered. */
    boolean configured();

    /**
     * Asks the provider to create a payment for {@code order} and answers where the buyer confirms it. Safe to
     * repeat for one order: the provider's idempotency (YooKassa's {@code Idempotence-Key}, T-Bank's
     * {@code OrderId}) makes a repeat return the same payment.
     *
     * @throws ProviderUnavailableException when the provider cannot be reached or answers with an error
     */
    CreatedPayment create(PaymentOrder order);

    /**
     * Charges a saved payment method without the buyer (a subscription's renewal): {@code savedMethod} is what the
     * success of the payment that saved it reported ({@link ProviderEvent#savedMethod()}). The outcome, success or
     * decline, arrives as a notification like any payment's and is settled by the webhook. Safe to repeat for one
     * order: our payment id is the provider's idempotency key or order id. The answer has no confirmation URL:
     * nobody confirms a charge of a saved method.
     *
     * @throws ProviderUnavailableException when the provider cannot be reached or refuses the request itself
     */
    default CreatedPayment charge(PaymentOrder order, String savedMethod) {
        // Every gateway here overrides it; the default keeps test doubles that only create and read compiling.
        throw new UnsupportedOperationException(provider().wire() + " charges no saved method");
    }

    /**
     * Asks the provider what became of a charge ({@link #charge}) whose notification has not come. Empty by default:
     * the providers that notify success and decline alike need no asking. Robokassa sends nothing for a declined
     * recurring charge, so its gateway asks. An event answered here carries the same event key as the notification
     * of the same outcome would, so whichever arrives first counts and the other is a duplicate.
     *
     * @param providerPaymentId what {@link #charge} answered as {@link CreatedPayment#providerPaymentId()}
     * @return the outcome, or empty while the charge is still in progress (or the provider does not say)
     * @throws ProviderUnavailableException when the provider cannot be asked
     */
    default Optional<ProviderEvent> outcome(PaymentOrder order, String providerPaymentId) {
        return Optional.empty();
    }

    /**
     * Asks the provider to refund a succeeded payment in full (YooKassa {@code POST /v3/refunds}, T-Bank
     * {@code Cancel}, CloudPayments {@code payments/refund}, Robokassa's refund API). Safe to repeat: the order's
     * {@code refundKey} is the provider's idempotency key, or the provider refuses a second full refund and the
     * gateway answers as for the first.
     *
     * @return empty when the provider notifies the refund (the webhook settles it, reversing the ledger); the refund
     *         event itself when the provider sends no notification of refunds (Robokassa), for the caller to settle
     *         through {@link ru.rossgram.shared.payments.Settlement} at once. Its event key is the same for every
     *         repeat, so the refund is settled once
     * @throws ProviderUnavailableException when the provider cannot be reached or refuses the refund
     */
    default Optional<ProviderEvent> refund(RefundOrder order) {
        throw new UnsupportedOperationException(provider().wire() + " refunds nothing here");
    }

    /**
     * Verifies a notification from its raw bytes exactly as received (signatures compared in constant time)
     * and reads what it reports. Never throws for a forged, malformed or unknown notification: that is a
     * {@link Notification.Refused} with the answer the provider expects.
     *
     * @throws ProviderUnavailableException when verification needs the provider's API (YooKassa) and it
     *         cannot be reached: the delivery should fail so that the provider retries it
     */
    Notification read(WebhookDelivery delivery);
}
