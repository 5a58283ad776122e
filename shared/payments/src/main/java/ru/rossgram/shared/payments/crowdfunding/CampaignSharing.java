package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import ru.rossgram.shared.posts.ShareableCampaigns;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * A post may share its author's own campaign once launched (live, or ended: a post about how it went); never a
 * draft, which nobody else may see, nor another's campaign.
 */
@Singleton
public class CampaignSharing implements ShareableCampaigns {
    private final CampaignRepository campaigns;

    public CampaignSharing(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void requireShareable(String authorId, String campaignId) {
        boolean shareable = CampaignReader.find(campaigns, campaignId)
                .filter(campaign -> campaign.isCreator(authorId) && campaign.status() != Campaign.Status.DRAFT)
                .isPresent();
        if (!shareable) {
            throw new ProblemException(ProblemType.CAMPAIGN_NOT_SHAREABLE, "You have no launched campaign '"
                    + ProblemException.quote(campaignId) + "' to share; launch it first.",
                    java.util.Map.of("campaignId", ProblemException.quote(campaignId)));
        }
    }
}
