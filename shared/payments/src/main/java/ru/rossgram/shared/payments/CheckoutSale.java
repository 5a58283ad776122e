package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;

/**
 * What a checkout sells, once the item was found and checked: who is paid, for what, how much, and how.
 *
 * @param charge      the subscription period it pays for; null for a post
 * @param saveMethod  whether the provider saves the buyer's method for later charges (a subscription's)
 */
public record CheckoutSale(String sellerId, Purchase purchase, Money price, SubscriptionCharge charge,
                           String description, boolean saveMethod) {
}
