package ru.rossgram.shared.payments.crowdfunding;

import ru.rossgram.shared.money.Money;

/**
 * A reward level of a campaign: what a backer pledging at least {@code minimum} may choose.
 *
 * @param deliveryEstimate when the creator expects to deliver it, as {@code YYYY-MM}
 * @param limit            how many backers may claim it, or null for no limit; claims are counted in the campaign's
 *                         reward counter ({@link CampaignRepository}), conditionally, so it is never oversold
 */
public record Reward(String rewardId, String title, String description, Money minimum, String deliveryEstimate,
                     Integer limit) {
}
