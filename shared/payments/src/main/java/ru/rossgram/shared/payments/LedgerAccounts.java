package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;

/**
 * Names of ledger accounts, and the postings a payment makes. The platform's fees are spread over
 * {@link #PLATFORM_SHARDS} accounts (by payment), so that every sale does not update one balance item.
 */
public final class LedgerAccounts {
    public static final int PLATFORM_SHARDS = 8;

    private LedgerAccounts() {
    }

    public static String buyer(String userId) {
        return "buyer:" + userId;
    }

    public static String creator(String userId) {
        return "creator:" + userId;
    }

    /** Where a referrer's rewards accrue (docs: the referral program). */
    public static String referrer(String userId) {
        return "referrer:" + userId;
    }

    public static String platformFees(int shard) {
        return "platform:fees:" + shard;
    }

    /**
     * A sale: the buyer pays the price, the platform keeps the payment's fee and the creator earns the rest, on a
     * line of kind {@code sale} for a post and {@code subscription} for a subscription's payment.
     */
    public static Posting sale(Payment payment) {
        Money price = payment.amount();
        Money fee = payment.platformFee();
        return new Posting(payment.paymentId(), payment.purchase().id(), java.util.List.of(
                new Posting.Entry(buyer(payment.buyerId()), price.negate(), "purchase"),
                new Posting.Entry(creator(payment.sellerId()), price.minus(fee),
                        payment.purchase().kind() == Purchase.Kind.SUBSCRIPTION ? "subscription" : "sale"),
                new Posting.Entry(platformFeesOf(payment), fee, "fee")));
    }

    /**
     * A referral reward: {@code reward} moves from the platform's fee account the sale credited to the referrer;
     * the creator's line of the sale is not touched.
     */
    public static Posting referralReward(Payment payment, String referrerId, Money reward) {
        return new Posting(payment.paymentId(), payment.purchase().id(), java.util.List.of(
                new Posting.Entry(platformFeesOf(payment), reward.negate(), "referral-reward"),
                new Posting.Entry(referrer(referrerId), reward, "referral-reward")));
    }

    private static String platformFeesOf(Payment payment) {
        return platformFees(Math.floorMod(payment.paymentId().hashCode(), PLATFORM_SHARDS));
    }
}
