package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.money.Money;

/**
 * A creator's crowdfunding campaign (research: docs/crowdfunding.md). Its goal, deadline, mode and rewards are
 * fixed once it is {@link Status#LIVE}; what backers pledged and what was collected are kept apart, in
 * {@link CampaignTotals}, and reward claims in per-reward counters, so that pledging never rewrites this item.
 *
 * @param cover       the cover photo (an upload of purpose {@code post}, processed), or null
 * @param dueAt       when the closing job must look at it next: the deadline while live; after it, while pledges
 *                    are still being charged, refunded or released in batches, the next batch; null when nothing is
 *                    left to do
 * @param closeCursor how far the closing job got through the campaign's pledges (the last backer id done), or null
 * @param version     moves with every change, for conditional writes
 */
public record Campaign(
        String campaignId,
        String creatorId,
        String title,
        String description,
        PhotoRecord cover,
        Money goal,
        Instant deadline,
        Mode mode,
        Status status,
        List<Reward> rewards,
        Instant dueAt,
        String closeCursor,
        Instant createdAt,
        Instant launchedAt,
        Instant endedAt,
        Instant updatedAt,
        long version) {

    public Campaign {
        rewards = List.copyOf(rewards);
    }

    public enum Mode {
        /** Each pledge is charged at once, and is the creator's as it comes (Boosty goals). */
        KEEP_WHAT_YOU_RAISE,
        /** Nobody is charged unless the goal is met by the deadline; then every pledge is charged (Kickstarter). */
        ALL_OR_NOTHING;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> fromWire(String wire) {
            for (Mode mode : values()) {
                if (mode.wire().equals(wire)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    public enum Status {
        /** Being prepared: everything may change, nobody can pledge, only its creator sees it. */
        DRAFT,
        /** Taking pledges until the deadline; goal, deadline, mode and rewards are fixed. */
        LIVE,
        /** The deadline passed with the goal met (all or nothing), or passed at all (keep what you raise). */
        SUCCEEDED,
        /** All or nothing: the deadline passed with the goal not met; nobody was charged. */
        FAILED,
        /** Its creator cancelled it while live: no charges (all or nothing), every pledge refunded (keep). */
        CANCELLED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status fromWire(String wire) {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        }
    }

    public Optional<Reward> reward(String rewardId) {
        return rewards.stream().filter(r -> r.rewardId().equals(rewardId)).findFirst();
    }

    public boolean isCreator(String userId) {
        return creatorId.equals(userId);
    }
}
