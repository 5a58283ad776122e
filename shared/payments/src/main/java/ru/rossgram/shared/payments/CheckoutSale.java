package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;

/**
 * What a checkout sells, once the item was found and checked: who is paid, for what, how much, and how.
 *
 * @param charge      the subscription period it pays for; null otherwise
 * @param saveMethod  whether the provider saves the buyer's method for later charges (a subscription's, an
 *                    all-or-nothing pledge's)
 * @param pledge      the pledge it pays for, and why; null otherwise
 */
public record CheckoutSale(String sellerId, Purchase purchase, Money price, SubscriptionCharge charge,
                           String description, boolean saveMethod, PledgeCharge pledge) {

    /** A sale that is not a pledge's. */
    public CheckoutSale(String sellerId, Purchase purchase, Money price, SubscriptionCharge charge, String description,
                        boolean saveMethod) {
        this(sellerId, purchase, price, charge, description, saveMethod, null);
    }
}
