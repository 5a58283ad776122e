package ru.rossgram.shared.payments;

import java.util.List;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a checkout sells, once the item was found and checked: who is paid, for what, how much, and how.
 *
 * @param charge      the subscription period it pays for; null otherwise
 * @param saveMethod  whether the provider saves the buyer's method for later charges (a subscription's, an
 *                    all-or-nothing pledge's)
 * @param pledge      the pledge it pays for, and why; null otherwise
 * @param opening     what the sale writes in the same transaction as its new payment (a pledge and its reward's
 *                    claim), so that neither exists without the other
 */
public record CheckoutSale(String sellerId, Purchase purchase, Money price, SubscriptionCharge charge,
                           String description, boolean saveMethod, PledgeCharge pledge, Opening opening) {

    /** A sale that is not a pledge's. */
    public CheckoutSale(String sellerId, Purchase purchase, Money price, SubscriptionCharge charge, String description,
                        boolean saveMethod) {
        this(sellerId, purchase, price, charge, description, saveMethod, null, Opening.NOTHING);
    }

    /** Whether its money is the seller's (every sale but a pledge's verification, which takes no fee). */
    public boolean isSale() {
        return pledge == null || pledge.reason().isSale();
    }

    /** The writes a sale adds to the transaction that stores its payment, and what their refusal means. */
    public interface Opening {
        Opening NOTHING = new Opening() {
            @Override
            public List<TransactWriteItem> items(Payment payment) {
                return List.of();
            }

            @Override
            public ProblemException refused(List<TransactWriteItem> items, List<CancellationReason> reasons) {
                throw new IllegalStateException("a sale that writes nothing had its writes refused");
            }
        };

        /** The writes that go with storing {@code payment}. */
        List<TransactWriteItem> items(Payment payment);

        /**
         * The problem to answer when a condition of {@code items} failed (the payment was not stored).
         *
         * @param reasons one per item of {@code items}, in order
         */
        ProblemException refused(List<TransactWriteItem> items, List<CancellationReason> reasons);
    }
}
