package ru.rossgram.shared.payments.crowdfunding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.crowdfunding.CampaignClosing.PledgeAction;

/** The closing job's decisions: a campaign at and after its deadline, each of its pledges, and a pledge's own marker. */
class ClosingStepsTest {
    private static final CrowdfundingConfig CONFIG = new CrowdfundingConfig(Duration.ofDays(60), Duration.ofHours(1), 100,
            Duration.ofMinutes(30), List.of(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(6)), Duration.ofDays(7),
            Duration.ofHours(1), 100);
    private static final Instant DEADLINE = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant CREATED = DEADLINE.minus(Duration.ofDays(20));

    private static Campaign campaign(Campaign.Mode mode, Campaign.Status status, Instant dueAt) {
        return new Campaign("c1", "creator", "A film", "About a film", null, Money.rub(100_000), DEADLINE, mode, status,
                List.of(), dueAt, null, CREATED, CREATED, null, CREATED, 3);
    }

    private static Pledge pledge(Pledge.State state, int attempts, Instant dueAt) {
        return new Pledge("c1", "fan", "p1", Money.rub(30_000), null, PaymentProvider.YOOKASSA, state, "pay-1",
                "method-1", null, attempts, null, dueAt, CREATED, CREATED, 5);
    }

    private static Pledge verified(Pledge pledge) {
        return pledge.withSavedMethod(pledge.savedMethod(), "verification-1");
    }

    // ----- the campaign

