package ru.rossgram.shared.payments.subscriptions;

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
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.SubscriptionCharge.Reason;
import ru.rossgram.shared.payments.subscriptions.Subscription.Status;

class SubscriptionTransitionsTest {
    private static final Instant T0 = Instant.parse("2027-01-31T09:00:00Z");
    private static final SubscriptionsConfig CONFIG = new SubscriptionsConfig(
            List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(5)), Duration.ofDays(7), Duration.ofDays(30),
            Duration.ofHours(1), 100);

    private static Payment payment(String tierId, long kopecks, Reason reason, int period, int attempt) {
        return new Payment("pay-" + reason + period + attempt, "fan", "creator", new Purchase(Purchase.Kind.SUBSCRIPTION, tierId),
                Money.rub(kopecks), Money.rub(kopecks / 10), PaymentProvider.YOOKASSA, 1, null, null, PaymentState.PENDING,
                null, T0, T0, 1, null, new SubscriptionCharge(reason, period, attempt));
    }

    private static Subscription subscribed() {
        return SubscriptionTransitions.periodPaid(null, payment("basic", 30_000, Reason.START, 1, 1), "pm-1", T0);
    }

    @Test
    void theFirstPaymentStartsAnActiveSubscriptionAnchoredNow_dueAtTheEndOfItsFirstPeriod() {
        Subscription sub = subscribed();
        assertEquals(Status.ACTIVE, sub.status());
        assertEquals(T0, sub.anchor());
        assertEquals(1, sub.period());
        assertEquals(BillingCalendar.periodEnd(T0, 1), sub.paidThrough());
        assertEquals(sub.paidThrough(), sub.dueAt());
        assertEquals("pm-1", sub.savedMethod());
        assertEquals(Money.rub(30_000), sub.price());
        assertEquals(1, sub.version());
    }

    @Test
    void aSecondStartRacingTheFirstBuysTheNextPeriod_moneyNeverVanishes() {
        Subscription first = subscribed();
        Subscription second = SubscriptionTransitions.periodPaid(first, payment("basic", 30_000, Reason.START, 1, 1), null, T0);
        assertEquals(2, second.period());
        assertEquals(BillingCalendar.periodEnd(T0, 2), second.paidThrough());
        assertEquals("pm-1", second.savedMethod(), "no new method saved: the old one stays");
    }

    @Test
    void aRenewalPaysOneMorePeriodFromTheAnchor_andAppliesTheDowngradeItPaidFor() {
        Subscription pending = SubscriptionTransitions.withPendingTier(subscribed(), "lite", T0);
        Instant later = BillingCalendar.periodEnd(T0, 1);
        Subscription renewed = SubscriptionTransitions.periodPaid(pending, payment("lite", 10_000, Reason.RENEWAL, 2, 1), null, later);
        assertEquals(2, renewed.period());
        assertEquals(Instant.parse("2027-03-31T09:00:00Z"), renewed.paidThrough(), "31 January, 28 February, 31 March");
        assertEquals("lite", renewed.tierId());
        assertNull(renewed.pendingTierId());
        assertEquals(Money.rub(10_000), renewed.price());
        assertEquals(renewed.paidThrough(), renewed.dueAt());
    }

    @Test
    void declinedRenewalsRetryOnScheduleWithGrace_andTheLastEndsIt() {
        Subscription sub = subscribed();
        Subscription pastDue = SubscriptionTransitions.declined(sub, payment("basic", 30_000, Reason.RENEWAL, 2, 1), CONFIG, T0).orElseThrow();
        assertEquals(Status.PAST_DUE, pastDue.status());
        assertEquals(1, pastDue.failedAttempts());
        assertEquals(sub.paidThrough().plus(Duration.ofDays(7)), pastDue.graceUntil());
        assertEquals(pastDue.graceUntil(), pastDue.accessUntil());
        assertEquals(sub.paidThrough().plus(Duration.ofDays(1)), pastDue.dueAt());

        Subscription third = SubscriptionTransitions.declined(pastDue, payment("basic", 30_000, Reason.RENEWAL, 2, 3), CONFIG, T0).orElseThrow();
        assertEquals(sub.paidThrough().plus(Duration.ofDays(5)), third.dueAt());
        Subscription ended = SubscriptionTransitions.declined(third, payment("basic", 30_000, Reason.RENEWAL, 2, 4), CONFIG, T0).orElseThrow();
        assertEquals(Status.ENDED, ended.status());
        assertNull(ended.dueAt());
    }

    @Test
    void staleDeclinesAndDeclinesOfStartsOrUpgradesChangeNothing() {
        Subscription sub = subscribed();
        Subscription pastDue = SubscriptionTransitions.declined(sub, payment("basic", 30_000, Reason.RENEWAL, 2, 2), CONFIG, T0).orElseThrow();
        assertTrue(SubscriptionTransitions.declined(pastDue, payment("basic", 30_000, Reason.RENEWAL, 2, 1), CONFIG, T0).isEmpty(),
                "an earlier attempt's decline arriving late");
        assertTrue(SubscriptionTransitions.declined(sub, payment("basic", 30_000, Reason.RENEWAL, 3, 1), CONFIG, T0).isEmpty(),
                "a renewal of a period not next");
        assertTrue(SubscriptionTransitions.declined(sub, payment("basic", 30_000, Reason.START, 1, 1), CONFIG, T0).isEmpty());
        assertTrue(SubscriptionTransitions.declined(sub, payment("gold", 500, Reason.UPGRADE, 1, 1), CONFIG, T0).isEmpty());
    }

    @Test
    void payingAgainWhilePastDueRestoresIt_payingForTheGraceUsed() {
        Subscription pastDue = SubscriptionTransitions.declined(subscribed(), payment("basic", 30_000, Reason.RENEWAL, 2, 1), CONFIG, T0).orElseThrow();
        Instant inGrace = pastDue.paidThrough().plus(Duration.ofDays(2));
        Subscription restored = SubscriptionTransitions.periodPaid(pastDue, payment("basic", 30_000, Reason.START, 2, 1), "pm-2", inGrace);
        assertEquals(Status.ACTIVE, restored.status());
        assertEquals(2, restored.period());
        assertEquals(T0, restored.anchor());
        assertEquals(0, restored.failedAttempts());
        assertNull(restored.graceUntil());
        assertEquals("pm-2", restored.savedMethod(), "a restore replaces the saved method");
    }

    @Test
    void payingAfterTheEndStartsAfreshAnchoredAtThePayment() {
        Subscription ended = SubscriptionTransitions.refunded(subscribed(), T0).orElseThrow();
        Instant later = T0.plus(Duration.ofDays(90));
        Subscription again = SubscriptionTransitions.periodPaid(ended, payment("basic", 30_000, Reason.START, 2, 1), "pm-3", later);
        assertEquals(later, again.anchor());
        assertEquals(1, again.period());
        assertEquals(later, again.startedAt());
        assertEquals(Status.ACTIVE, again.status());
    }

    @Test
    void aRenewalRacingACancelKeepsItCancelled_dueWhenTheNewPeriodEnds() {
        Subscription cancelled = SubscriptionTransitions.cancelled(subscribed(), T0).orElseThrow();
        assertTrue(SubscriptionTransitions.cancelled(cancelled, T0).isEmpty(), "cancelling twice changes nothing");
        Subscription renewed = SubscriptionTransitions.periodPaid(cancelled, payment("basic", 30_000, Reason.RENEWAL, 2, 1), null, T0);
        assertEquals(Status.CANCELED, renewed.status());
        assertEquals(renewed.paidThrough(), renewed.dueAt());
        assertEquals(2, renewed.period());
    }

    @Test
    void aRenewalSettlingAfterTheCancelledSubscriptionEnded_buysItsPeriodButRenewsNoMore() {
        Subscription cancelled = SubscriptionTransitions.cancelled(subscribed(), T0).orElseThrow();
        Instant afterTheEnd = cancelled.paidThrough().plusSeconds(60);
        Subscription ended = SubscriptionTransitions.ended(cancelled, afterTheEnd);
        Subscription late = SubscriptionTransitions.periodPaid(ended, payment("basic", 30_000, Reason.RENEWAL, 2, 1), null,
                afterTheEnd.plusSeconds(5));
        assertEquals(Status.CANCELED, late.status(), "charged once more, never again");
        assertEquals(late.paidThrough(), late.dueAt(), "the job ends it when the bought period is over");
        assertTrue(late.paidThrough().isAfter(afterTheEnd));
    }

    @Test
    void anUpgradeMovesToThePaidTierAtItsPrice_butNotAnEndedSubscription() {
        Subscription sub = subscribed();
        Subscription gold = SubscriptionTransitions.upgraded(sub, payment("gold", 1_234, Reason.UPGRADE, 1, 1), Money.rub(90_000), T0).orElseThrow();
        assertEquals("gold", gold.tierId());
        assertEquals(Money.rub(90_000), gold.price());
        assertEquals(sub.paidThrough(), gold.paidThrough());
        Subscription ended = SubscriptionTransitions.refunded(sub, T0).orElseThrow();
        assertTrue(SubscriptionTransitions.upgraded(ended, payment("gold", 1_234, Reason.UPGRADE, 1, 1), Money.rub(90_000), T0).isEmpty());
    }

    @Test
    void aRefundEndsIt_withNothingDue() {
        Subscription ended = SubscriptionTransitions.refunded(subscribed(), T0).orElseThrow();
        assertEquals(Status.ENDED, ended.status());
        assertNull(ended.dueAt());
        assertTrue(SubscriptionTransitions.refunded(ended, T0).isEmpty());
    }
}
