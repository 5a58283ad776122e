package ru.rossgram.shared.payments;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What settling a payment does beyond the money, for one {@link Purchase.Kind}: the post's grant, the
 * subscription's period. {@link Settlement} puts these writes into its one transaction with the event's claim, the
 * payment's transition and the ledger, so they happen exactly once with the money; each implementation reads what
 * it decides on again for every attempt and makes its writes conditional on it (a lost race sends the settlement
 * round again). At most 9 actions each (docs/data-model.md, limits).
 */
public interface PurchaseEffects {
    Purchase.Kind kind();

    /** The writes of {@code payment}'s success ({@code event} reported it). */
    List<TransactWriteItem> credited(Payment payment, ProviderEvent event, Instant now);

    /** The writes of {@code payment}'s decline (cancelled before any money moved). */
    List<TransactWriteItem> declined(Payment payment, Instant now);

    /** The writes of {@code payment}'s refund after its success. */
    List<TransactWriteItem> reversed(Payment payment, Instant now);
}
