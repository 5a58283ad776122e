package ru.rossgram.shared.payments.subscriptions;

import java.time.Instant;
import java.util.Locale;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;

/**
 * One subscriber's subscription to one creator (at most one per pair: a new subscription after the end reuses it).
 *
 * @param tierId         the tier paid for now
 * @param price          what the next renewal charges for {@code tierId}, unless the tier's price changed long
 *                       enough ago (the notice period) or fell
 * @param anchor         the instant of the first payment: every period boundary is counted from it
 *                       ({@link BillingCalendar})
 * @param period         the number of the period paid for last (1 the first); it ends at {@code paidThrough}
 * @param paidThrough    {@code BillingCalendar.periodEnd(anchor, period)}: access lasts until then
 * @param provider       who holds the saved payment method
 * @param savedMethod    the provider's reference for charging without the subscriber ({@code ProviderEvent.savedMethod})
 * @param pendingTierId  a downgrade that takes effect at the next renewal; null when none
 * @param failedAttempts declined charges of the renewal now due (0 unless {@code past_due})
 * @param graceUntil     while {@code past_due}, how long access lasts after {@code paidThrough}; null otherwise
 * @param dueAt          when the renewal job next looks at it (the renewal, a retry, or the end of a cancelled one);
 *                       null when nothing is due (ended)
 * @param version        moves with every change, for conditional writes
 */
public record Subscription(
        String subscriberId,
        String creatorId,
        String tierId,
        Money price,
        Status status,
        Instant anchor,
        int period,
        Instant paidThrough,
        PaymentProvider provider,
        String savedMethod,
        String pendingTierId,
        int failedAttempts,
        Instant graceUntil,
        Instant dueAt,
        Instant startedAt,
        Instant updatedAt,
        long version) {

    public enum Status {
        /** Paid for the current period and renewing. */
        ACTIVE,
        /** A renewal was declined: retried on a schedule, access kept for the grace window. */
        PAST_DUE,
        /** Cancelled by the subscriber: no more charges, access to the end of what was paid. */
        CANCELED,
        /** Over: not paid past {@code paidThrough}, or refunded. */
        ENDED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    /** Until when the subscriber sees the creator's subscriber-only posts: the paid period, or its grace. */
    public Instant accessUntil() {
        return status == Status.PAST_DUE && graceUntil != null && graceUntil.isAfter(paidThrough) ? graceUntil : paidThrough;
    }
}
