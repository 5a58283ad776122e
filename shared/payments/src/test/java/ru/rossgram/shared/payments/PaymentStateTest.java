package ru.rossgram.shared.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.payments.PaymentState.Effect;
import ru.rossgram.shared.payments.PaymentState.Event;
import ru.rossgram.shared.payments.PaymentState.Transition;

class PaymentStateTest {
    @Test
    void success_creditsAPendingPayment_andALateCaptureAfterCancel() {
        assertEquals(new Transition(PaymentState.SUCCEEDED, Effect.CREDIT), PaymentState.PENDING.on(Event.SUCCEEDED));
        assertEquals(new Transition(PaymentState.SUCCEEDED, Effect.CREDIT), PaymentState.CANCELED.on(Event.SUCCEEDED));
    }

    @Test
    void success_afterSuccessOrRefund_isStale() {
        assertNull(PaymentState.SUCCEEDED.on(Event.SUCCEEDED));
        assertNull(PaymentState.REFUNDED.on(Event.SUCCEEDED), "a refund heard before its success settled the story");
    }

    @Test
    void cancel_onlyClosesAPendingPayment() {
        assertEquals(new Transition(PaymentState.CANCELED, Effect.NONE), PaymentState.PENDING.on(Event.CANCELED));
        assertNull(PaymentState.SUCCEEDED.on(Event.CANCELED), "money that moved is undone only by a refund");
        assertNull(PaymentState.CANCELED.on(Event.CANCELED));
        assertNull(PaymentState.REFUNDED.on(Event.CANCELED));
    }

    @Test
    void refund_reversesOnlyWhatWasCredited() {
        assertEquals(new Transition(PaymentState.REFUNDED, Effect.REVERSE), PaymentState.SUCCEEDED.on(Event.REFUNDED));
        assertEquals(new Transition(PaymentState.REFUNDED, Effect.NONE), PaymentState.PENDING.on(Event.REFUNDED));
        assertEquals(new Transition(PaymentState.REFUNDED, Effect.NONE), PaymentState.CANCELED.on(Event.REFUNDED));
        assertNull(PaymentState.REFUNDED.on(Event.REFUNDED));
    }

    @Test
    void everyOrderOfOneSuccessAndOneRefund_endsRefundedWithNoMoneyLeft() {
        // success then refund: credit, reverse; refund then success: nothing, nothing.
        long net = 0;
        PaymentState state = PaymentState.PENDING;
        for (Event event : new Event[] {Event.SUCCEEDED, Event.REFUNDED}) {
            Transition t = state.on(event);
            net += t.effect() == Effect.CREDIT ? 1 : t.effect() == Effect.REVERSE ? -1 : 0;
            state = t.to();
        }
        assertEquals(PaymentState.REFUNDED, state);
        assertEquals(0, net);
        Transition refundFirst = PaymentState.PENDING.on(Event.REFUNDED);
        assertEquals(Effect.NONE, refundFirst.effect());
        assertNull(refundFirst.to().on(Event.SUCCEEDED));
    }
}
