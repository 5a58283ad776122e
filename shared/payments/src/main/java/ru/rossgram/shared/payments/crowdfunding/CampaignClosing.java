package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;

/**
 * What the closing job does with a campaign whose marker fell due, and with each of its pledges once it ended: pure,
 * from the campaign and pledges as read (consistently) and the time of the run (docs/crowdfunding.md, the closing
 * job).
 */
public final class CampaignClosing {
    private CampaignClosing() {
    }

    /** What to do with the campaign itself. */
    public sealed interface Step {
    }

    /** Not due after all (a stale marker, a draft): nothing. */
    public record Nothing() implements Step {
    }

    /** Live before its deadline (a marker moved early): look again at the deadline. */
    public record LookAgain(Instant at) implements Step {
    }

    /** Live past its deadline: end it as {@code status} and close its pledging, in one transaction. */
    public record Close(Campaign.Status status) implements Step {
    }

    /** Ended, its pledges not all worked through: the next batch from its {@code closeCursor}. */
    public record NextBatch() implements Step {
    }

    /** What one pledge of an ended campaign comes to in its batch. */
    public enum PledgeAction {
        /** All or nothing, succeeded: charge the saved method (attempt 1). */
        CHARGE,
        /** All or nothing, failed: nobody charged, the saved method forgotten; still counted as pledged. */
        RELEASE,
        /** Nothing paid, nothing will be: a pending pledge of an all-or-nothing campaign, any pledge of a cancelled one. */
        CANCEL,
        /** Keep what you raise, cancelled: the collected pledge is refunded (its refund's settlement moves it). */
        REFUND,
        /** Nothing to do here (done already, or left to its own marker). */
        NONE
    }

    /**
     * @param pledged the campaign's pledged total (read only when it is live: it decides an all-or-nothing one)
     */
    public static Step of(Campaign campaign, long pledged, Instant now) {
        if (campaign.dueAt() == null || campaign.dueAt().isAfter(now)) {
            return new Nothing();
        }
        return switch (campaign.status()) {
            case DRAFT -> new Nothing();
            case LIVE -> campaign.deadline().isAfter(now) ? new LookAgain(campaign.deadline())
                    : new Close(verdict(campaign, pledged));
            case SUCCEEDED, FAILED, CANCELLED -> new NextBatch();
        };
    }

    /**
     * How a live campaign ends at its deadline: keep what you raise succeeds whatever it raised; all or nothing
     * succeeds when the pledges that stand reach the goal ({@code pledged >= goal}), else fails.
     */
    public static Campaign.Status verdict(Campaign campaign, long pledged) {
        if (campaign.mode() == Campaign.Mode.KEEP_WHAT_YOU_RAISE) {
            return Campaign.Status.SUCCEEDED;
        }
        return pledged >= campaign.goal().minor() ? Campaign.Status.SUCCEEDED : Campaign.Status.FAILED;
    }

    /**
     * A pending pledge of a succeeded keep-what-you-raise campaign is left to its own marker: its payment, begun
     * before the deadline, may still settle and count.
     */
    public static PledgeAction actionFor(Campaign campaign, Pledge pledge) {
        Pledge.State state = pledge.state();
        boolean allOrNothing = campaign.mode() == Campaign.Mode.ALL_OR_NOTHING;
        return switch (campaign.status()) {
            case SUCCEEDED -> !allOrNothing ? PledgeAction.NONE
                    : state == Pledge.State.SAVED ? PledgeAction.CHARGE
                    : state == Pledge.State.PENDING ? PledgeAction.CANCEL : PledgeAction.NONE;
            case FAILED -> state == Pledge.State.SAVED ? PledgeAction.RELEASE
                    : state == Pledge.State.PENDING ? PledgeAction.CANCEL : PledgeAction.NONE;
            case CANCELLED -> state == Pledge.State.PENDING || state == Pledge.State.SAVED ? PledgeAction.CANCEL
                    : state == Pledge.State.COLLECTED && !allOrNothing ? PledgeAction.REFUND : PledgeAction.NONE;
            case DRAFT, LIVE -> PledgeAction.NONE;
        };
    }
}
