package ru.rossgram.shared.payments.crowdfunding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.PledgeCharge.Reason;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.crowdfunding.Pledge.State;

class PledgeTransitionsTest {
    private static final Instant T0 = Instant.parse("2027-03-01T09:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2027-03-20T12:00:00Z");
    private static final CrowdfundingConfig CONFIG = new CrowdfundingConfig(Duration.ofDays(60), Duration.ofHours(1), 100,
            Duration.ofMinutes(30), List.of(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(6)), Duration.ofDays(7),
            Duration.ofHours(1), 100);
    private static final Campaign CAMPAIGN = new Campaign("camp", "creator", "A film", "About it", null, Money.rub(1_000_000),
            DEADLINE, Campaign.Mode.ALL_OR_NOTHING, Campaign.Status.LIVE, List.of(), DEADLINE, null, T0, T0, null, T0, 1);

    private static Payment payment(String paymentId, Reason reason, long kopecks, int attempt) {
        return new Payment(paymentId, "backer", "creator", new Purchase(Purchase.Kind.PLEDGE, "camp"), Money.rub(kopecks),
                Money.rub(0), PaymentProvider.YOOKASSA, 1, null, null, PaymentState.PENDING, null, T0, T0, 1, null, null,
                new PledgeCharge("pl-1", reason, attempt));
    }

    private static Pledge pledge(State state, String paymentId) {
        return new Pledge("camp", "backer", "pl-1", Money.rub(50_000), "r1", PaymentProvider.YOOKASSA, state, paymentId,
                null, null, 0, null, T0.plus(Duration.ofMinutes(30)), T0, T0, 3);
    }

    @Test
    void aVerificationSavesThePendingPledgesMethod_dueAtOnceSoItsVerificationIsRefunded() {
        Pledge saved = PledgeTransitions.credited(pledge(State.PENDING, "ver"), payment("ver", Reason.VERIFY, 100, 1), "pm-7", T0)
                .orElseThrow();
        assertEquals(State.SAVED, saved.state());
        assertEquals("pm-7", saved.savedMethod());
        assertEquals("ver", saved.verificationId());
        assertEquals(T0, saved.dueAt());
        assertEquals(4, saved.version());
        assertEquals("r1", saved.rewardId());
    }

    @Test
    void aVerificationThatSavedNoMethod_cancelsThePledge_andIsDueForItsRefund() {
        Pledge cancelled = PledgeTransitions.credited(pledge(State.PENDING, "ver"), payment("ver", Reason.VERIFY, 100, 1), null, T0)
                .orElseThrow();
        assertEquals(State.CANCELLED, cancelled.state());
        assertEquals("ver", cancelled.verificationId());
        assertEquals(T0, cancelled.dueAt());
    }

    @Test
    void aLateVerificationOfACancelledPledge_isOnlyRecordedForItsRefund() {
        Pledge next = PledgeTransitions.credited(pledge(State.CANCELLED, "ver"), payment("ver", Reason.VERIFY, 100, 1), "pm-7", T0)
                .orElseThrow();
        assertEquals(State.CANCELLED, next.state());
        assertNull(next.savedMethod(), "a cancelled pledge keeps no method");
        assertEquals("ver", next.verificationId());
    }

    @Test
    void aDeclinedFirstPaymentCancelsThePendingPledge_andItsHoldIsNoLongerDue() {
        Pledge cancelled = PledgeTransitions.declined(pledge(State.PENDING, "ver"), payment("ver", Reason.VERIFY, 100, 1),
                CAMPAIGN, CONFIG, T0).orElseThrow();
        assertEquals(State.CANCELLED, cancelled.state());
        assertNull(cancelled.dueAt());
        assertTrue(PledgeTransitions.declined(pledge(State.PENDING, "pay"), payment("pay", Reason.PLEDGE, 50_000, 1),
                CAMPAIGN, CONFIG, T0).map(p -> p.state() == State.CANCELLED).orElse(false));
    }

    @Test
    void aRefundedVerificationIsForgotten_andNothingElseChanges() {
        Pledge saved = PledgeTransitions.credited(pledge(State.PENDING, "ver"), payment("ver", Reason.VERIFY, 100, 1), "pm-7", T0)
                .orElseThrow();
        Pledge after = PledgeTransitions.reversed(saved, payment("ver", Reason.VERIFY, 100, 1), T0).orElseThrow();
        assertEquals(State.SAVED, after.state());
        assertNull(after.verificationId());
        assertEquals("pm-7", after.savedMethod());
    }

    @Test
    void aPledgePaymentCollectsThePendingPledge_andARefundMakesItRefunded() {
        Pledge collected = PledgeTransitions.credited(pledge(State.PENDING, "pay"), payment("pay", Reason.PLEDGE, 50_000, 1), null, T0)
                .orElseThrow();
        assertEquals(State.COLLECTED, collected.state());
        assertNull(collected.dueAt());
        assertEquals("r1", collected.rewardId());
        Pledge refunded = PledgeTransitions.reversed(collected, payment("pay", Reason.PLEDGE, 50_000, 1), T0).orElseThrow();
        assertEquals(State.REFUNDED, refunded.state());
    }

