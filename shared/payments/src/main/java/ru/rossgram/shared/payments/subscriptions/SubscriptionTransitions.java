package ru.rossgram.shared.payments.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.subscriptions.Subscription.Status;

/**
 * What a settled subscription payment does to the subscription: pure rules, no I/O (README, Payments: Subscriptions).
 * Each method answers the subscription to store, or empty when the payment changes nothing.
 *
 * <ul>
 *   <li>A credited START or RENEWAL buys exactly one period: the first (anchored now) when there is no subscription,
 *       it ended (refunded or unpaid), or it was cancelled and its paid time is over; otherwise the period after
 *       {@code paidThrough} (a past-due one pays for the grace it used). So a
 *       second START racing the first extends by a period: money never vanishes. A RENEWAL settling after the
 *       end buys its period cancelled: it renews no more.</li>
 *   <li>A credited UPGRADE moves the subscription to the payment's tier at that tier's price.</li>
 *   <li>A declined RENEWAL attempt k makes the subscription past due (retry after {@code retryAfter[k-1]} counted
 *       from {@code paidThrough}, access for the grace), or ends it after the last attempt; a decline the
 *       subscription has moved past is stale.</li>
 *   <li>A refund of any subscription payment ends the subscription.</li>
 * </ul>
 */
public final class SubscriptionTransitions {
    private SubscriptionTransitions() {
    }

    /**
     * The subscription after {@code payment} (START or RENEWAL) was credited.
     *
     * @param current     the stored subscription, or null when the pair has none
     * @param savedMethod what the success event reported as saved (START), or null
     */
    public static Subscription periodPaid(Subscription current, Payment payment, String savedMethod, Instant now) {
        SubscriptionCharge charge = payment.charge();
        boolean start = charge.reason() == SubscriptionCharge.Reason.START;
        String tierId = payment.purchase().id();
        if (current == null || lapsed(current, now)) {
            // A renewal settling after the subscription ended (a cancel or the last decline got there first) buys
            // its period, but renews no more: nobody who ended a subscription is charged again by surprise.
            Status status = start ? Status.ACTIVE : Status.CANCELED;
            return new Subscription(payment.buyerId(), payment.sellerId(), tierId, payment.amount(), status,
                    now, 1, BillingCalendar.periodEnd(now, 1), payment.provider(),
                    methodAfter(current, payment, savedMethod), null, 0, null, BillingCalendar.periodEnd(now, 1),
                    now, now, current == null ? 1 : current.version() + 1);
        }
        int period = current.period() + 1;
        Instant paidThrough = BillingCalendar.periodEnd(current.anchor(), period);
        // A renewal racing a cancel keeps the cancel: the job ends it when the newly paid period is over.
        Status status = !start && current.status() == Status.CANCELED ? Status.CANCELED : Status.ACTIVE;
        // The renewal job charges the pending tier, so a renewal paying for it applies the downgrade; one pending
        // since the charge was made waits for the next renewal.
        String pending = tierId.equals(current.pendingTierId()) || start ? null : current.pendingTierId();
        return new Subscription(current.subscriberId(), current.creatorId(), tierId, payment.amount(), status,
                current.anchor(), period, paidThrough, start ? payment.provider() : current.provider(),
                start ? methodAfter(current, payment, savedMethod) : current.savedMethod(), pending, 0, null,
                paidThrough, current.startedAt(), now, current.version() + 1);
    }

    /**
     * The subscription after an upgrade's payment was credited: the paid tier at {@code tierPrice} from now on.
     * Empty when the subscription ended meanwhile (the money stays credited; a refund returns it).
     */
    public static Optional<Subscription> upgraded(Subscription current, Payment payment, Money tierPrice, Instant now) {
        if (current == null || current.status() == Status.ENDED) {
            return Optional.empty();
        }
        String tierId = payment.purchase().id();
        return Optional.of(withTier(current, tierId, tierPrice, now));
    }

    /** The subscription moved to {@code tierId} at {@code price} at once (an upgrade costing nothing, or a paid one). */
    public static Subscription withTier(Subscription current, String tierId, Money price, Instant now) {
        String pending = tierId.equals(current.pendingTierId()) ? null : current.pendingTierId();
        return new Subscription(current.subscriberId(), current.creatorId(), tierId, price, current.status(),
                current.anchor(), current.period(), current.paidThrough(), current.provider(), current.savedMethod(),
                pending, current.failedAttempts(), current.graceUntil(), current.dueAt(), current.startedAt(), now,
                current.version() + 1);
    }

