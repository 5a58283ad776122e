package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/** What each gateway sends to refund a payment, and how it reads the provider's answer. */
class GatewayRefundRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoopbackApi api = new LoopbackApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void yookassa_postsTheWholeAmountToRefunds_withTheRefundKeyAsIdempotenceKey() throws Exception {
        YooKassaGateway gateway = new YooKassaGateway(new YooKassaConfig(api.url("/v3"), "123456", "test_secret", false), LoopbackApi.client());
        api.answer("POST /v3/refunds", 200, "{\"id\":\"2f1e-refund\",\"status\":\"succeeded\",\"payment_id\":\"2d3a-pay\","
                + "\"amount\":{\"value\":\"199.00\",\"currency\":\"RUB\"}}");

        assertEquals(Optional.empty(), gateway.refund(order("2d3a-pay")), "the refund.succeeded notification settles it");

        LoopbackApi.Call call = api.calls.get(0);
        assertEquals("refund:01JPAY", call.header("Idempotence-Key"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("123456:test_secret".getBytes(StandardCharsets.UTF_8)), call.header("Authorization"));
        JsonNode sent = JSON.readTree(call.body());
        assertEquals("2d3a-pay", sent.path("payment_id").asText());
        assertEquals("199.00", sent.path("amount").path("value").asText());
        assertEquals("RUB", sent.path("amount").path("currency").asText());
        assertTrue(sent.path("description").asText().contains("01JPAY"));
    }

