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
 */
public record PaymentOrder(String paymentId, long orderNumber, Money amount, String description, String returnUrl) {
}
