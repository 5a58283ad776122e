package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import java.net.URI;
import java.time.Instant;

/**
 * One attempt to pay for a {@link Purchase}.
 *
 * @param platformFee       the platform's part of {@code amount}, fixed when the payment is made so that a refund
 *                          reverses exactly what the sale credited
 * @param orderNumber       a number unique per payment, for providers whose order ids are integers
 * @param providerPaymentId the provider's id for it, once the provider created it (null before)
 * @param confirmationUrl   where the buyer pays, once the provider created it (null before)
 * @param flag              why a notification about it was refused although authentic (an amount that does not
 *                          match), for someone to look at; null when nothing is wrong
 * @param version           moves with every change, for conditional writes
 * @param referralCredit    what its sale credited the seller's referrer, once it did (null otherwise), so that a
 *                          refund reverses exactly that and never recomputes it
 * @param charge            for a subscription payment, what it pays for; null otherwise
 * @param pledge            for a crowdfunding payment, which pledge it is for and why; null otherwise
 */
public record Payment(
        String paymentId,
        String buyerId,
        String sellerId,
        Purchase purchase,
        Money amount,
        Money platformFee,
        PaymentProvider provider,
        long orderNumber,
        String providerPaymentId,
        URI confirmationUrl,
        PaymentState state,
        String flag,
        Instant createdAt,
        Instant updatedAt,
        long version,
        ReferralCredit referralCredit,
        SubscriptionCharge charge,
        PledgeCharge pledge) {

    /** A payment that is not a pledge's. */
    public Payment(String paymentId, String buyerId, String sellerId, Purchase purchase, Money amount, Money platformFee,
                   PaymentProvider provider, long orderNumber, String providerPaymentId, URI confirmationUrl,
                   PaymentState state, String flag, Instant createdAt, Instant updatedAt, long version,
                   ReferralCredit referralCredit, SubscriptionCharge charge) {
        this(paymentId, buyerId, sellerId, purchase, amount, platformFee, provider, orderNumber, providerPaymentId,
                confirmationUrl, state, flag, createdAt, updatedAt, version, referralCredit, charge, null);
    }

    /** A payment whose sale has credited no referrer. */
    public Payment(String paymentId, String buyerId, String sellerId, Purchase purchase, Money amount, Money platformFee,
                   PaymentProvider provider, long orderNumber, String providerPaymentId, URI confirmationUrl,
                   PaymentState state, String flag, Instant createdAt, Instant updatedAt, long version) {
        this(paymentId, buyerId, sellerId, purchase, amount, platformFee, provider, orderNumber, providerPaymentId,
                confirmationUrl, state, flag, createdAt, updatedAt, version, null, null, null);
    }

    /** A payment with no subscription charge (a post's). */
    public Payment(String paymentId, String buyerId, String sellerId, Purchase purchase, Money amount, Money platformFee,
                   PaymentProvider provider, long orderNumber, String providerPaymentId, URI confirmationUrl,
                   PaymentState state, String flag, Instant createdAt, Instant updatedAt, long version,
                   ReferralCredit referralCredit) {
        this(paymentId, buyerId, sellerId, purchase, amount, platformFee, provider, orderNumber, providerPaymentId,
                confirmationUrl, state, flag, createdAt, updatedAt, version, referralCredit, null, null);
    }

    /**
     * What a sale credited the seller's referrer.
     *
     * @param rewardId the reward's id in the referrer's history
     */
    public record ReferralCredit(String referrerId, String rewardId, Money amount) {
    }

    /** Whether its money is the seller's (every payment but a pledge's verification). */
    public boolean isSale() {
        return pledge == null || pledge.reason().isSale();
    }

    public Payment withState(PaymentState next, Instant at) {
        return new Payment(paymentId, buyerId, sellerId, purchase, amount, platformFee, provider, orderNumber, providerPaymentId,
                confirmationUrl, next, flag, createdAt, at, version + 1, referralCredit, charge, pledge);
    }

    public Payment withReferralCredit(ReferralCredit credit) {
        return new Payment(paymentId, buyerId, sellerId, purchase, amount, platformFee, provider, orderNumber, providerPaymentId,
                confirmationUrl, state, flag, createdAt, updatedAt, version, credit, charge, pledge);
    }
}
