package ru.rossgram.shared.payments.subscriptions;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * How subscriptions renew and fail ({@code ROSSGRAM_SUBSCRIPTIONS_*}).
 *
 * @param retryAfter     after a declined renewal, when to try again, counted from the end of the paid period: one
 *                       retry per entry (1, 3 and 5 days: four attempts in all); the decline of the last ends the
 *                       subscription
 * @param grace          how long a past-due subscriber keeps access after the paid period, while retries run
 * @param priceNotice    a tier's price rise applies to an existing subscriber's renewal only once it is this old
 *                       (the subscriber is told in advance); a fall applies at the next renewal
 * @param outcomeCheck   how long the renewal job waits for a charge's notification before asking the provider
 *                       what became of it (Robokassa sends none for a decline)
 * @param batch          subscriptions one renewal run takes per shard, so a run fits its function's timeout
 */
@ConfigurationProperties("rossgram.subscriptions")
public record SubscriptionsConfig(
        @Bindable(defaultValue = "1d,3d,5d") List<Duration> retryAfter,
        @Bindable(defaultValue = "7d") Duration grace,
        @Bindable(defaultValue = "30d") Duration priceNotice,
        @Bindable(defaultValue = "1h") Duration outcomeCheck,
        @Bindable(defaultValue = "100") int batch) {

    public SubscriptionsConfig {
        retryAfter = List.copyOf(retryAfter);
        for (int i = 1; i < retryAfter.size(); i++) {
            if (retryAfter.get(i).compareTo(retryAfter.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("ROSSGRAM_SUBSCRIPTIONS_RETRY_AFTER must grow: " + retryAfter);
            }
        }
        if (!retryAfter.isEmpty() && grace.compareTo(retryAfter.get(retryAfter.size() - 1)) <= 0) {
            throw new IllegalArgumentException("ROSSGRAM_SUBSCRIPTIONS_GRACE must outlast the last retry");
        }
    }

    /** Attempts at one renewal in all: the first and the retries. */
    public int attempts() {
        return 1 + retryAfter.size();
    }
}
