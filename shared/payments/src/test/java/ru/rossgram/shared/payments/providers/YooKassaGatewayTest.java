package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

class YooKassaGatewayTest {
    private static final String PAYMENT = "2d3a1c4e-000f-5000-9000-1a2b3c4d5e6f";
    private final LoopbackApi api = new LoopbackApi();
    private final YooKassaGateway gateway = gateway(false);

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void create_postsTheDocumentedPayment_withIdempotenceKeyAndBasicAuth() throws Exception {
        api.answer("POST /v3/payments", 200, "{\"id\":\"" + PAYMENT + "\",\"status\":\"pending\","
                + "\"confirmation\":{\"type\":\"redirect\",\"confirmation_url\":\"https://yoomoney.ru/checkout/payments/v2/contract?orderId=" + PAYMENT + "\"}}");

        CreatedPayment created = gateway.create(new PaymentOrder("01JPAYMENT", 7, Money.rub(19900), "Rossgram Pro", "https://rossgram.ru/back"));

        assertEquals(PAYMENT, created.providerPaymentId());
        assertEquals(URI.create("https://yoomoney.ru/checkout/payments/v2/contract?orderId=" + PAYMENT), created.confirmationUrl());
        LoopbackApi.Call call = api.calls.get(0);
        assertEquals("01JPAYMENT", call.header("Idempotence-Key"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("123456:test_secret".getBytes(StandardCharsets.UTF_8)), call.header("Authorization"));
        JsonNode sent = new ObjectMapper().readTree(call.body());
        assertEquals("199.00", sent.path("amount").path("value").asText());
        assertEquals("RUB", sent.path("amount").path("currency").asText());
        assertEquals(true, sent.path("capture").asBoolean());
        assertEquals("redirect", sent.path("confirmation").path("type").asText());
        assertEquals("https://rossgram.ru/back", sent.path("confirmation").path("return_url").asText());
        assertEquals("01JPAYMENT", sent.path("metadata").path("paymentId").asText());
    }

    @Test
    void create_refusedByYooKassa_isProviderUnavailable() {
        api.answer("POST /v3/payments", 401, "{\"type\":\"error\",\"code\":\"invalid_credentials\"}");
        assertThrows(ProviderUnavailableException.class,
                () -> gateway.create(new PaymentOrder("01JPAYMENT", 7, Money.rub(19900), "Pro", "https://r")));
    }

    @Test
    void succeededNotification_isBuiltFromThePaymentTheApiReturns_notFromTheNotification() {
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("succeeded", "199.00", "01JPAYMENT"));

        var verified = assertInstanceOf(Notification.Verified.class,
                gateway.read(delivery(notification("payment.succeeded", PAYMENT, "1.00", "01JSOMEONEELSE"))));

        assertEquals(List.of(new ProviderEvent(PaymentProvider.YOOKASSA, "payment.succeeded:" + PAYMENT,
                PaymentState.Event.SUCCEEDED, "01JPAYMENT", PAYMENT, Money.rub(19900))), verified.events());
        assertEquals(200, verified.acknowledgement().status());
    }

    @Test
    void succeededNotification_forAPaymentTheApiSaysIsPending_givesNoSuccess() {
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("pending", "199.00", "01JPAYMENT"));

