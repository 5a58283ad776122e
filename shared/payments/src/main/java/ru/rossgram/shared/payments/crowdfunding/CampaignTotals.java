package ru.rossgram.shared.payments.crowdfunding;

import java.util.Map;

/**
 * A campaign's honest numbers, summed from its total shards: what backers pledged and what was actually collected
 * are separate figures, live and after the deadline (Kickstarter freezes its page total while dropped pledges reduce
 * the real money; we do not).
 *
 * @param pledged   kopecks of the pledges that stand: saved, being charged, errored within their fix window,
 *                  collected, or released by a failed campaign (still what was pledged)
 * @param collected kopecks actually paid and not refunded
 * @param dropped   kopecks of the pledges dropped after their fix window
 * @param backers   the pledges counted in {@code pledged}
 * @param claimed   per reward id, the claims held (pending pledges hold theirs until they settle or expire)
 */
public record CampaignTotals(long pledged, long collected, long dropped, long backers, Map<String, Long> claimed) {
    public CampaignTotals {
        claimed = Map.copyOf(claimed);
    }

    public static final CampaignTotals NONE = new CampaignTotals(0, 0, 0, 0, Map.of());

    public long claimed(String rewardId) {
        return claimed.getOrDefault(rewardId, 0L);
    }
}
