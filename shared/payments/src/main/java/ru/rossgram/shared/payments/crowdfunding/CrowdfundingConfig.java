package ru.rossgram.shared.payments.crowdfunding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * How campaigns run and close ({@code ROSSGRAM_CROWDFUNDING_*}).
 *
 * @param longest        how far ahead a deadline may be at launch (Kickstarter: 60 days)
 * @param shortest       how close a deadline may be at launch
 * @param verification   all or nothing: the minimal payment (kopecks) that saves a backer's method at pledge time,
 *                       refunded once it succeeded
 * @param holdReward     how long a pending pledge holds its reward while the backer pays; then the closing job
 *                       cancels it, and the reward is free again
 * @param retryAfter     a declined deadline charge is tried again this long after the deadline: one retry per entry
 * @param fixWindow      how long after the deadline an errored pledge may be fixed (by a retry or by the backer
 *                       paying through checkout) before it is dropped; longer than the last retry
 * @param outcomeCheck   how long the closing job waits for a charge's notification before asking the provider
 * @param batch          pledges one closing run takes per campaign, and due markers per shard, so a run fits its
 *                       function's timeout
 */
@ConfigurationProperties("rossgram.crowdfunding")
public record CrowdfundingConfig(
        @Bindable(defaultValue = "60d") Duration longest,
        @Bindable(defaultValue = "1h") Duration shortest,
        @Bindable(defaultValue = "100") long verification,
        @Bindable(defaultValue = "30m") Duration holdReward,
        @Bindable(defaultValue = "2d,4d,6d") List<Duration> retryAfter,
        @Bindable(defaultValue = "7d") Duration fixWindow,
        @Bindable(defaultValue = "1h") Duration outcomeCheck,
        @Bindable(defaultValue = "100") int batch) {

    public CrowdfundingConfig {
        retryAfter = List.copyOf(retryAfter);
        for (int i = 1; i < retryAfter.size(); i++) {
            if (retryAfter.get(i).compareTo(retryAfter.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("ROSSGRAM_CROWDFUNDING_RETRY_AFTER must grow: " + retryAfter);
            }
        }
        if (!retryAfter.isEmpty() && fixWindow.compareTo(retryAfter.get(retryAfter.size() - 1)) <= 0) {
            throw new IllegalArgumentException("ROSSGRAM_CROWDFUNDING_FIX_WINDOW must outlast the last retry");
        }
        if (shortest.compareTo(longest) >= 0) {
            throw new IllegalArgumentException("ROSSGRAM_CROWDFUNDING_SHORTEST must be shorter than ROSSGRAM_CROWDFUNDING_LONGEST");
        }
    }

    /** Charges of a saved method per pledge in all: the one at the deadline and the retries. */
    public int attempts() {
        return 1 + retryAfter.size();
    }
}
