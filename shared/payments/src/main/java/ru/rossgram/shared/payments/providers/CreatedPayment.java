package ru.rossgram.shared.payments.providers;

import java.net.URI;

/**
 * A payment the provider created.
 *
 * @param providerPaymentId the provider's id of it, or null where the provider assigns none before payment
 *                          (Robokassa: the payment URL is signed by us)
 * @param confirmationUrl   the page the app opens for the buyer to pay
 */
public record CreatedPayment(String providerPaymentId, URI confirmationUrl) {
}
