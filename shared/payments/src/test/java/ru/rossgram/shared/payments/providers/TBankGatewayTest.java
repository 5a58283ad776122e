package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

class TBankGatewayTest {
    private static final String PASSWORD = "tbank-password";
    private final TBankGateway gateway = new TBankGateway(new TBankConfig("http://127.0.0.1:9/v2", "TerminalDEMO", PASSWORD), LoopbackApi.client());

    @Test
    void token_matchesTheWorkedExampleInTBanksDocs() {
        Map<String, String> init = new LinkedHashMap<>();
        init.put("TerminalKey", "MerchantTerminalKey");
        init.put("Amount", "19200");
        init.put("OrderId", "00000");
        init.put("Description", "Подарочная карта на 1000 рублей");
        assertEquals("72dd466f8ace0a37a1f740ce5fb78101712bc0665d91a8108c7c8a0ccd426db2", TBankToken.of(init, "11111111111111"));
    }

    @Test
    void docsNotificationExample_verifies_andAnAuthorizationAloneChangesNothing() {
        var docs = new TBankGateway(new TBankConfig("http://127.0.0.1:9/v2", "1234567890DEMO", "11111111111"), LoopbackApi.client());
        String body = "{\"TerminalKey\":\"1234567890DEMO\",\"OrderId\":\"000000\",\"Success\":true,\"Status\":\"AUTHORIZED\","
                + "\"PaymentId\":\"0000000\",\"ErrorCode\":\"0\",\"Amount\":1111,\"CardId\":\"000000\",\"Pan\":\"200000******0000\","
                + "\"ExpDate\":\"1111\",\"RebillId\":\"000000\",\"Token\":\"1c0964277d0213349243065a0d5b838b8e90d2d25f740d0f2767836e710e80c8\"}";
        var verified = assertInstanceOf(Notification.Verified.class, docs.read(delivery(body)));
        assertEquals(List.of(), verified.events());
        assertEquals(WebhookReply.text(200, "OK"), verified.acknowledgement());
    }