    @Test
    void aPaymentSettlingAfterTheRewardHoldExpired_collectsThePledgeWithoutItsReward() {
        Pledge collected = PledgeTransitions.credited(pledge(State.CANCELLED, "pay"), payment("pay", Reason.PLEDGE, 50_000, 1), null, T0)
                .orElseThrow();
        assertEquals(State.COLLECTED, collected.state());
        assertNull(collected.rewardId(), "the reward may be claimed by someone else by now");
    }

    @Test
    void aPaymentSettlingAfterTheBackerCancelled_keepsThePledgeCancelled_andIsDueForItsRefund() {
        Pledge next = PledgeTransitions.credited(pledge(State.CANCELLED, null), payment("pay", Reason.PLEDGE, 50_000, 1), null, T0)
                .orElseThrow();
        assertEquals(State.CANCELLED, next.state());
        assertEquals("pay", next.verificationId());
        assertEquals(T0, next.dueAt());
        Pledge returned = PledgeTransitions.reversed(next, payment("pay", Reason.PLEDGE, 50_000, 1), T0).orElseThrow();
        assertEquals(State.CANCELLED, returned.state());
        assertNull(returned.verificationId());
    }

    @Test
    void aDeclinedDeadlineCharge_errorsThePledge_retriedAfterTheDeadlineThenDueAtTheEndOfItsFixWindow() {
        Pledge first = PledgeTransitions.declined(pledge(State.CHARGING, "c1"), payment("c1", Reason.COLLECT, 50_000, 1),
                CAMPAIGN, CONFIG, T0).orElseThrow();
        assertEquals(State.ERRORED, first.state());
        assertEquals(1, first.attempts());
        assertEquals(DEADLINE.plus(Duration.ofDays(7)), first.fixBy());
        assertEquals(DEADLINE.plus(Duration.ofDays(2)), first.dueAt());
        Pledge last = PledgeTransitions.declined(pledge(State.CHARGING, "c4"), payment("c4", Reason.COLLECT, 50_000, 4),
                CAMPAIGN, CONFIG, T0).orElseThrow();
        assertEquals(4, last.attempts());
        assertEquals(last.fixBy(), last.dueAt(), "no retry left: due to be dropped");
    }

    @Test
    void aChargeOrAFixThatSucceeds_collectsAnErroredOrEvenADroppedPledge_realMoneyCounts() {
        for (State state : List.of(State.CHARGING, State.ERRORED, State.DROPPED)) {
            assertEquals(State.COLLECTED, PledgeTransitions.credited(pledge(state, "c1"), payment("c1", Reason.COLLECT, 50_000, 1),
                    null, T0).orElseThrow().state());
            assertEquals(State.COLLECTED, PledgeTransitions.credited(pledge(state, "f1"), payment("f1", Reason.FIX, 50_000, 1),
                    null, T0).orElseThrow().state());
        }
    }

    @Test
    void aCollectedPledgeWhoseVerificationIsNotReturnedYet_staysDueForThatRefund() {
        Pledge charging = pledge(State.CHARGING, "c1").withSavedMethod("method", "ver");
        Pledge collected = PledgeTransitions.credited(charging, payment("c1", Reason.COLLECT, 50_000, 1), null, T0).orElseThrow();
        assertEquals(State.COLLECTED, collected.state());
        assertEquals(T0, collected.dueAt(), "the closing job must come back for the verification's refund");
        Pledge refunded = PledgeTransitions.reversed(collected, payment("c1", Reason.COLLECT, 50_000, 1), T0).orElseThrow();
        assertEquals(T0, refunded.dueAt());
    }

    @Test
    void aRetryThatSucceedsAfterTheBackersFixCollectedThePledge_isDueForItsRefund_theBackerPaysOnce() {
        Pledge charging = pledge(State.CHARGING, "c2");
        Pledge fixed = PledgeTransitions.credited(charging, payment("f1", Reason.FIX, 50_000, 1), null, T0).orElseThrow();
        assertEquals(State.COLLECTED, fixed.state());
        assertEquals("f1", fixed.paymentId());
        Pledge after = PledgeTransitions.credited(fixed, payment("c2", Reason.COLLECT, 50_000, 2), null, T0).orElseThrow();
        assertEquals(State.COLLECTED, after.state());
        assertEquals("c2", after.verificationId(), "the retry's payment is the one to return");
        assertEquals(T0, after.dueAt());
    }

    @Test
    void aDeclinedFix_leavesThePledgeErrored() {
        assertTrue(PledgeTransitions.declined(pledge(State.ERRORED, "f1"), payment("f1", Reason.FIX, 50_000, 1),
                CAMPAIGN, CONFIG, T0).isEmpty());
    }

    @Test
    void aPaymentThePledgeHasMovedPast_changesNothing() {
        assertTrue(PledgeTransitions.credited(pledge(State.REFUNDED, "pay"), payment("pay", Reason.PLEDGE, 50_000, 1), null, T0).isEmpty());
        assertTrue(PledgeTransitions.declined(pledge(State.COLLECTED, "c1"), payment("c1", Reason.COLLECT, 50_000, 1),
                CAMPAIGN, CONFIG, T0).isEmpty());
        assertTrue(PledgeTransitions.reversed(pledge(State.RELEASED, "c1"), payment("c1", Reason.COLLECT, 50_000, 1), T0).isEmpty());
    }
}
