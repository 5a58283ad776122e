package ru.rossgram.shared.payments.providers;

import ru.rossgram.shared.money.Money;

/**
 * What a provider is asked to return to the payer: the whole of one succeeded payment (a cancelled pledge, a
 * cancelled campaign, an all-or-nothing pledge's verification payment).
 *
 * @param paymentId         our id of the payment to refund
 * @param orderNumber       its order number (Robokassa's {@code InvId})
 * @param providerPaymentId the provider's id of the payment, as its success reported it
 * @param amount            the whole amount of the payment
 * @param refundKey         the idempotency key of this refund: the same for every repeat of the request, so a
 *                          repeated refund is the same refund at the provider
 */
public record RefundOrder(String paymentId, long orderNumber, String providerPaymentId, Money amount, String refundKey) {
}
