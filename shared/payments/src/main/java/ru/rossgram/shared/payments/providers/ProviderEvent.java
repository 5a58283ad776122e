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
 * @param savedMethod       on the success of a payment asked to save its method ({@link PaymentOrder#saveMethod()}),
 *                          the provider's reference for charging it again: YooKassa's {@code payment_method.id},
 *                          T-Bank's {@code RebillId}, CloudPayments' {@code Token}, Robokassa's parent {@code InvId};
 *                          else null
 */
public record ProviderEvent(PaymentProvider provider, String eventKey, PaymentState.Event kind, String paymentId,
                            String providerPaymentId, Money amount, PaymentCard card, String savedMethod) {

    /** An event that saved no payment method. */
    public ProviderEvent(PaymentProvider provider, String eventKey, PaymentState.Event kind, String paymentId,
                         String providerPaymentId, Money amount, PaymentCard card) {
        this(provider, eventKey, kind, paymentId, providerPaymentId, amount, card, null);
    }

    /** An event that reports no card. */
    public ProviderEvent(PaymentProvider provider, String eventKey, PaymentState.Event kind, String paymentId,
                         String providerPaymentId, Money amount) {
        this(provider, eventKey, kind, paymentId, providerPaymentId, amount, null);
    }
}
