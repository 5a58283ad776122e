package ru.rossgram.shared.payments.providers;

import ru.rossgram.shared.money.Money;

/**
 * What a provider is asked to charge.
 *
 * @param paymentId   our payment id (a ULID): the provider's order id and idempotency key
 * @param orderNumber a positive number unique per payment, for providers whose order ids are integers (Robokassa)
 * @param amount      the price, in kopecks
 * @param description shown to the buyer by the provider
 * @param returnUrl   where the provider sends the buyer back to the app
 * @param saveMethod  whether the buyer's payment method is to be saved for later charges without the buyer
 *                    (a subscription's first payment): the success event then carries
 *                    {@link ProviderEvent#savedMethod()}
 * @param customerId  our id of the payer (the buyer's user id): T-Bank's {@code CustomerKey}, CloudPayments'
 *                    {@code AccountId}
 */
public record PaymentOrder(String paymentId, long orderNumber, Money amount, String description, String returnUrl,
                           boolean saveMethod, String customerId) {

    /** A one-off payment: nothing saved. */
    public PaymentOrder(String paymentId, long orderNumber, Money amount, String description, String returnUrl) {
        this(paymentId, orderNumber, amount, description, returnUrl, false, null);
    }
}
