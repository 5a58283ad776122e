package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

class CloudPaymentsGatewayTest {
    private static final String SECRET = "cp-api-secret";
    private static final String PAY = "TransactionId=1504&Amount=199.00&Currency=RUB&PaymentAmount=199.00&PaymentCurrency=RUB"
            + "&DateTime=2025-01-01+12%3A00%3A00&InvoiceId=01JPAYMENT&Description=Rossgram+Pro&OperationType=Payment&Status=Completed";
    private final CloudPaymentsGateway gateway = new CloudPaymentsGateway(
            new CloudPaymentsConfig("http://127.0.0.1:9", "pk_test", SECRET), LoopbackApi.client());

    @Test
    void payNotification_signedOverTheRawBody_isASuccess() {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(signed(PAY)));
        assertEquals(List.of(new ProviderEvent(PaymentProvider.CLOUDPAYMENTS, "pay:1504", PaymentState.Event.SUCCEEDED,
                "01JPAYMENT", "1504", Money.rub(19900))), verified.events());
        assertEquals(WebhookReply.json(200, "{\"code\":0}"), verified.acknowledgement());
    }

    @Test
    void xContentHmac_overTheDecodedBody_isAcceptedToo() {
        String decoded = URLDecoder.decode(PAY, StandardCharsets.UTF_8);
        var delivery = new WebhookDelivery(PAY.getBytes(StandardCharsets.UTF_8),
                Map.of("x-content-hmac", hmac(decoded.getBytes(StandardCharsets.UTF_8))), "130.193.70.192");
        assertInstanceOf(Notification.Verified.class, gateway.read(delivery));
    }

    @Test
    void failNotification_cancels() {
        String fail = "TransactionId=1505&Amount=199.00&Currency=RUB&InvoiceId=01JPAYMENT&OperationType=Payment"
                + "&Reason=InsufficientFunds&ReasonCode=5051";
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(signed(fail)));
        assertEquals(new ProviderEvent(PaymentProvider.CLOUDPAYMENTS, "fail:1505", PaymentState.Event.CANCELED,
                "01JPAYMENT", "1505", Money.rub(19900)), verified.events().get(0));
    }

    @Test
    void refundNotification_refundsThePaymentItNames() {
        String refund = "TransactionId=1600&PaymentTransactionId=1504&Amount=199.00&DateTime=2025-01-02+10%3A00%3A00"
                + "&OperationType=Refund&InvoiceId=01JPAYMENT";
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(signed(refund)));
        assertEquals(new ProviderEvent(PaymentProvider.CLOUDPAYMENTS, "refund:1600", PaymentState.Event.REFUNDED,
                "01JPAYMENT", "1504", Money.rub(19900)), verified.events().get(0));
    }

    @Test
    void authorizedTwoStagePayment_isAcknowledgedWithoutAnEvent() {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(signed(PAY.replace("Completed", "Authorized"))));
        assertEquals(List.of(), verified.events());
    }

    @Test
    void jsonNotification_withItsDecimalAmountAsWritten_isReadToo() {
        String json = "{\"TransactionId\":1504,\"Amount\":199.50,\"Currency\":\"RUB\",\"InvoiceId\":\"01JPAYMENT\",\"Status\":\"Completed\"}";
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(signed(json)));
        assertEquals(Money.rub(19950), verified.events().get(0).amount());
    }

    @Test
    void tamperedBody_wrongSecret_andMissingSignature_areRefusedWithCode13() {
        String signature = hmac(PAY.getBytes(StandardCharsets.UTF_8));
        var tampered = new WebhookDelivery(PAY.replace("199.00", "1.00").getBytes(StandardCharsets.UTF_8),
                Map.of("content-hmac", signature), "130.193.70.192");
        var refused = assertInstanceOf(Notification.Refused.class, gateway.read(tampered));
        assertEquals(WebhookReply.json(401, "{\"code\":13}"), refused.reply());

        var otherShop = new CloudPaymentsGateway(new CloudPaymentsConfig("http://127.0.0.1:9", "pk_test", "another"), LoopbackApi.client());
        assertInstanceOf(Notification.Refused.class, otherShop.read(signed(PAY)));
        assertInstanceOf(Notification.Refused.class,
                gateway.read(new WebhookDelivery(PAY.getBytes(StandardCharsets.UTF_8), Map.of(), "130.193.70.192")));
    }

    @Test
    void create_postsTheOrderWithBasicAuth_andAnswersItsLink() throws Exception {
        try (var api = new LoopbackApi()) {
            api.answer("POST /orders/create", 200, "{\"Model\":{\"Id\":\"f2K8LV6reGE9WBFn\",\"Number\":61,"
                    + "\"Url\":\"https://orders.cloudpayments.ru/d/f2K8LV6reGE9WBFn\"},\"Success\":true,\"Message\":null}");
            var created = new CloudPaymentsGateway(new CloudPaymentsConfig(api.url(""), "pk_test", SECRET), LoopbackApi.client())
                    .create(new PaymentOrder("01JPAYMENT", 7, Money.rub(19900), "Rossgram Pro", "https://rossgram.ru/back"));

            assertEquals(new CreatedPayment("f2K8LV6reGE9WBFn", URI.create("https://orders.cloudpayments.ru/d/f2K8LV6reGE9WBFn")), created);
            LoopbackApi.Call call = api.calls.get(0);
            assertEquals("Basic " + Base64.getEncoder().encodeToString(("pk_test:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                    call.header("Authorization"));
            JsonNode sent = new ObjectMapper().readTree(call.body());
            assertTrue(call.body().contains("\"Amount\":199.00"), call.body()); // roubles, a JSON number
            assertEquals("01JPAYMENT", sent.path("InvoiceId").asText());
            assertEquals("RUB", sent.path("Currency").asText());
        }
    }

    private static WebhookDelivery signed(String body) {
        return new WebhookDelivery(body.getBytes(StandardCharsets.UTF_8),
                Map.of("content-hmac", hmac(body.getBytes(StandardCharsets.UTF_8))), "130.193.70.192");
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