    @Test
    void confirmedNotification_isASuccessOfOurOrder_inKopecks() {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(delivery(signed("CONFIRMED", 19900))));
        assertEquals(List.of(new ProviderEvent(PaymentProvider.TBANK, "7000001:CONFIRMED", PaymentState.Event.SUCCEEDED,
                "01JPAYMENT", "7000001", Money.rub(19900))), verified.events());
    }

    @Test
    void rejectedAndRefundedNotifications_cancelAndRefund() {
        assertEquals(PaymentState.Event.CANCELED, onlyEvent(signed("REJECTED", 19900)).kind());
        assertEquals(PaymentState.Event.REFUNDED, onlyEvent(signed("REFUNDED", 19900)).kind());
        assertEquals("7000001:REFUNDED", onlyEvent(signed("REFUNDED", 19900)).eventKey());
    }

    @Test
    void partialRefund_isAcknowledgedWithoutAnEvent() {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(delivery(signed("PARTIAL_REFUNDED", 500))));
        assertEquals(List.of(), verified.events());
    }

    @Test
    void tamperedAmount_isRefusedWithNotOk() {
        String tampered = signed("CONFIRMED", 19900).replace("\"Amount\":19900", "\"Amount\":1");
        var refused = assertInstanceOf(Notification.Refused.class, gateway.read(delivery(tampered)));
        assertEquals(WebhookReply.text(400, "NOTOK"), refused.reply());
    }

    @Test
    void missingToken_andAnotherTerminal_andGarbage_areRefused() {
        String unsigned = signed("CONFIRMED", 19900).replaceAll(",\"Token\":\"[0-9a-f]+\"", "");
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery(unsigned)));
        var other = new TBankGateway(new TBankConfig("http://127.0.0.1:9/v2", "OtherTerminal", PASSWORD), LoopbackApi.client());
        assertInstanceOf(Notification.Refused.class, other.read(delivery(signed("CONFIRMED", 19900))));
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery("not json")));
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery("{\"Token\":\"a\",\"Token\":\"b\"}")));
    }

    @Test
    void unconfiguredGateway_refusesEvenAnOtherwiseValidNotification() {
        var blank = new TBankGateway(new TBankConfig("http://127.0.0.1:9/v2", "TerminalDEMO", ""), LoopbackApi.client());
        assertEquals(false, blank.configured());
        assertInstanceOf(Notification.Refused.class, blank.read(delivery(signedWith("CONFIRMED", 19900, ""))));
    }

    @Test
    void create_sendsASignedInit_andAnswersThePaymentUrl() throws Exception {
        try (var api = new LoopbackApi()) {
            api.answer("POST /v2/Init", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"NEW\",\"PaymentId\":\"3093639567\","
                    + "\"PaymentURL\":\"https://securepay.tinkoff.ru/new/fU1ppgqa\"}");
            var created = new TBankGateway(new TBankConfig(api.url("/v2/"), "TerminalDEMO", PASSWORD), LoopbackApi.client())
                    .create(new PaymentOrder("01JPAYMENT", 42, Money.rub(19900), "Rossgram Pro", "https://rossgram.ru/back"));

            assertEquals(new CreatedPayment("3093639567", java.net.URI.create("https://securepay.tinkoff.ru/new/fU1ppgqa")), created);
            JsonNode sent = new ObjectMapper().readTree(api.calls.get(0).body());
            assertEquals(19900, sent.path("Amount").asLong());
            assertEquals("01JPAYMENT", sent.path("OrderId").asText());
            assertEquals("https://rossgram.ru/back", sent.path("SuccessURL").asText());
            Map<String, String> values = new LinkedHashMap<>();
            sent.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asText()));
            assertEquals(TBankToken.of(values, PASSWORD), sent.path("Token").asText());
        }
    }

    @Test
    void create_whenInitSaysNo_isProviderUnavailable() {
        try (var api = new LoopbackApi()) {
            api.answer("POST /v2/Init", 200, "{\"Success\":false,\"ErrorCode\":\"204\",\"Message\":\"Неверный токен\"}");
            var gateway = new TBankGateway(new TBankConfig(api.url("/v2"), "TerminalDEMO", PASSWORD), LoopbackApi.client());
            var e = assertThrows(ProviderUnavailableException.class,
                    () -> gateway.create(new PaymentOrder("01JPAYMENT", 42, Money.rub(19900), "Pro", "https://r")));
            assertTrue(e.getMessage().contains("204"));
        }
    }

    private ProviderEvent onlyEvent(String body) {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(delivery(body)));
        assertEquals(1, verified.events().size());
        return verified.events().get(0);
    }

    private static String signed(String status, long amount) {
        return signedWith(status, amount, PASSWORD);
    }

    /** A notification shaped like T-Bank's: numbers and booleans unquoted, a nested object left out of the Token. */
    private static String signedWith(String status, long amount, String password) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("TerminalKey", "TerminalDEMO");
        values.put("OrderId", "01JPAYMENT");
        values.put("Success", "true");
        values.put("Status", status);
        values.put("PaymentId", "7000001");
        values.put("ErrorCode", "0");
        values.put("Amount", Long.toString(amount));
        String token = TBankToken.of(values, password);
        return "{\"TerminalKey\":\"TerminalDEMO\",\"OrderId\":\"01JPAYMENT\",\"Success\":true,\"Status\":\"" + status
                + "\",\"PaymentId\":7000001,\"ErrorCode\":\"0\",\"Amount\":" + amount + ",\"Data\":{\"x\":\"y\"},\"Token\":\"" + token + "\"}";
    }

    private static WebhookDelivery delivery(String body) {
        return new WebhookDelivery(body.getBytes(StandardCharsets.UTF_8), Map.of("content-type", "application/json"), "91.194.226.10");
    }
}
