package ru.rossgram.paymentsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.providers.RefundOrder;

/**
 * Refunds we ask for, through each real gateway against the simulator: the payment is refunded once, whatever the
 * repeats, and ends in a refund event our gateway accepts: the provider's verified notification, or (Robokassa, which
 * notifies no refund) the event the gateway answers.
 */
class RefundsAgainstSimulatorTest {
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(9000);
    private final SimulatedProviders providers = new SimulatedProviders();
    private final PaymentSimulator simulator = providers.simulator;
    private final GatewayWebhooks webhooks = providers.webhooks;

    @AfterEach
    void stop() {
        providers.close();
    }

    @ParameterizedTest
    @EnumSource(value = PaymentProvider.class, names = {"YOOKASSA", "TBANK", "CLOUDPAYMENTS"})
    void aRefund_isNotifiedAfterTheAnswer_andVerifiedByOurGateway_andARepeatRefundsNothingMore(PaymentProvider provider) throws Exception {
        PaymentOrder pledge = order("01JPLEDGE-" + provider.wire());
        ProviderEvent paid = providers.pay(provider, pledge, SimulatedCard.numbered(12));
        RefundOrder refund = refundOf(pledge, paid);

        assertEquals(Optional.empty(), providers.gateway(provider).refund(refund), "the notification settles it");

        ProviderEvent refunded = webhooks.await(e -> e.kind() == PaymentState.Event.REFUNDED);
        assertEquals(paid.providerPaymentId(), refunded.providerPaymentId(), "the refund names the payment it returns");
        assertEquals(Money.rub(19900), refunded.amount());
        assertEquals(SimulatedPayment.State.REFUNDED, payment(provider, pledge).state());

        assertEquals(Optional.empty(), providers.gateway(provider).refund(refund));
        Thread.sleep(200); // a second refund's notification would have come by now
        assertEquals(List.of(refunded), refunds());
    }

    @Test
    void robokassa_sendsNothing_soTheGatewayAnswersTheRefundEvent_theSameForARepeat() throws Exception {
        PaymentOrder pledge = order("01JPLEDGE-rk");
        ProviderEvent paid = providers.pay(PaymentProvider.ROBOKASSA, pledge, SimulatedCard.DEFAULT);
        RefundOrder refund = refundOf(pledge, paid);

        ProviderEvent refunded = providers.gateway(PaymentProvider.ROBOKASSA).refund(refund).orElseThrow();

        assertEquals(new ProviderEvent(PaymentProvider.ROBOKASSA, "refund:" + paid.providerPaymentId(), PaymentState.Event.REFUNDED,
                pledge.paymentId(), paid.providerPaymentId(), Money.rub(19900)), refunded);
        assertEquals(SimulatedPayment.State.REFUNDED, payment(PaymentProvider.ROBOKASSA, pledge).state());
        assertEquals(Optional.of(refunded), providers.gateway(PaymentProvider.ROBOKASSA).refund(refund), "the same event, the same key");
        Thread.sleep(200);
        assertEquals(List.of(), refunds(), "Robokassa notifies no refund");
    }

    @ParameterizedTest
    @EnumSource(PaymentProvider.class)
    void aPaymentNotPaid_isNotRefunded(PaymentProvider provider) {
        PaymentOrder pledge = order("01JPENDING-" + provider.wire());
        CreatedPayment created = providers.open(provider, pledge);
        // CloudPayments knows a payment by its transaction, which an unpaid order does not have yet.
        String providerPaymentId = provider == PaymentProvider.CLOUDPAYMENTS ? "4242" : created.providerPaymentId();

        assertThrows(ProviderUnavailableException.class, () -> providers.gateway(provider).refund(
                new RefundOrder(pledge.paymentId(), pledge.orderNumber(), providerPaymentId, pledge.amount(), "refund:" + pledge.paymentId())));

        assertEquals(SimulatedPayment.State.PENDING, payment(provider, pledge).state());
    }

    @Test
    void robokassa_aRefundSignedWithAnotherPassword3_isRefused_andThePaymentStaysPaid() {
        PaymentOrder pledge = order("01JPLEDGE-rk-forged");
        ProviderEvent paid = providers.pay(PaymentProvider.ROBOKASSA, pledge, SimulatedCard.DEFAULT);

        assertThrows(ProviderUnavailableException.class, () -> providers.robokassa("not-the-password").refund(refundOf(pledge, paid)));

        assertEquals(SimulatedPayment.State.SUCCEEDED, payment(PaymentProvider.ROBOKASSA, pledge).state());
    }

    @Test
    void yookassa_anotherKeyForARefundedPayment_isRefused() {
        PaymentOrder pledge = order("01JPLEDGE-yoo-twice");
        ProviderEvent paid = providers.pay(PaymentProvider.YOOKASSA, pledge, SimulatedCard.DEFAULT);
        providers.gateway(PaymentProvider.YOOKASSA).refund(refundOf(pledge, paid));

        assertThrows(ProviderUnavailableException.class, () -> providers.gateway(PaymentProvider.YOOKASSA).refund(
                new RefundOrder(pledge.paymentId(), pledge.orderNumber(), paid.providerPaymentId(), pledge.amount(), "another-key")));
        assertTrue(webhooks.await(e -> e.kind() == PaymentState.Event.REFUNDED).eventKey().startsWith("refund.succeeded:"));
    }

    private static PaymentOrder order(String paymentId) {
        return new PaymentOrder(paymentId, ORDER_NUMBERS.incrementAndGet(), Money.rub(19900), "Поддержка кампании", "https://rossgram.ru/back");
    }

    private static RefundOrder refundOf(PaymentOrder order, ProviderEvent paid) {
        return new RefundOrder(order.paymentId(), order.orderNumber(), paid.providerPaymentId(), order.amount(), "refund:" + order.paymentId());
    }

    private SimulatedPayment payment(PaymentProvider provider, PaymentOrder order) {
        return simulator.paymentByReference(SimulatedProviders.simulated(provider), order.paymentId()).orElseThrow();
    }

    private List<ProviderEvent> refunds() {
        return webhooks.events.stream().filter(e -> e.kind() == PaymentState.Event.REFUNDED).toList();
    }
}
