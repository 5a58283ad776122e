package ru.rossgram.shared.payments.crowdfunding;

import java.util.List;
import ru.rossgram.shared.payments.PaymentView;

/**
 * Body of {@code PATCH /v1/me/campaigns/{campaignId}}: what to change, anything absent (or null) left as it is. A
 * draft takes any field ({@code rewards} replaces the whole list, with new ids); a launched campaign only
 * {@code title}, {@code description} and {@code coverUploadId}.
 */
public record CampaignEdit(String title, String description, PaymentView.Amount goal, String deadline, String mode,
                           List<NewReward> rewards, String coverUploadId) {

    /** Whether it changes anything fixed at launch. */
    public boolean changesTerms() {
        return goal != null || deadline != null || mode != null || rewards != null;
    }
}
