package ru.rossgram.shared.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One transaction assembled by several services (sign-up: the account's claims, its first session, the invitation
 * it redeems, its referral), each saying beside its own item what a failed condition there means. The parties never
 * count each other's items, so adding one does not shift another's index.
 */
public final class TransactionPlan {
    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<Supplier<? extends RuntimeException>> failures = new ArrayList<>();

    /** Adds an item whose failed condition the caller decides on from {@link #commit}'s answer (a retry, say). */
    public TransactionPlan add(TransactWriteItem item) {
        return add(item, null);
    }

    /** Adds an item; if its condition fails, {@link #commit} throws what {@code failure} supplies. */
    public TransactionPlan add(TransactWriteItem item, Supplier<? extends RuntimeException> failure) {
        items.add(item);
        failures.add(failure);
        return this;
    }

    public TransactionPlan addAll(List<TransactWriteItem> more) {
        more.forEach(this::add);
        return this;
    }

    public int size() {
        return items.size();
    }

    /**
     * Writes every item in one transaction.
     *
     * @return empty when committed; else the cancellation reasons, when only items added without a failure of
     *         their own failed (the caller reads and decides again)
     * @throws RuntimeException the failure of the first item, in the order added, whose condition failed
     */
    public Optional<List<CancellationReason>> commit(TransactionWriter writer) {
        Optional<List<CancellationReason>> cancelled = writer.write(List.copyOf(items));
        if (cancelled.isPresent()) {
            for (int i = 0; i < items.size(); i++) {
                if (failures.get(i) != null && TransactionWriter.failedCondition(cancelled.get(), i)) {
                    throw failures.get(i).get();
                }
            }
        }
        return cancelled;
    }
}
