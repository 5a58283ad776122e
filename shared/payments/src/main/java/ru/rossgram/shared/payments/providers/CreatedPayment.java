package ru.rossgram.shared.payments.providers;

import java.net.URI;

/**
 * A payment the provider created.
 *
 * @param providerPaymentId the provider's id of it, or null where the provider assigns none before payment
 *                          (Robokassa: the payment URL is signed by us)
 * @param confirmationUrl   the page the app opens for the buyer to pay; null for a charge of a saved method
 *                          ({@link PaymentGateway#charge}), which nobody confirms: its outcome arrives by notification
 */
public record CreatedPayment(String providerPaymentId, URI confirmationUrl) {
}
