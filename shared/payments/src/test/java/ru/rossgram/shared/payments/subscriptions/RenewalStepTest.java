package ru.rossgram.shared.payments.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;

class RenewalStepTest {
    private static final SubscriptionsConfig CONFIG = new SubscriptionsConfig(
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(5)), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofHours(1), 100);
    private static final Duration AHEAD = Duration.ofMinutes(30);
    private static final Instant ANCHOR = Instant.parse("2027-03-10T09:00:00Z");
    private static final Instant PAID_THROUGH = BillingCalendar.periodEnd(ANCHOR, 2);

    private static Subscription subscription(Subscription.Status status, int failed, Instant graceUntil, Instant dueAt) {
        return new Subscription("fan", "creator", "gold", Money.rub(50_000), status, ANCHOR, 2, PAID_THROUGH,
                PaymentProvider.TBANK, "rebill-1", null, failed, graceUntil, dueAt, ANCHOR, ANCHOR, 7);
    }

    private static RenewalStep step(Subscription subscription, Instant now, SubscriptionsConfig config) {
        return RenewalStep.of(subscription, now, AHEAD, config);
    }

    @Test
    void anActiveSubscriptionDueIsChargedForTheNextPeriod_firstAttempt() {
        assertEquals(new RenewalStep.Charge(3, 1), step(
                subscription(Subscription.Status.ACTIVE, 0, null, PAID_THROUGH), PAID_THROUGH, CONFIG));
    }

    @Test
    void aRenewalIsChargedUpToHalfAnHourAhead_soTheNextPeriodIsPaidBeforeTheLastEnds() {
        Subscription due = subscription(Subscription.Status.ACTIVE, 0, null, PAID_THROUGH);
        assertEquals(new RenewalStep.Charge(3, 1), step(due, PAID_THROUGH.minus(AHEAD), CONFIG));
        assertEquals(new RenewalStep.Nothing(), step(due, PAID_THROUGH.minus(AHEAD).minusSeconds(1), CONFIG));
    }

    @Test
    void nothingIsDoneBeforeTheDueTime_orForAnEndedOne() {
        assertEquals(new RenewalStep.Nothing(), step(
                subscription(Subscription.Status.ACTIVE, 0, null, PAID_THROUGH), PAID_THROUGH.minus(AHEAD).minusSeconds(1), CONFIG));
        assertEquals(new RenewalStep.Nothing(), step(
                subscription(Subscription.Status.ENDED, 0, null, null), PAID_THROUGH, CONFIG));
    }

    @Test
    void aPastDueSubscriptionIsRetriedWithTheNextAttempt() {
        Instant grace = PAID_THROUGH.plus(Duration.ofDays(7));
        Instant retry = PAID_THROUGH.plus(Duration.ofDays(3));
        assertEquals(new RenewalStep.Charge(3, 3), step(
                subscription(Subscription.Status.PAST_DUE, 2, grace, retry), retry, CONFIG));
    }

    @Test
    void aPastDueSubscriptionWithEveryAttemptDeclinedEndsWhenItsGraceIsOver() {
        Instant grace = PAID_THROUGH.plus(Duration.ofDays(7));
        Subscription exhausted = subscription(Subscription.Status.PAST_DUE, 4, grace, PAID_THROUGH);
        assertEquals(new RenewalStep.LookAgain(grace), step(exhausted, grace.minusSeconds(1), CONFIG));
        assertEquals(new RenewalStep.End(), step(exhausted, grace, CONFIG));
    }

    @Test
    void aCancelledSubscriptionIsNeverCharged_andEndsAtTheEndOfWhatWasPaid() {
        Instant early = PAID_THROUGH.minus(Duration.ofDays(3));
        assertEquals(new RenewalStep.LookAgain(PAID_THROUGH), step(
                subscription(Subscription.Status.CANCELED, 0, null, early), early, CONFIG));
        assertEquals(new RenewalStep.LookAgain(PAID_THROUGH), step(
                subscription(Subscription.Status.CANCELED, 0, null, PAID_THROUGH), PAID_THROUGH.minusSeconds(600), CONFIG),
                "ends on time, never ahead");
        assertEquals(new RenewalStep.End(), step(
                subscription(Subscription.Status.CANCELED, 0, null, PAID_THROUGH), PAID_THROUGH, CONFIG));
    }

    @Test
    void anEndedSubscriptionWithAMarkerLeftIsEndedAgain_removingIt() {
        assertEquals(new RenewalStep.End(), step(
                subscription(Subscription.Status.ENDED, 0, null, PAID_THROUGH), PAID_THROUGH, CONFIG));
    }
}
