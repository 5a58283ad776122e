package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.payments.PaymentView;

/**
 * A page of a campaign's backers, as its creator sees them ({@code GET /v1/campaigns/{campaignId}/pledges}), in
 * backer id order, every pledge whatever its state (a cancelled one shows as cancelled).
 *
 * @param nextCursor where the next page starts; null on the last
 */
public record BackerList(List<Backer> items, String nextCursor) {
    /** @param username null when the account is gone */
    public record Backer(String userId, String username, String pledgeId, PaymentView.Amount amount,
                         PledgeView.RewardRef reward, String state, Instant createdAt) {
    }
}