    /**
     * The subscription after a charge of {@code payment} was declined. Only a renewal of the period after the
     * current one, by an attempt later than the last declined, changes it: a START or UPGRADE decline never does.
     */
    public static Optional<Subscription> declined(Subscription current, Payment payment, SubscriptionsConfig config,
                                                  Instant now) {
        SubscriptionCharge charge = payment.charge();
        if (current == null || charge.reason() != SubscriptionCharge.Reason.RENEWAL
                || (current.status() != Status.ACTIVE && current.status() != Status.PAST_DUE)
                || charge.period() != current.period() + 1 || charge.attempt() <= current.failedAttempts()) {
            return Optional.empty();
        }
        int attempt = charge.attempt();
        if (attempt >= config.attempts()) {
            return Optional.of(ended(current, now));
        }
        Duration retry = config.retryAfter().get(attempt - 1);
        return Optional.of(new Subscription(current.subscriberId(), current.creatorId(), current.tierId(),
                current.price(), Status.PAST_DUE, current.anchor(), current.period(), current.paidThrough(),
                current.provider(), current.savedMethod(), current.pendingTierId(), attempt,
                current.paidThrough().plus(config.grace()), current.paidThrough().plus(retry), current.startedAt(), now,
                current.version() + 1));
    }

    /** The subscription after a refund of one of its payments: ended, nothing due. Empty when there is none. */
    public static Optional<Subscription> refunded(Subscription current, Instant now) {
        return current == null || current.status() == Status.ENDED ? Optional.empty() : Optional.of(ended(current, now));
    }

    /** The subscription cancelled by its subscriber: no more charges, access and a last look by the job at paidThrough. */
    public static Optional<Subscription> cancelled(Subscription current, Instant now) {
        if (current.status() == Status.CANCELED || current.status() == Status.ENDED) {
            return Optional.empty();
        }
        return Optional.of(new Subscription(current.subscriberId(), current.creatorId(), current.tierId(),
                current.price(), Status.CANCELED, current.anchor(), current.period(), current.paidThrough(),
                current.provider(), current.savedMethod(), null, 0, null, current.paidThrough(),
                current.startedAt(), now, current.version() + 1));
    }

    /** The subscription with a downgrade to {@code tierId} waiting for the next renewal (null: none waiting). */
    public static Subscription withPendingTier(Subscription current, String tierId, Instant now) {
        return new Subscription(current.subscriberId(), current.creatorId(), current.tierId(), current.price(),
                current.status(), current.anchor(), current.period(), current.paidThrough(), current.provider(),
                current.savedMethod(), tierId, current.failedAttempts(), current.graceUntil(), current.dueAt(),
                current.startedAt(), now, current.version() + 1);
    }

    public static Subscription ended(Subscription current, Instant now) {
        return new Subscription(current.subscriberId(), current.creatorId(), current.tierId(), current.price(),
                Status.ENDED, current.anchor(), current.period(), current.paidThrough(), current.provider(),
                current.savedMethod(), null, current.failedAttempts(), null, null, current.startedAt(), now,
                current.version() + 1);
    }

    /** Whether the subscription counts as the creator's subscriber (in the counts and the list's totals). */
    public static boolean live(Subscription subscription) {
        return subscription != null && subscription.status() != Status.ENDED;
    }

    /** Whether the subscription holds access now: live and within its paid time (or grace). */
    public static boolean paidUp(Subscription subscription, Instant now) {
        return live(subscription) && now.isBefore(subscription.accessUntil());
    }

    /** Ended, or cancelled with its paid time over: a new payment starts afresh, anchored at its own time. */
    private static boolean lapsed(Subscription current, Instant now) {
        return current.status() == Status.ENDED
                || (current.status() == Status.CANCELED && !current.paidThrough().isAfter(now));
    }

    /** A START's method: the one it saved; else the old one while the provider stays the same. */
    private static String methodAfter(Subscription current, Payment payment, String savedMethod) {
        if (savedMethod != null) {
            return savedMethod;
        }
        return current != null && current.provider() == payment.provider() ? current.savedMethod() : null;
    }
}
