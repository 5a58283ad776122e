package ru.rossgram.paymentsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;

/**
 * Our gateways and the simulator on recurring payments: a first payment saves the card, a charge of it without the
 * buyer is decided by the card and notified asynchronously, repeats charge once, and held notices wait for the test.
 */
class PaymentSimulatorChargesTest {
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(5000);
    private static final SimulatedCard CARD = SimulatedCard.numbered(31);

    private final HttpClient http = HttpClient.newHttpClient();
    private final SimulatedProviders providers = new SimulatedProviders();
    private final GatewayWebhooks webhooks = providers.webhooks;
    private final PaymentSimulator simulator = providers.simulator;
    private final PaymentGateways gateways = providers.gateways;

    @AfterEach
    void stop() {
        providers.close();
    }

    @ParameterizedTest
    @EnumSource(PaymentProvider.class)
    void firstPaymentSavesTheCard_andAChargeOfItSucceeds_notifiedAfterTheAnswer(PaymentProvider provider) {
        String savedMethod = subscribe(provider, "01JSUB-" + provider.wire());

        PaymentOrder renewal = renewal("01JRENEW-" + provider.wire());
        CreatedPayment charged = gateway(provider).charge(renewal, savedMethod);

        assertNull(charged.confirmationUrl());
        ProviderEvent success = webhooks.await(e -> renewal.paymentId().equals(e.paymentId()));
        assertEquals(PaymentState.Event.SUCCEEDED, success.kind());
        assertEquals(Money.rub(29900), success.amount());
        assertEquals(charged.providerPaymentId(), success.providerPaymentId());
        SimulatedPayment payment = simulator.paymentByReference(simulator(provider), renewal.paymentId()).orElseThrow();
        assertTrue(payment.merchantInitiated());
        assertEquals(CARD, payment.card());
        assertEquals(SimulatedPayment.State.SUCCEEDED, payment.state());
    }

    @ParameterizedTest
    @EnumSource(value = PaymentProvider.class, names = {"YOOKASSA", "TBANK", "CLOUDPAYMENTS"})
    void aChargeOfACardSetToDecline_isNotifiedAsACancel(PaymentProvider provider) {
        String savedMethod = subscribe(provider, "01JSUB-" + provider.wire());
        simulator.declineCharges(CARD, true);

        PaymentOrder renewal = renewal("01JRENEW-" + provider.wire());
        gateway(provider).charge(renewal, savedMethod);

        ProviderEvent decline = webhooks.await(e -> renewal.paymentId().equals(e.paymentId()));
        assertEquals(PaymentState.Event.CANCELED, decline.kind());
        assertNull(decline.savedMethod());
        assertEquals(SimulatedPayment.State.CANCELED,
                simulator.paymentByReference(simulator(provider), renewal.paymentId()).orElseThrow().state());
    }

    @Test
    void robokassa_declinedChargeSendsNothing_andOpStateExtTellsTheOutcome() throws Exception {
        String parent = subscribe(PaymentProvider.ROBOKASSA, "01JSUB-rk");
        PaymentGateway robokassa = gateway(PaymentProvider.ROBOKASSA);
        simulator.declineCharges(CARD, true);
        PaymentOrder declined = renewal("01JRENEW-rk-declined");
        String declinedInvId = robokassa.charge(declined, parent).providerPaymentId();
        simulator.declineCharges(CARD, false);
        PaymentOrder paid = renewal("01JRENEW-rk-paid");
        String paidInvId = robokassa.charge(paid, parent).providerPaymentId();

        ProviderEvent result = webhooks.await(e -> paid.paymentId().equals(e.paymentId()));
        Thread.sleep(200); // a declined charge's ResultURL would have come by now
        assertEquals(List.of(result), webhooks.events.stream().filter(e -> e.paymentId().startsWith("01JRENEW")).toList());
        assertEquals(PaymentState.Event.CANCELED, robokassa.outcome(declined, declinedInvId).orElseThrow().kind());
        assertEquals(Optional.of(result), robokassa.outcome(paid, paidInvId), "the same event, the same key, as the ResultURL");
        assertEquals(Optional.empty(), robokassa.outcome(renewal("01JNEVER"), "999999"));
    }

    @ParameterizedTest
    @EnumSource(PaymentProvider.class)
    void aRepeatedCharge_answersTheSamePayment_andChargesOnce(PaymentProvider provider) throws Exception {
        String savedMethod = subscribe(provider, "01JSUB-" + provider.wire());
        PaymentOrder renewal = renewal("01JRENEW-" + provider.wire());

        CreatedPayment first = gateway(provider).charge(renewal, savedMethod);
        CreatedPayment again = gateway(provider).charge(renewal, savedMethod);

        assertEquals(first, again);
        webhooks.await(e -> renewal.paymentId().equals(e.paymentId()));
        Thread.sleep(200);
        assertEquals(1, simulator.payments(simulator(provider)).stream()
                .filter(p -> p.merchantReference().equals(renewal.paymentId())).count());
        assertEquals(1, webhooks.events.stream().filter(e -> renewal.paymentId().equals(e.paymentId())).count());
    }

