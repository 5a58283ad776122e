package ru.rossgram.shared.payments.providers;

import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * What a verified notification reports about one payment.
 *
 * @param eventKey          unique per provider for one happening (a success, a refund) and the same in every
 *                          redelivery of it: the key that makes crediting exactly-once
 * @param paymentId         our payment id where the provider carries it back (order id, metadata), else null
 * @param providerPaymentId the provider's payment id where it has one, else null
 * @param amount            the amount the provider says moved
 * @param card              the card paid with, where the provider reports it (for the referral program's fraud
 *                          rules), else null
 */
public record ProviderEvent(PaymentProvider provider, String eventKey, PaymentState.Event kind, String paymentId,
                            String providerPaymentId, Money amount, PaymentCard card) {

    /** An event that reports no card. */
    public ProviderEvent(PaymentProvider provider, String eventKey, PaymentState.Event kind, String paymentId,
                         String providerPaymentId, Money amount) {
        this(provider, eventKey, kind, paymentId, providerPaymentId, amount, null);
    }
}
