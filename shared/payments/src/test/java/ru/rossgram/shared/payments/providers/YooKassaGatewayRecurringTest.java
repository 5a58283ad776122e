package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentState;

/** Autopayments: the first payment saves the method, later payments charge it by {@code payment_method_id}. */
class YooKassaGatewayRecurringTest {
    private static final String PAYMENT = "2d3a1c4e-000f-5000-9000-1a2b3c4d5e6f";
    private static final String METHOD = "2d3a1c4e-000f-5000-9000-aaaaaaaaaaaa";
    private final LoopbackApi api = new LoopbackApi();
    private final YooKassaGateway gateway = new YooKassaGateway(new YooKassaConfig(api.url("/v3"), "123456", "test_secret", false),
            LoopbackApi.client());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void create_ofAnOrderThatSavesItsMethod_asksSavePaymentMethod_andAOneOffDoesNot() throws Exception {
        api.answer("POST /v3/payments", 200, "{\"id\":\"" + PAYMENT + "\",\"status\":\"pending\","
                + "\"confirmation\":{\"type\":\"redirect\",\"confirmation_url\":\"https://yoomoney.ru/checkout\"}}");

        gateway.create(new PaymentOrder("01JSUB", 7, Money.rub(29900), "Подписка", "https://r", true, "01JBUYER"));
        gateway.create(new PaymentOrder("01JONE", 8, Money.rub(29900), "Пост", "https://r"));

        assertEquals(true, sent(0).path("save_payment_method").asBoolean());
        assertFalse(sent(1).has("save_payment_method"));
    }

    @Test
    void succeededPayment_whoseMethodIsSaved_reportsTheMethodId() {
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("succeeded", true));

        ProviderEvent event = onlyEvent("payment.succeeded");

        assertEquals(METHOD, event.savedMethod());
        assertEquals(PaymentState.Event.SUCCEEDED, event.kind());
    }

    @Test
    void succeededPayment_whoseMethodIsNotSaved_reportsNone_andACancelNeverDoes() {
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("succeeded", false));
        assertNull(onlyEvent("payment.succeeded").savedMethod());

        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("canceled", true));
        assertNull(onlyEvent("payment.canceled").savedMethod());
    }

    @Test
    void charge_postsThePaymentMethodId_withoutConfirmation_underOurIdempotenceKey() throws Exception {
        api.answer("POST /v3/payments", 200, "{\"id\":\"" + PAYMENT + "\",\"status\":\"succeeded\",\"paid\":true}");

        CreatedPayment charged = gateway.charge(new PaymentOrder("01JRENEW", 9, Money.rub(29900), "Продление", null, false, "01JBUYER"), METHOD);

        assertEquals(new CreatedPayment(PAYMENT, null), charged);
        LoopbackApi.Call call = api.calls.get(0);
        assertEquals("01JRENEW", call.header("Idempotence-Key"));
        JsonNode sent = sent(0);
        assertEquals(METHOD, sent.path("payment_method_id").asText());
        assertEquals(true, sent.path("capture").asBoolean());
        assertEquals("299.00", sent.path("amount").path("value").asText());
        assertEquals("Продление", sent.path("description").asText());
        assertEquals("01JRENEW", sent.path("metadata").path("paymentId").asText());
        assertFalse(sent.has("confirmation"));
        assertFalse(sent.has("save_payment_method"));
    }

    @Test
    void charge_refusedByYooKassa_isProviderUnavailable_andTheOutcomeIsLeftToNotifications() {
        api.answer("POST /v3/payments", 400, "{\"type\":\"error\",\"code\":\"invalid_request\",\"parameter\":\"payment_method_id\"}");
        PaymentOrder order = new PaymentOrder("01JRENEW", 9, Money.rub(29900), "Продление", null, false, "01JBUYER");

        assertThrows(ProviderUnavailableException.class, () -> gateway.charge(order, METHOD));
        assertEquals(Optional.empty(), gateway.outcome(order, PAYMENT));
    }

    private ProviderEvent onlyEvent(String event) {
        String body = "{\"type\":\"notification\",\"event\":\"" + event + "\",\"object\":{\"id\":\"" + PAYMENT + "\"}}";
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(new WebhookDelivery(
                body.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"), "185.71.76.5")));
        assertEquals(1, verified.events().size());
        return verified.events().get(0);
    }

    private JsonNode sent(int call) throws Exception {
        return new ObjectMapper().readTree(api.calls.get(call).body());
    }

    private static String payment(String status, boolean saved) {
        return "{\"id\":\"" + PAYMENT + "\",\"status\":\"" + status + "\",\"paid\":true,\"amount\":{\"value\":\"299.00\",\"currency\":\"RUB\"},"
                + "\"payment_method\":{\"type\":\"bank_card\",\"id\":\"" + METHOD + "\",\"saved\":" + saved + "},"
                + "\"metadata\":{\"paymentId\":\"01JSUB\"}}";
    }
}