    @ParameterizedTest
    @EnumSource(PaymentProvider.class)
    void heldNotices_waitForTheTest_whichMayDeliverThemTwice_andAChargedPaymentRefunds(PaymentProvider provider) throws Exception {
        String savedMethod = subscribe(provider, "01JSUB-" + provider.wire());
        simulator.holdNotices(true);
        PaymentOrder renewal = renewal("01JRENEW-" + provider.wire());
        String chargedId = gateway(provider).charge(renewal, savedMethod).providerPaymentId();
        Thread.sleep(200);
        assertTrue(webhooks.events.stream().noneMatch(e -> renewal.paymentId().equals(e.paymentId())), "held, not delivered");

        List<Notice> held = simulator.heldNotices();

        assertEquals(1, held.size());
        assertEquals(List.of(), simulator.heldNotices());
        simulator.deliver(held.get(0));
        simulator.deliver(held.get(0));
        List<ProviderEvent> received = webhooks.events.stream().filter(e -> renewal.paymentId().equals(e.paymentId())).toList();
        assertEquals(2, received.size());
        assertEquals(received.get(0).eventKey(), received.get(1).eventKey(), "a duplicate carries the same event key");
        SimulatedPayment payment = simulator.paymentByReference(simulator(provider), renewal.paymentId()).orElseThrow();
        assertEquals(chargedId, payment.id());
        simulator.refund(simulator(provider), payment.id());
        assertEquals(SimulatedPayment.State.REFUNDED, payment.state());
    }

    @Test
    void cardsDeclineAndAcceptOverHttp_theDefaultCardToo() throws Exception {
        assertEquals(200, post("/_control/cards/31/decline"));
        String savedMethod = subscribe(PaymentProvider.YOOKASSA, "01JSUB-http");
        PaymentOrder declined = renewal("01JRENEW-http-1");
        gateway(PaymentProvider.YOOKASSA).charge(declined, savedMethod);
        assertEquals(PaymentState.Event.CANCELED, webhooks.await(e -> declined.paymentId().equals(e.paymentId())).kind());

        assertEquals(200, post("/_control/cards/31/accept"));
        PaymentOrder accepted = renewal("01JRENEW-http-2");
        gateway(PaymentProvider.YOOKASSA).charge(accepted, savedMethod);
        assertEquals(PaymentState.Event.SUCCEEDED, webhooks.await(e -> accepted.paymentId().equals(e.paymentId())).kind());

        assertEquals(200, post("/_control/cards/default/decline"));
        assertEquals(404, post("/_control/cards/x/decline"));
        assertEquals(404, post("/_control/cards/31/maybe"));
    }

    @Test
    void aMethodIsSavedOnlyWhenAsked_andPaymentsAreListedOldestFirst() {
        PaymentGateway yookassa = gateway(PaymentProvider.YOOKASSA);
        String oneOff = yookassa.create(new PaymentOrder("01JONE", ORDER_NUMBERS.incrementAndGet(), Money.rub(100), "Пост", "https://r"))
                .providerPaymentId();
        simulator.pay(Provider.YOOKASSA, oneOff, CARD);
        String saved = subscribe(PaymentProvider.YOOKASSA, "01JSUB");

        assertNull(webhooks.events.get(0).savedMethod());
        assertNotNull(saved);
        assertEquals(List.of("01JONE", "01JSUB"), simulator.payments(Provider.YOOKASSA).stream().map(SimulatedPayment::merchantReference).toList());
        assertEquals(saved, simulator.paymentByReference(Provider.YOOKASSA, "01JSUB").orElseThrow().savedMethod());
    }

    /** A subscription's first payment, paid with {@link #CARD}; answers the saved method its success reported. */
    private String subscribe(PaymentProvider provider, String paymentId) {
        PaymentOrder first = new PaymentOrder(paymentId, ORDER_NUMBERS.incrementAndGet(), Money.rub(29900), "Подписка",
                "https://rossgram.ru/back", true, "01JBUYER");
        CreatedPayment created = gateway(provider).create(first);
        if (provider == PaymentProvider.ROBOKASSA) {
            open(created.confirmationUrl()); // Robokassa learns of the payment when the buyer opens its page
        }
        WebhookAnswer answer = simulator.pay(simulator(provider), created.providerPaymentId(), CARD);
        assertEquals(200, answer.status(), answer.body());
        ProviderEvent success = webhooks.await(e -> paymentId.equals(e.paymentId()));
        assertEquals(PaymentState.Event.SUCCEEDED, success.kind());
        assertNotNull(success.savedMethod(), "the success of a payment that saves its method names it");
        return success.savedMethod();
    }

    private PaymentOrder renewal(String paymentId) {
        return new PaymentOrder(paymentId, ORDER_NUMBERS.incrementAndGet(), Money.rub(29900), "Продление подписки", null, false, "01JBUYER");
    }

    private PaymentGateway gateway(PaymentProvider provider) {
        return gateways.of(provider).orElseThrow();
    }

    private static Provider simulator(PaymentProvider provider) {
        return Provider.fromWire(provider.wire());
    }

    private void open(URI page) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
