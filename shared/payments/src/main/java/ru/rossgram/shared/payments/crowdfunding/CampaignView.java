package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.payments.PaymentView.Amount;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.social.UserSummary;

/**
 * A campaign as API responses show it.
 *
 * @param cover      the cover photo with its download URLs, or null
 * @param progress   the honest numbers (docs/crowdfunding.md): pledged and collected apart
 * @param yourPledge the caller's pledge, if they have one standing or settled; null otherwise (and in lists)
 */
public record CampaignView(
        String campaignId,
        UserSummary creator,
        String title,
        String description,
        PostView.PhotoView cover,
        Amount goal,
        Instant deadline,
        String mode,
        String status,
        Instant createdAt,
        Instant launchedAt,
        Instant endedAt,
        Progress progress,
        List<RewardView> rewards,
        YourPledge yourPledge) {

    /**
     * @param pledged     the pledges that stand (see {@link CampaignTotals#pledged})
     * @param collected   money actually paid and not refunded
     * @param dropped     pledges dropped after their fix window
     * @param percent     pledged against the goal, rounded down; past 100 when over-funded
     * @param secondsLeft until the deadline, while live; null otherwise
     */
    public record Progress(Amount pledged, Amount collected, Amount dropped, long backers, long percent,
                           Long secondsLeft) {
    }

    /**
     * @param limit   how many backers may claim it, or null for no limit
     * @param claimed claims held, pending pledges' included
     * @param left    how many may still claim it, or null for no limit
     */
    public record RewardView(String rewardId, String title, String description, Amount minimum,
                             String deliveryEstimate, Integer limit, long claimed, Long left) {
    }

    /** The caller's pledge: its amount, the reward it claims (or null) and its state (pending, saved, collected...). */
    public record YourPledge(Amount amount, String rewardId, String state) {
    }
}