    @Test
    void anAllOrNothingCampaignSucceedsWhenWhatStandsReachesTheGoal_andFailsBelowIt() {
        Campaign live = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.LIVE, DEADLINE);
        assertEquals(new CampaignClosing.Close(Campaign.Status.SUCCEEDED), CampaignClosing.of(live, 100_000, DEADLINE));
        assertEquals(new CampaignClosing.Close(Campaign.Status.SUCCEEDED), CampaignClosing.of(live, 150_000, DEADLINE));
        assertEquals(new CampaignClosing.Close(Campaign.Status.FAILED), CampaignClosing.of(live, 99_999, DEADLINE));
    }

    @Test
    void aKeepWhatYouRaiseCampaignSucceedsWhateverItRaised() {
        Campaign live = campaign(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.LIVE, DEADLINE);
        assertEquals(new CampaignClosing.Close(Campaign.Status.SUCCEEDED), CampaignClosing.of(live, 0, DEADLINE.plusSeconds(60)));
    }

    @Test
    void aLiveCampaignIsNotClosedBeforeItsDeadline() {
        Campaign early = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.LIVE, DEADLINE.minus(Duration.ofHours(2)));
        assertEquals(new CampaignClosing.LookAgain(DEADLINE), CampaignClosing.of(early, 0, DEADLINE.minusSeconds(1)));
        assertEquals(new CampaignClosing.Nothing(), CampaignClosing.of(
                campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.LIVE, DEADLINE), 0, DEADLINE.minusSeconds(1)));
    }

    @Test
    void anEndedCampaignWithItsMarkerDueWorksThroughItsNextBatch_andOneWithoutIsLeftAlone() {
        for (Campaign.Status ended : List.of(Campaign.Status.SUCCEEDED, Campaign.Status.FAILED, Campaign.Status.CANCELLED)) {
            assertEquals(new CampaignClosing.NextBatch(), CampaignClosing.of(
                    campaign(Campaign.Mode.ALL_OR_NOTHING, ended, DEADLINE), 0, DEADLINE));
            assertEquals(new CampaignClosing.Nothing(), CampaignClosing.of(
                    campaign(Campaign.Mode.ALL_OR_NOTHING, ended, null), 0, DEADLINE));
        }
        assertEquals(new CampaignClosing.Nothing(), CampaignClosing.of(
                campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.DRAFT, DEADLINE), 0, DEADLINE));
    }

    // ----- its pledges, batch by batch

    @Test
    void aSucceededAllOrNothingCampaignChargesItsSavedPledges_andCancelsThePendingOnes() {
        Campaign succeeded = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.SUCCEEDED, DEADLINE);
        assertEquals(PledgeAction.CHARGE, CampaignClosing.actionFor(succeeded, pledge(Pledge.State.SAVED, 0, null)));
        assertEquals(PledgeAction.CANCEL, CampaignClosing.actionFor(succeeded, pledge(Pledge.State.PENDING, 0, null)));
        for (Pledge.State done : List.of(Pledge.State.CHARGING, Pledge.State.ERRORED, Pledge.State.COLLECTED,
                Pledge.State.CANCELLED, Pledge.State.DROPPED)) {
            assertEquals(PledgeAction.NONE, CampaignClosing.actionFor(succeeded, pledge(done, 1, null)), done.wire());
        }
    }

    @Test
    void aFailedCampaignChargesNobody_releasingTheSavedPledges() {
        Campaign failed = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.FAILED, DEADLINE);
        assertEquals(PledgeAction.RELEASE, CampaignClosing.actionFor(failed, pledge(Pledge.State.SAVED, 0, null)));
        assertEquals(PledgeAction.CANCEL, CampaignClosing.actionFor(failed, pledge(Pledge.State.PENDING, 0, null)));
        assertEquals(PledgeAction.NONE, CampaignClosing.actionFor(failed, pledge(Pledge.State.CANCELLED, 0, null)));
    }

    @Test
    void aCancelledAllOrNothingCampaignChargesNobody_andACancelledKeepCampaignRefundsWhatItCollected() {
        Campaign allOrNothing = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.CANCELLED, DEADLINE);
        assertEquals(PledgeAction.CANCEL, CampaignClosing.actionFor(allOrNothing, pledge(Pledge.State.SAVED, 0, null)));
        assertEquals(PledgeAction.CANCEL, CampaignClosing.actionFor(allOrNothing, pledge(Pledge.State.PENDING, 0, null)));
        Campaign keep = campaign(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.CANCELLED, DEADLINE);
        assertEquals(PledgeAction.REFUND, CampaignClosing.actionFor(keep, pledge(Pledge.State.COLLECTED, 0, null)));
        assertEquals(PledgeAction.CANCEL, CampaignClosing.actionFor(keep, pledge(Pledge.State.PENDING, 0, null)));
        assertEquals(PledgeAction.NONE, CampaignClosing.actionFor(keep, pledge(Pledge.State.REFUNDED, 0, null)));
    }

    @Test
    void aSucceededKeepCampaignLeavesItsPledgesAsTheyAre_aPendingOneMayStillBePaid() {
        Campaign keep = campaign(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.SUCCEEDED, DEADLINE);
        assertEquals(PledgeAction.NONE, CampaignClosing.actionFor(keep, pledge(Pledge.State.PENDING, 0, null)));
        assertEquals(PledgeAction.NONE, CampaignClosing.actionFor(keep, pledge(Pledge.State.COLLECTED, 0, null)));
    }

    // ----- a pledge's own marker

    private static PledgeStep step(Campaign.Status status, Pledge pledge, boolean verificationSucceeded, Instant now) {
        return PledgeStep.of(campaign(Campaign.Mode.ALL_OR_NOTHING, status, null), pledge, verificationSucceeded, now, CONFIG);
    }

    @Test
    void aPendingPledgeHoldsItsRewardForHalfAnHour_thenIsCancelled() {
        Instant holdEnds = CREATED.plus(Duration.ofMinutes(30));
        assertEquals(new PledgeStep.LookAgain(holdEnds), step(Campaign.Status.LIVE,
                pledge(Pledge.State.PENDING, 0, CREATED), false, holdEnds.minusSeconds(1)));
        assertEquals(new PledgeStep.CancelHold(), step(Campaign.Status.LIVE,
                pledge(Pledge.State.PENDING, 0, holdEnds), false, holdEnds));
    }

    @Test
    void aSucceededVerificationIsRefundedFirst_whateverThePledgesState() {
        Instant now = CREATED.plusSeconds(600);
        assertEquals(new PledgeStep.RefundVerification(), step(Campaign.Status.LIVE,
                verified(pledge(Pledge.State.SAVED, 0, now)), true, now));
        assertEquals(new PledgeStep.RefundVerification(), step(Campaign.Status.SUCCEEDED,
                verified(pledge(Pledge.State.CHARGING, 1, now)), true, now));
        assertEquals(new PledgeStep.Done(), step(Campaign.Status.LIVE,
                verified(pledge(Pledge.State.SAVED, 0, now)), false, now), "a refunded one is not refunded again");
    }

    @Test
    void aDeclinedChargeIsRetried2_4And6DaysAfterTheDeadline_thenDroppedAfterItsFixWindow() {
        Instant firstRetry = DEADLINE.plus(Duration.ofDays(2));
        assertEquals(new PledgeStep.LookAgain(firstRetry), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.ERRORED, 1, DEADLINE.plusSeconds(3600)), false, DEADLINE.plusSeconds(3600)));
        assertEquals(new PledgeStep.Charge(2), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.ERRORED, 1, firstRetry), false, firstRetry));
        assertEquals(new PledgeStep.Charge(4), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.ERRORED, 3, DEADLINE.plus(Duration.ofDays(6))), false, DEADLINE.plus(Duration.ofDays(6))));
        Instant fixBy = DEADLINE.plus(Duration.ofDays(7));
        assertEquals(new PledgeStep.LookAgain(fixBy), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.ERRORED, 4, DEADLINE.plus(Duration.ofDays(6))), false, DEADLINE.plus(Duration.ofDays(6))));
        assertEquals(new PledgeStep.Drop(), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.ERRORED, 2, fixBy), false, fixBy), "the window ends even with retries left");
    }

    @Test
    void theRetryTimesAreWhatTheSettlementOfADeclineSchedules() {
        Campaign campaign = campaign(Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.SUCCEEDED, null);
        assertEquals(DEADLINE.plus(Duration.ofDays(2)), PledgeStep.nextRetry(campaign, 1, CONFIG));
        assertEquals(DEADLINE.plus(Duration.ofDays(6)), PledgeStep.nextRetry(campaign, 3, CONFIG));
        assertNull(PledgeStep.nextRetry(campaign, 4, CONFIG));
        assertEquals(DEADLINE.plus(Duration.ofDays(7)), PledgeStep.fixBy(campaign, pledge(Pledge.State.ERRORED, 1, null), CONFIG));
    }

    @Test
    void aChargeAwaitingItsNotificationIsFollowedUp_asTheAttemptItIs() {
        assertEquals(new PledgeStep.FollowUp(2), step(Campaign.Status.SUCCEEDED,
                pledge(Pledge.State.CHARGING, 2, DEADLINE), false, DEADLINE));
    }

    @Test
    void aCollectedPledgeOfACancelledKeepCampaignIsRefunded_untilItsRefundSettles() {
        Campaign keep = campaign(Campaign.Mode.KEEP_WHAT_YOU_RAISE, Campaign.Status.CANCELLED, null);
        assertEquals(new PledgeStep.Refund(), PledgeStep.of(keep, pledge(Pledge.State.COLLECTED, 0, DEADLINE), false, DEADLINE, CONFIG));
        assertEquals(new PledgeStep.Done(), PledgeStep.of(keep, pledge(Pledge.State.REFUNDED, 0, DEADLINE), false, DEADLINE, CONFIG));
    }

    @Test
    void aMarkerNotYetDue_orMovedByAnotherRun_isLeftAlone() {
        assertEquals(new PledgeStep.NotDue(), step(Campaign.Status.LIVE,
                pledge(Pledge.State.PENDING, 0, DEADLINE), false, DEADLINE.minusSeconds(1)));
        assertEquals(new PledgeStep.NotDue(), step(Campaign.Status.LIVE, pledge(Pledge.State.PENDING, 0, null), false, DEADLINE));
    }
}
