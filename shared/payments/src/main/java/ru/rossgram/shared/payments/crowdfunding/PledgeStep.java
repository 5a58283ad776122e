package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;

/**
 * What the closing job does with a pledge whose own marker fell due: pure, from the pledge and its campaign as read
 * (consistently) and the time of the run. The verification payment's refund comes first, whatever the pledge's
 * state: that money is never the creator's.
 */
public sealed interface PledgeStep {
    /** Not due (a stale marker, or one another run moved): nothing. */
    record NotDue() implements PledgeStep {
    }

    /** Due, with nothing left to do: the marker goes. */
    record Done() implements PledgeStep {
    }

    /** Not yet: look again at {@code at} (a reward hold's end, a retry, the end of a fix window). */
    record LookAgain(Instant at) implements PledgeStep {
    }

    /** All or nothing: the verification payment succeeded; refund it. */
    record RefundVerification() implements PledgeStep {
    }

    /** Pending past its reward hold: cancelled, the reward free again. */
    record CancelHold() implements PledgeStep {
    }

    /** A declined charge's retry: charge the saved method again, as {@code attempt}. */
    record Charge(int attempt) implements PledgeStep {
    }

    /** A charge sent whose notification has not come: follow it up (its outcome asked for once due). */
    record FollowUp(int attempt) implements PledgeStep {
    }

    /** Errored past its fix window: dropped. */
    record Drop() implements PledgeStep {
    }

    /** Collected in a cancelled keep-what-you-raise campaign, its refund not settled yet: ask for it (again). */
    record Refund() implements PledgeStep {
    }

    /**
     * @param verificationSucceeded whether the pledge's verification payment ({@link Pledge#verificationId()})
     *                              succeeded and was not refunded yet
     */
    static PledgeStep of(Campaign campaign, Pledge pledge, boolean verificationSucceeded, Instant now,
                         CrowdfundingConfig config) {
        if (pledge.dueAt() == null || pledge.dueAt().isAfter(now)) {
            return new NotDue();
        }
        if (pledge.verificationId() != null && verificationSucceeded) {
            return new RefundVerification();
        }
        return switch (pledge.state()) {
            case PENDING -> {
                Instant holdEnds = pledge.createdAt().plus(config.holdReward());
                yield holdEnds.isAfter(now) ? new LookAgain(holdEnds) : new CancelHold();
            }
            case CHARGING -> new FollowUp(pledge.attempts());
            case ERRORED -> errored(campaign, pledge, now, config);
            case COLLECTED -> campaign.status() == Campaign.Status.CANCELLED
                    && campaign.mode() == Campaign.Mode.KEEP_WHAT_YOU_RAISE ? new Refund() : new Done();
            case SAVED, DROPPED, RELEASED, CANCELLED, REFUNDED -> new Done();
        };
    }

    /** The retry due (attempt {@code attempts + 1}), else the drop at the end of the fix window, else the next of them. */
    private static PledgeStep errored(Campaign campaign, Pledge pledge, Instant now, CrowdfundingConfig config) {
        Instant fixBy = fixBy(campaign, pledge, config);
        if (!fixBy.isAfter(now)) {
            return new Drop();
        }
        Instant retry = nextRetry(campaign, pledge.attempts(), config);
        if (retry == null) {
            return new LookAgain(fixBy);
        }
        return retry.isAfter(now) ? new LookAgain(retry) : new Charge(pledge.attempts() + 1);
    }

    /**
     * When a pledge whose charge {@code attempts} was declined is charged again: the deadline plus
     * {@code retryAfter[attempts - 1]}; null when every retry was made. What the settlement of a decline should set
     * as the errored pledge's {@code dueAt} (else its {@link #fixBy}).
     */
    static Instant nextRetry(Campaign campaign, int attempts, CrowdfundingConfig config) {
        if (attempts < 1 || attempts >= config.attempts()) {
            return null;
        }
        return campaign.deadline().plus(config.retryAfter().get(attempts - 1));
    }

    /** The end of the pledge's fix window: as stored, or the deadline plus {@code fixWindow}. */
    static Instant fixBy(Campaign campaign, Pledge pledge, CrowdfundingConfig config) {
        return pledge.fixBy() != null ? pledge.fixBy() : campaign.deadline().plus(config.fixWindow());
    }
}