    @Test
    void yookassa_pendingRefundIsOnItsWay_butACanceledOneOrAnErrorIsProviderUnavailable() {
        YooKassaGateway gateway = new YooKassaGateway(new YooKassaConfig(api.url("/v3"), "123456", "test_secret", false), LoopbackApi.client());
        api.answer("POST /v3/refunds", 200, "{\"id\":\"r1\",\"status\":\"pending\",\"payment_id\":\"p\"}");
        assertEquals(Optional.empty(), gateway.refund(order("p")));

        api.answer("POST /v3/refunds", 200, "{\"id\":\"r1\",\"status\":\"canceled\",\"cancellation_details\":{\"reason\":\"rejected_by_payee\"}}");
        assertTrue(assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("p"))).getMessage().contains("rejected_by_payee"));
        api.answer("POST /v3/refunds", 400, "{\"type\":\"error\",\"code\":\"invalid_request\"}");
        assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("p")));
    }

    @Test
    void tbank_cancelsTheConfirmedPaymentForItsWholeAmount_signed() throws Exception {
        TBankGateway gateway = new TBankGateway(new TBankConfig(api.url("/v2"), "TerminalDEMO", "tbank-password"), LoopbackApi.client());
        api.answer("POST /v2/Cancel", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"REFUNDED\",\"PaymentId\":\"700042\","
                + "\"OriginalAmount\":19900,\"NewAmount\":0}");

        assertEquals(Optional.empty(), gateway.refund(order("700042")), "the REFUNDED notification settles it");

        JsonNode sent = JSON.readTree(api.calls.get(0).body());
        assertEquals("TerminalDEMO", sent.path("TerminalKey").asText());
        assertEquals("700042", sent.path("PaymentId").asText());
        assertEquals(19900, sent.path("Amount").asLong());
        assertEquals(TBankToken.of(rootScalars(sent), "tbank-password"), sent.path("Token").asText());
        assertEquals(1, api.calls.size());
    }

    @Test
    void tbank_aRefusedRepeat_ofAPaymentAlreadyRefunded_answersAsTheFirst_andOtherwiseFails() throws Exception {
        TBankGateway gateway = new TBankGateway(new TBankConfig(api.url("/v2"), "TerminalDEMO", "tbank-password"), LoopbackApi.client());
        api.answer("POST /v2/Cancel", 200, "{\"Success\":false,\"ErrorCode\":\"7\",\"Message\":\"Неверный статус транзакции\"}");
        api.answer("POST /v2/GetState", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"REFUNDED\",\"PaymentId\":\"700042\"}");

        assertEquals(Optional.empty(), gateway.refund(order("700042")));
        JsonNode asked = JSON.readTree(api.calls.get(1).body());
        assertEquals("/v2/GetState", api.calls.get(1).path());
        assertEquals(TBankToken.of(rootScalars(asked), "tbank-password"), asked.path("Token").asText());

        api.answer("POST /v2/GetState", 200, "{\"Success\":true,\"ErrorCode\":\"0\",\"Status\":\"CONFIRMED\",\"PaymentId\":\"700042\"}");
        assertTrue(assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("700042"))).getMessage().contains("ErrorCode 7"));
    }

    @Test
    void cloudPayments_refundsTheTransaction_withTheRefundKeyAsXRequestId() throws Exception {
        CloudPaymentsGateway gateway = new CloudPaymentsGateway(new CloudPaymentsConfig(api.url(""), "pk_test", "cp-secret"), LoopbackApi.client());
        api.answer("POST /payments/refund", 200, "{\"Model\":{\"TransactionId\":568},\"Success\":true,\"Message\":null}");

        assertEquals(Optional.empty(), gateway.refund(order("504")), "the Refund notification settles it");

        LoopbackApi.Call call = api.calls.get(0);
        assertEquals("refund:01JPAY", call.header("X-Request-ID"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("pk_test:cp-secret".getBytes(StandardCharsets.UTF_8)), call.header("Authorization"));
        JsonNode sent = JSON.readTree(call.body());
        assertTrue(sent.path("TransactionId").isIntegralNumber());
        assertEquals(504, sent.path("TransactionId").asLong());
        assertTrue(call.body().contains("\"Amount\":199.00"), call.body());

        api.answer("POST /payments/refund", 200, "{\"Success\":false,\"Message\":\"Invalid Amount value\"}");
        assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("504")));
    }

    @Test
    void robokassa_findsTheOpKey_postsAJwtSignedWithPassword3_andAnswersTheRefundEventItself() throws Exception {
        RobokassaGateway gateway = robokassa("pass-three");
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, opState(100, "A1B2-OPKEY"));
        api.answer("POST /RefundService/Refund/Create", 200, "{\"success\":true,\"message\":null,\"requestId\":\"req-9\"}");
        api.answer("GET /RefundService/Refund/GetState", 200, "{\"requestId\":\"req-9\",\"amount\":199.00,\"label\":\"finished\"}");

        ProviderEvent refunded = gateway.refund(order("43")).orElseThrow();

        assertEquals(new ProviderEvent(PaymentProvider.ROBOKASSA, "refund:43", PaymentState.Event.REFUNDED, "01JPAY", "43", Money.rub(19900)),
                refunded);
        assertEquals("InvoiceID=43", api.calls.get(0).query().split("&")[1]);
        String[] jwt = api.calls.get(1).body().split("\\.");
        assertEquals(3, jwt.length);
        assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertEquals("A1B2-OPKEY", claims.path("OpKey").asText());
        assertEquals("199.00", claims.path("RefundSum").textValue());
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Signatures.hmacSha256(
                (jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.UTF_8), "pass-three")), jwt[2]);
        assertEquals("id=req-9", api.calls.get(2).query());
    }

    @Test
    void robokassa_aPaymentAlreadyRefunded_answersTheSameEvent_withoutAskingForAnotherRefund() {
        RobokassaGateway gateway = robokassa("pass-three");
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, opState(60, "A1B2-OPKEY"));

        assertEquals("refund:43", gateway.refund(order("43")).orElseThrow().eventKey());
        assertEquals(1, api.calls.size());
    }

    @Test
    void robokassa_refusedCanceledUnpaidOrWithoutPassword3_isProviderUnavailable() {
        RobokassaGateway gateway = robokassa("pass-three");
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, opState(100, "A1B2-OPKEY"));
        api.answer("POST /RefundService/Refund/Create", 200, "{\"success\":false,\"message\":\"NotEnoughOperationFunds\"}");
        assertTrue(assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("43"))).getMessage().contains("NotEnoughOperationFunds"));

        api.answer("POST /RefundService/Refund/Create", 200, "{\"success\":true,\"requestId\":\"req-9\"}");
        api.answer("GET /RefundService/Refund/GetState", 200, "{\"requestId\":\"req-9\",\"label\":\"canceled\"}");
        assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("43")));

        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, opState(5, "A1B2-OPKEY"));
        assertThrows(ProviderUnavailableException.class, () -> gateway.refund(order("43")));

        int asked = api.calls.size();
        assertThrows(ProviderUnavailableException.class, () -> robokassa("").refund(order("43")));
        assertEquals(asked, api.calls.size(), "nothing is asked without Password#3");
    }

    private RobokassaGateway robokassa(String password3) {
        return new RobokassaGateway(new RobokassaConfig(api.url("/Merchant/Index.aspx"), "shop", "pass-one", "pass-two", false, "md5", "", "",
                password3, api.url("/RefundService")), LoopbackApi.client());
    }

    private static RefundOrder order(String providerPaymentId) {
        return new RefundOrder("01JPAY", 43, providerPaymentId, Money.rub(19900), "refund:01JPAY");
    }

    private static String opState(int state, String opKey) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><OperationStateResponse xmlns=\"http://merchant.roboxchange.com/WebService/\">"
                + "<Result><Code>0</Code></Result><State><Code>" + state + "</Code></State>"
                + "<Info><IncCurrLabel>BankCardPSR</IncCurrLabel><OutSum>199.000000</OutSum><OpKey>" + opKey + "</OpKey></Info>"
                + "</OperationStateResponse>";
    }

    private static Map<String, String> rootScalars(JsonNode request) {
        Map<String, String> scalars = new LinkedHashMap<>();
        request.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode()) {
                scalars.put(f.getKey(), f.getValue().asText());
            }
        });
        return scalars;
    }
}
