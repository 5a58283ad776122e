package ru.rossgram.shared.posts;

import ru.rossgram.shared.problem.ProblemException;

/**
 * Which crowdfunding campaign a new post may share. Crowdfunding (shared/payments, which builds on this module)
 * answers; a post keeps only the campaign's id.
 */
public interface ShareableCampaigns {
    /**
     * @throws ProblemException 422 {@code campaign-not-shareable} unless {@code campaignId} is {@code authorId}'s own
     *         launched (live or ended) campaign
     */
    void requireShareable(String authorId, String campaignId);
}