        var refused = assertInstanceOf(Notification.Refused.class,
                gateway.read(delivery(notification("payment.succeeded", PAYMENT, "199.00", "01JPAYMENT"))));
        assertEquals(400, refused.reply().status()); // YooKassa retries until the API agrees
    }

    @Test
    void notificationForAPaymentYooKassaDoesNotKnow_isRefused() {
        api.answer("GET /v3/payments/" + PAYMENT, 404, "{\"type\":\"error\",\"code\":\"not_found\"}");
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery(notification("payment.succeeded", PAYMENT, "199.00", "x"))));
    }

    @Test
    void canceledNotification_confirmedByTheApi_cancels() {
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("canceled", "199.00", "01JPAYMENT"));
        var verified = assertInstanceOf(Notification.Verified.class,
                gateway.read(delivery(notification("payment.canceled", PAYMENT, "199.00", "01JPAYMENT"))));
        assertEquals(PaymentState.Event.CANCELED, verified.events().get(0).kind());
        assertEquals("payment.canceled:" + PAYMENT, verified.events().get(0).eventKey());
    }

    @Test
    void refundNotification_isTheFetchedRefund_ofItsPayment() {
        api.answer("GET /v3/refunds/216749f7-0016-50be-b000-078d43a63ae4", 200, "{\"id\":\"216749f7-0016-50be-b000-078d43a63ae4\","
                + "\"payment_id\":\"" + PAYMENT + "\",\"status\":\"succeeded\",\"amount\":{\"value\":\"199.00\",\"currency\":\"RUB\"}}");
        String body = "{\"type\":\"notification\",\"event\":\"refund.succeeded\",\"object\":{\"id\":\"216749f7-0016-50be-b000-078d43a63ae4\"}}";

        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(delivery(body)));

        assertEquals(List.of(new ProviderEvent(PaymentProvider.YOOKASSA, "refund.succeeded:216749f7-0016-50be-b000-078d43a63ae4",
                PaymentState.Event.REFUNDED, null, PAYMENT, Money.rub(19900))), verified.events());
    }

    @Test
    void waitingForCapture_isAcknowledgedWithNothingToDo() {
        var verified = assertInstanceOf(Notification.Verified.class,
                gateway.read(delivery(notification("payment.waiting_for_capture", PAYMENT, "199.00", "01JPAYMENT"))));
        assertEquals(List.of(), verified.events());
        assertEquals(List.of(), api.calls);
    }

    @Test
    void garbage_andObjectIdsThatAreNotIds_areRefusedWithoutAskingTheApi() {
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery("payment.succeeded")));
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery(notification("payment.succeeded", "../refunds/x", "1.00", "a"))));
        assertEquals(List.of(), api.calls);
    }

    @Test
    void senderCheck_refusesAddressesOutsideYooKassasNetworks() {
        YooKassaGateway checking = gateway(true);
        api.answer("GET /v3/payments/" + PAYMENT, 200, payment("succeeded", "199.00", "01JPAYMENT"));
        byte[] body = notification("payment.succeeded", PAYMENT, "199.00", "01JPAYMENT").getBytes(StandardCharsets.UTF_8);

        assertInstanceOf(Notification.Refused.class, checking.read(new WebhookDelivery(body, Map.of(), "203.0.113.7")));
        assertInstanceOf(Notification.Refused.class, checking.read(new WebhookDelivery(body, Map.of(), "localhost")));
        assertInstanceOf(Notification.Verified.class, checking.read(new WebhookDelivery(body, Map.of(), "185.71.76.17")));
        assertInstanceOf(Notification.Verified.class, checking.read(new WebhookDelivery(body, Map.of(), "77.75.156.35")));
        assertInstanceOf(Notification.Verified.class, checking.read(new WebhookDelivery(body, Map.of(), "2a02:5180:0:1::20")));
        assertInstanceOf(Notification.Refused.class, checking.read(new WebhookDelivery(body, Map.of(), "77.75.156.36")));
    }

    @Test
    void unreachableApi_isProviderUnavailable_soTheDeliveryFailsAndIsRetried() {
        var offline = new YooKassaGateway(new YooKassaConfig("http://127.0.0.1:9/v3", "123456", "test_secret", false), LoopbackApi.client());
        assertThrows(ProviderUnavailableException.class,
                () -> offline.read(delivery(notification("payment.succeeded", PAYMENT, "199.00", "01JPAYMENT"))));
    }

    @Test
    void apiErrorWhileVerifying_isProviderUnavailable() {
        api.answer("GET /v3/payments/" + PAYMENT, 500, "{\"type\":\"error\",\"code\":\"internal_server_error\"}");
        assertThrows(ProviderUnavailableException.class,
                () -> gateway.read(delivery(notification("payment.succeeded", PAYMENT, "199.00", "01JPAYMENT"))));
    }

    private YooKassaGateway gateway(boolean checkSenderIp) {
        return new YooKassaGateway(new YooKassaConfig(api.url("/v3"), "123456", "test_secret", checkSenderIp), LoopbackApi.client());
    }

    private static String payment(String status, String value, String ours) {
        return "{\"id\":\"" + PAYMENT + "\",\"status\":\"" + status + "\",\"paid\":true,\"amount\":{\"value\":\"" + value
                + "\",\"currency\":\"RUB\"},\"metadata\":{\"paymentId\":\"" + ours + "\"}}";
    }

    private static String notification(String event, String id, String value, String ours) {
        return "{\"type\":\"notification\",\"event\":\"" + event + "\",\"object\":{\"id\":\"" + id + "\",\"status\":\"succeeded\","
                + "\"amount\":{\"value\":\"" + value + "\",\"currency\":\"RUB\"},\"metadata\":{\"paymentId\":\"" + ours + "\"}}}";
    }

    private static WebhookDelivery delivery(String body) {
        return new WebhookDelivery(body.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"), "185.71.76.5");
    }
}
