package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;

/**
 * Names of ledger accounts, and the postings a payment makes. The platform's fees are spread over
 * {@link #PLATFORM_SHARDS} accounts (by payment), so that every sale does not update one balance item; so are the
 * verification payments of all-or-nothing pledges, held for their backers until refunded
 * ({@link #VERIFICATION_SHARDS}).
 */
public final class LedgerAccounts {
    public static final int PLATFORM_SHARDS = 8;
    public static final int VERIFICATION_SHARDS = 8;

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

    /** Where the verification payments of all-or-nothing pledges wait for their refund: the backers' money, not ours. */
    public static String verifications(int shard) {
        return "verifications:" + shard;
    }

    /**
     * What {@code payment}'s success posts: a {@link #sale} for every payment but a pledge's verification, which
     * moves the buyer's money to a {@link #verifications} account (no creator line, no fee) until its refund
     * reverses it.
     */
    public static Posting posting(Payment payment) {
        if (payment.isSale()) {
            return sale(payment);
        }
        return new Posting(payment.paymentId(), payment.purchase().id(), java.util.List.of(
                new Posting.Entry(buyer(payment.buyerId()), payment.amount().negate(), "verification"),
                new Posting.Entry(verifications(Math.floorMod(payment.paymentId().hashCode(), VERIFICATION_SHARDS)),
                        payment.amount(), "verification")));
    }

    /**
     * A sale: the buyer pays the price, the platform keeps the payment's fee and the creator earns the rest, on a
     * line of kind {@code sale} for a post, {@code subscription} for a subscription's payment and {@code pledge} for a
     * pledge's (its own payment, the deadline's charge or the backer's fix).
     */
    public static Posting sale(Payment payment) {
        Money price = payment.amount();
        Money fee = payment.platformFee();
        return new Posting(payment.paymentId(), payment.purchase().id(), java.util.List.of(
                new Posting.Entry(buyer(payment.buyerId()), price.negate(), "purchase"),
                new Posting.Entry(creator(payment.sellerId()), price.minus(fee), creatorLineKind(payment.purchase().kind())),
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

    private static String creatorLineKind(Purchase.Kind kind) {
        return switch (kind) {
            case POST -> "sale";
            case SUBSCRIPTION -> "subscription";
            case PLEDGE -> "pledge";
        };
    }

    private static String platformFeesOf(Payment payment) {
        return platformFees(Math.floorMod(payment.paymentId().hashCode(), PLATFORM_SHARDS));
    }
}
