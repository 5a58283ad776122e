package ru.rossgram.shared.payments.crowdfunding;

import java.util.List;
import ru.rossgram.shared.payments.PaymentView;

/**
 * Body of {@code POST /v1/me/campaigns}: a draft.
 *
 * @param deadline      an ISO 8601 date-time with an offset
 * @param mode          {@code keep_what_you_raise} or {@code all_or_nothing}
 * @param rewards       up to 10 levels; absent for none
 * @param coverUploadId a processed upload of purpose {@code post}; absent for no cover yet
 */
public record NewCampaign(String title, String description, PaymentView.Amount goal, String deadline, String mode,
                          List<NewReward> rewards, String coverUploadId) {
}
