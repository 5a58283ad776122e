package ru.rossgram.paymentsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.PaymentCard;
import ru.rossgram.shared.payments.providers.ProviderEvent;

/** Our gateways and the simulator, written apart, agree: create, pay, cancel, refund, and forged deliveries. */
class GatewaysAgainstSimulatorTest {
    private final SimulatedProviders providers = new SimulatedProviders();
    private final GatewayWebhooks webhooks = providers.webhooks;
    private final List<ProviderEvent> events = webhooks.events;
    private final PaymentSimulator simulator = providers.simulator;
    private final PaymentGateways gateways = providers.gateways;

    @AfterEach
    void stop() {
        providers.close();
    }

    @Test
    void yookassa_payThenRefund_creditsOnceAndRefunds_andAForgedSuccessIsTurnedAway() {
        String id = create(PaymentProvider.YOOKASSA, "01JYOO").providerPaymentId();
        String other = create(PaymentProvider.YOOKASSA, "01JYOO2").providerPaymentId();
        Notice forged = new Notice(Provider.YOOKASSA, ("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\""
                + other + "\"}}").getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertEquals(400, simulator.deliver(forged).status()); // the API says it is still pending

        Notice paid = simulator.prepare(Provider.YOOKASSA, id, Action.PAY, SimulatedCard.numbered(42));
        assertEquals(new WebhookAnswer(200, ""), simulator.deliver(paid));
        assertEquals(new WebhookAnswer(200, ""), simulator.deliver(paid));
        assertEquals(new WebhookAnswer(200, ""), simulator.refund(Provider.YOOKASSA, id));

        assertEquals(3, events.size());
        assertEquals(events.get(0), events.get(1)); // a redelivery carries the same event key
        assertEquals(new ProviderEvent(PaymentProvider.YOOKASSA, "payment.succeeded:" + id, PaymentState.Event.SUCCEEDED,
                "01JYOO", id, Money.rub(19900), new PaymentCard("220220", "0042", "0929", null)), events.get(0),
                "payment_method.card, as the API shows the payment, names the card chosen");
        assertEquals(PaymentState.Event.REFUNDED, events.get(2).kind());
        assertEquals(id, events.get(2).providerPaymentId());
    }

    @Test
    void tbank_payAndRefund_areReadFromSignedNotifications_andATamperedOneIsNotOk() {
        String id = create(PaymentProvider.TBANK, "01JTB").providerPaymentId();
        Notice paid = simulator.prepare(Provider.TBANK, id, Action.PAY);

        assertEquals(new WebhookAnswer(400, "NOTOK"), simulator.deliver(paid.withBody(paid.bodyText().replace("19900", "100"))));
        assertEquals(new WebhookAnswer(200, "OK"), simulator.deliver(paid));
        assertEquals(new WebhookAnswer(200, "OK"), simulator.refund(Provider.TBANK, id));

        PaymentCard card = new PaymentCard("430000", "0777", "1230", "tbank:322264"); // the default: Pan, ExpDate, CardId
        assertEquals(List.of(
                new ProviderEvent(PaymentProvider.TBANK, id + ":CONFIRMED", PaymentState.Event.SUCCEEDED, "01JTB", id, Money.rub(19900), card),
                new ProviderEvent(PaymentProvider.TBANK, id + ":REFUNDED", PaymentState.Event.REFUNDED, "01JTB", id, Money.rub(19900), card)), events);
    }

    @Test
    void cloudPayments_failThenPayThenRefund_andABadHmacIsCode13() {
        String id = create(PaymentProvider.CLOUDPAYMENTS, "01JCP").providerPaymentId();
        assertEquals(new WebhookAnswer(200, "{\"code\":0}"), simulator.cancel(Provider.CLOUDPAYMENTS, id));
        Notice paid = simulator.prepare(Provider.CLOUDPAYMENTS, id, Action.PAY, SimulatedCard.numbered(7));
        assertEquals(new WebhookAnswer(401, "{\"code\":13}"), simulator.deliver(paid.withBody(paid.bodyText().replace("199.00", "1.00"))));
        assertEquals(new WebhookAnswer(200, "{\"code\":0}"), simulator.deliver(paid));
        assertEquals(new WebhookAnswer(200, "{\"code\":0}"), simulator.refund(Provider.CLOUDPAYMENTS, id));

        assertEquals(List.of(PaymentState.Event.CANCELED, PaymentState.Event.SUCCEEDED, PaymentState.Event.REFUNDED),
                events.stream().map(ProviderEvent::kind).toList());
        assertTrue(events.stream().allMatch(e -> "01JCP".equals(e.paymentId()) && e.amount().equals(Money.rub(19900))));
        assertEquals(events.get(1).providerPaymentId(), events.get(2).providerPaymentId()); // the refund names the payment
        assertEquals(new PaymentCard("220220", "0007", "0929", null), events.get(1).card(), "CardFirstSix, CardLastFour, CardExpDate");
    }

    @Test
    void robokassa_thePageAcceptsOurSignedUrl_andResultUrlIsAnsweredOkInvId() throws Exception {
        CreatedPayment created = create(PaymentProvider.ROBOKASSA, "01JRK");
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(created.confirmationUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());

        Notice result = simulator.prepare(Provider.ROBOKASSA, "77", Action.PAY);
        assertEquals(new WebhookAnswer(400, "bad sign"), simulator.deliver(result.withBody(result.bodyText().replace("199.0", "1.0"))));
        assertEquals(new WebhookAnswer(200, "OK77"), simulator.deliver(result));

        assertEquals(List.of(new ProviderEvent(PaymentProvider.ROBOKASSA, "result:77", PaymentState.Event.SUCCEEDED,
                "01JRK", "77", Money.rub(19900))), events, "Robokassa's Result URL carries no card");
    }

    private CreatedPayment create(PaymentProvider provider, String paymentId) {
        PaymentGateway gateway = gateways.of(provider).orElseThrow();
        return gateway.create(new PaymentOrder(paymentId, 77, Money.rub(19900), "Rossgram Pro", "https://rossgram.ru/back"));
    }
}
