package ru.rossgram.shared.payments.crowdfunding;

import ru.rossgram.shared.payments.PaymentView;

/**
 * A reward level as a creator sends it, in {@link NewCampaign#rewards} or {@link CampaignEdit#rewards}.
 *
 * @param deliveryEstimate {@code YYYY-MM}
 * @param limit            how many backers may claim it; absent for no limit
 */
public record NewReward(String title, String description, PaymentView.Amount minimum, String deliveryEstimate,
                        Integer limit) {
}
