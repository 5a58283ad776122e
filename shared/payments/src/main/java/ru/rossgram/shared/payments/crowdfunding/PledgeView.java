package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import ru.rossgram.shared.payments.PaymentView;

/**
 * A pledge as its backer sees it ({@code GET /v1/me/pledges}, the cancel's answer).
 *
 * @param campaign the campaign it backs, or null when the campaign is gone
 * @param reward   the reward it claims, or null for none
 * @param fixBy    an errored pledge's end of its window to pay through checkout; null otherwise
 */
public record PledgeView(String pledgeId, CampaignRef campaign, PaymentView.Amount amount, RewardRef reward, String state,
                         Instant fixBy, Instant createdAt, Instant updatedAt) {

    /** @param status {@code live}, {@code succeeded}, {@code failed} or {@code cancelled} */
    public record CampaignRef(String id, String title, String status) {
    }

    public record RewardRef(String id, String title) {
    }

    public static PledgeView of(Pledge pledge, Campaign campaign) {
        RewardRef reward = pledge.rewardId() == null ? null : new RewardRef(pledge.rewardId(),
                campaign == null ? null : campaign.reward(pledge.rewardId()).map(Reward::title).orElse(null));
        return new PledgeView(pledge.pledgeId(),
                campaign == null ? null : new CampaignRef(campaign.campaignId(), campaign.title(), campaign.status().wire()),
                new PaymentView.Amount(pledge.amount().minor(), pledge.amount().currency()), reward, pledge.state().wire(),
                pledge.state() == Pledge.State.ERRORED ? pledge.fixBy() : null, pledge.createdAt(), pledge.updatedAt());
    }
}
