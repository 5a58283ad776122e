package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;

/** Recurrent payments: a parent {@code Init} with {@code Recurrent=Y}, its {@code RebillId}, then {@code Init} + {@code Charge}. */
class TBankGatewayRecurringTest {
    private static final String PASSWORD = "tbank-password";
    private static final PaymentOrder RENEWAL = new PaymentOrder("01JRENEW", 9, Money.rub(29900), "Продление", null, false, "01JBUYER");
    private final LoopbackApi api = new LoopbackApi();
    private final TBankGateway gateway = new TBankGateway(new TBankConfig(api.url("/v2"), "TerminalDEMO", PASSWORD), LoopbackApi.client());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void create_ofAnOrderThatSavesItsMethod_isRecurrentForTheBuyer_andDataStaysOutOfTheToken() throws Exception {
        api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"NEW\",\"PaymentId\":\"3093639567\","
                + "\"PaymentURL\":\"https://securepay.tinkoff.ru/new/fU1ppgqa\"}");

        gateway.create(new PaymentOrder("01JSUB", 7, Money.rub(29900), "Подписка", "https://r", true, "01JBUYER"));

        JsonNode sent = sent(0);
        assertEquals("Y", sent.path("Recurrent").asText());
        assertEquals("01JBUYER", sent.path("CustomerKey").asText());
        assertEquals("1", sent.path("DATA").path("OperationInitiatorType").asText());
        assertEquals(tokenOfRootScalars(sent), sent.path("Token").asText());
    }

    @Test
    void create_savingWithoutACustomer_isAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> gateway.create(new PaymentOrder("01JSUB", 7, Money.rub(29900), "Подписка", "https://r", true, null)));
    }

    @Test
    void confirmedNotification_carryingRebillId_reportsItAsTheSavedMethod_andOneWithoutReportsNone() {
        assertEquals("145919", onlyEvent(notification("CONFIRMED", ",\"RebillId\":145919", "RebillId", "145919")).savedMethod());
        assertNull(onlyEvent(notification("CONFIRMED", "", null, null)).savedMethod());
        assertNull(onlyEvent(notification("REJECTED", ",\"RebillId\":145919", "RebillId", "145919")).savedMethod());
    }

    @Test
    void charge_initsAMerchantInitiatedPayment_thenChargesTheRebillId_signedBothTimes() throws Exception {
        api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"NEW\",\"PaymentId\":\"700042\"}");
        api.answer("POST /v2/Charge", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"CONFIRMED\",\"PaymentId\":\"700042\"}");

        assertEquals(new CreatedPayment("700042", null), gateway.charge(RENEWAL, "145919"));

        JsonNode init = sent(0);
        assertEquals("01JRENEW", init.path("OrderId").asText());
        assertEquals(29900, init.path("Amount").asLong());
        assertEquals("01JBUYER", init.path("CustomerKey").asText());
        assertEquals("R", init.path("DATA").path("OperationInitiatorType").asText());
        assertFalse(init.has("Recurrent"));
        assertEquals(tokenOfRootScalars(init), init.path("Token").asText());
        assertEquals("/v2/Charge", api.calls.get(1).path());
        JsonNode charge = sent(1);
        assertEquals("TerminalDEMO", charge.path("TerminalKey").asText());
        assertEquals("700042", charge.path("PaymentId").asText());
        assertEquals("145919", charge.path("RebillId").asText());
        assertEquals(tokenOfRootScalars(charge), charge.path("Token").asText());
    }

    @Test
    void charge_declinedByTheBank_stillNamesThePayment_forTheRejectedNotificationToSettle() {
        api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"NEW\",\"PaymentId\":\"700042\"}");
        api.answer("POST /v2/Charge", 200, "{\"Success\":false,\"ErrorCode\":\"1051\",\"Status\":\"REJECTED\",\"PaymentId\":\"700042\","
                + "\"Message\":\"Недостаточно средств\"}");

        assertEquals(new CreatedPayment("700042", null), gateway.charge(RENEWAL, "145919"));
    }

    @Test
    void charge_repeatedAfterThePaymentMovedOn_doesNotChargeAgain() {
        api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"CONFIRMED\",\"PaymentId\":\"700042\"}");

        assertEquals(new CreatedPayment("700042", null), gateway.charge(RENEWAL, "145919"));
        assertEquals(1, api.calls.size());
    }

    @Test
    void charge_refusedOutright_isProviderUnavailable() {
        api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"NEW\",\"PaymentId\":\"700042\"}");
        api.answer("POST /v2/Charge", 200, "{\"Success\":false,\"ErrorCode\":\"204\",\"Message\":\"Неверный токен\"}");

        assertThrows(ProviderUnavailableException.class, () -> gateway.charge(RENEWAL, "145919"));
    }

    private JsonNode sent(int call) throws Exception {
        return new ObjectMapper().readTree(api.calls.get(call).body());
    }

    private static String tokenOfRootScalars(JsonNode request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                values.put(f.getKey(), f.getValue().asText());
            }
        });
        return TBankToken.of(values, PASSWORD);
    }

    private ProviderEvent onlyEvent(String body) {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(new WebhookDelivery(
                body.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"), "91.194.226.10")));
        assertEquals(1, verified.events().size());
        return verified.events().get(0);
    }

    private static String notification(String status, String extraJson, String extraName, String extraValue) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("TerminalKey", "TerminalDEMO");
        values.put("OrderId", "01JSUB");
        values.put("Success", "true");
        values.put("Status", status);
        values.put("PaymentId", "7000001");
        values.put("ErrorCode", "0");
        values.put("Amount", "29900");
        if (extraName != null) {
            values.put(extraName, extraValue);
        }
        return "{\"TerminalKey\":\"TerminalDEMO\",\"OrderId\":\"01JSUB\",\"Success\":true,\"Status\":\"" + status
                + "\",\"PaymentId\":7000001,\"ErrorCode\":\"0\",\"Amount\":29900" + extraJson + ",\"Token\":\""
                + TBankToken.of(values, PASSWORD) + "\"}";
    }
}
