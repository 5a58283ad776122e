package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentState;

/** Token payments: the first payment is made for an {@code AccountId}, its Pay carries the {@code Token} we charge later. */
class CloudPaymentsGatewayRecurringTest {
    private static final String SECRET = "cp-api-secret";
    private static final String TOKEN = "tk_020a924486aa4df254331afa33f2a";
    private static final PaymentOrder RENEWAL = new PaymentOrder("01JRENEW", 9, Money.rub(29900), "Продление", null, false, "01JBUYER");
    private final LoopbackApi api = new LoopbackApi();
    private final CloudPaymentsGateway gateway = new CloudPaymentsGateway(new CloudPaymentsConfig(api.url(""), "pk_test", SECRET),
            LoopbackApi.client());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void create_ofAnOrderThatSavesItsMethod_namesTheBuyerAsAccountId_andAOneOffDoesNot() throws Exception {
        api.answer("POST /orders/create", 200, "{\"Model\":{\"Id\":\"f2K8LV6reGE9WBFn\",\"Url\":\"https://orders.cloudpayments.ru/d/f2K8\"},"
                + "\"Success\":true,\"Message\":null}");

        gateway.create(new PaymentOrder("01JSUB", 7, Money.rub(29900), "Подписка", "https://r", true, "01JBUYER"));
        gateway.create(new PaymentOrder("01JONE", 8, Money.rub(29900), "Пост", "https://r"));

        assertEquals("01JBUYER", sent(0).path("AccountId").asText());
        assertFalse(sent(1).has("AccountId"));
    }

    @Test
    void payOfAnAccount_reportsItsToken_whileAOneOffPay_andAFail_reportNone() {
        String pay = "TransactionId=1504&Amount=299.00&Currency=RUB&InvoiceId=01JSUB&AccountId=01JBUYER&OperationType=Payment"
                + "&Status=Completed&Token=" + TOKEN;
        assertEquals(TOKEN, onlyEvent(pay).savedMethod());
        assertNull(onlyEvent(pay.replace("&AccountId=01JBUYER", "")).savedMethod());
        ProviderEvent fail = onlyEvent("TransactionId=1505&Amount=299.00&Currency=RUB&InvoiceId=01JSUB&AccountId=01JBUYER"
                + "&OperationType=Payment&Reason=InsufficientFunds&ReasonCode=5051&Token=" + TOKEN);
        assertEquals(PaymentState.Event.CANCELED, fail.kind());
        assertNull(fail.savedMethod());
    }

    @Test
    void charge_postsTheTokenAsAMerchantInitiatedScheduledPayment_withOurIdAsXRequestId() throws Exception {
        api.answer("POST /payments/tokens/charge", 200, "{\"Model\":{\"TransactionId\":891,\"Status\":\"Completed\"},\"Success\":true,\"Message\":null}");

        assertEquals(new CreatedPayment("891", null), gateway.charge(RENEWAL, TOKEN));

        LoopbackApi.Call call = api.calls.get(0);
        assertEquals("01JRENEW", call.header("X-Request-ID"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString(("pk_test:" + SECRET).getBytes(StandardCharsets.UTF_8)),
                call.header("Authorization"));
        JsonNode sent = sent(0);
        assertTrue(call.body().contains("\"Amount\":299.00"), call.body());
        assertEquals("RUB", sent.path("Currency").asText());
        assertEquals("01JBUYER", sent.path("AccountId").asText());
        assertEquals(TOKEN, sent.path("Token").asText());
        assertEquals("01JRENEW", sent.path("InvoiceId").asText());
        assertEquals("Продление", sent.path("Description").asText());
        assertEquals(0, sent.path("TrInitiatorCode").asInt(-1));
        assertEquals(1, sent.path("PaymentScheduled").asInt());
    }

    @Test
    void charge_declined_stillNamesTheTransaction_forTheFailNotificationToSettle() {
        api.answer("POST /payments/tokens/charge", 200, "{\"Model\":{\"TransactionId\":892,\"Status\":\"Declined\",\"ReasonCode\":5051},"
                + "\"Success\":false,\"Message\":null}");

        assertEquals(new CreatedPayment("892", null), gateway.charge(RENEWAL, TOKEN));
    }

    @Test
    void charge_refusedWithoutATransaction_isProviderUnavailable_andWithoutACustomerIsAProgrammingError() {
        api.answer("POST /payments/tokens/charge", 200, "{\"Success\":false,\"Message\":\"Token not found\"}");

        assertThrows(ProviderUnavailableException.class, () -> gateway.charge(RENEWAL, TOKEN));
        assertThrows(IllegalArgumentException.class,
                () -> gateway.charge(new PaymentOrder("01JRENEW", 9, Money.rub(29900), "Продление", null, false, null), TOKEN));
    }

    private JsonNode sent(int call) throws Exception {
        return new ObjectMapper().readTree(api.calls.get(call).body());
    }

    private ProviderEvent onlyEvent(String form) {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        var verified = assertInstanceOf(Notification.Verified.class,
                gateway.read(new WebhookDelivery(body, Map.of("content-hmac", hmac(body)), "130.193.70.192")));
        assertEquals(1, verified.events().size());
        return verified.events().get(0);
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
