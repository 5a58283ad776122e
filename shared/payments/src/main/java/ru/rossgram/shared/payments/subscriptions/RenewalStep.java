package ru.rossgram.shared.payments.subscriptions;

import java.time.Duration;
import java.time.Instant;

/**
 * What the renewal job does with a subscription whose marker fell due: pure, from the subscription as read
 * (consistently) and the time of the run. A renewal or retry is charged up to {@code ahead} before it is due, so that
 * the next period is paid before the last one ends; an end happens on time, never ahead.
 */
public sealed interface RenewalStep {
    /** Not due (a stale marker, or one another run moved): nothing. */
    record Nothing() implements RenewalStep {
    }

    /** Over: ENDED with its access taken away, in one transaction. */
    record End() implements RenewalStep {
    }

    /** Charge (or follow up) the renewal payment for {@code period}, try {@code attempt}. */
    record Charge(int period, int attempt) implements RenewalStep {
    }

    /** Not yet: look again at {@code at} (a cancelled subscription's paid period, or a past-due one's grace). */
    record LookAgain(Instant at) implements RenewalStep {
    }

    /**
     * <ul>
     *   <li>ACTIVE and due: the renewal, period {@code period + 1}, attempt 1; PAST_DUE and due: the retry, attempt
     *       {@code failedAttempts + 1}.</li>
     *   <li>CANCELED: ends once {@code paidThrough} has passed (it is never charged).</li>
     *   <li>PAST_DUE with every attempt declined: ends once its grace is over. The settlement of the last decline
     *       ends it already; this is the safety net for one that did not.</li>
     *   <li>ENDED with a marker left: ends again, which removes the marker.</li>
     * </ul>
     */
    static RenewalStep of(Subscription subscription, Instant now, Duration ahead, SubscriptionsConfig config) {
        if (subscription.dueAt() == null || subscription.dueAt().isAfter(now.plus(ahead))) {
            return new Nothing();
        }
        return switch (subscription.status()) {
            case ENDED -> new End();
            case CANCELED -> subscription.paidThrough().isAfter(now) ? new LookAgain(subscription.paidThrough()) : new End();
            case ACTIVE, PAST_DUE -> {
                if (subscription.failedAttempts() < config.attempts()) {
                    yield new Charge(subscription.period() + 1, subscription.failedAttempts() + 1);
                }
                Instant graceOver = subscription.accessUntil();
                yield graceOver.isAfter(now) ? new LookAgain(graceOver) : new End();
            }
        };
    }
}
