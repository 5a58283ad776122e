package ru.rossgram.paymentsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaymentSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final HttpServer webhooks = receiver();
    private final PaymentSimulator simulator = PaymentSimulator.builder()
            .yookassa("123456", "test_secret")
            .tbank("TerminalDEMO", "tbank-password")
            .cloudPayments("pk_test", "cp-secret")
            .robokassa("shop", "pass-one", "pass-two")
            .webhookBaseUrl("http://127.0.0.1:" + webhooks.getAddress().getPort())
            .start();

    @AfterEach
    void stop() {
        simulator.close();
        webhooks.stop(0);
    }

    @Test
    void yookassa_sameIdempotenceKey_answersTheSamePayment_andWrongCredentialsAre401() throws Exception {
        String body = "{\"amount\":{\"value\":\"199.00\",\"currency\":\"RUB\"},\"capture\":true,\"metadata\":{\"paymentId\":\"01JP\"}}";
        JsonNode first = post(simulator.yookassaApiUrl() + "/payments", body, basic("123456", "test_secret"), "key-1");
        JsonNode again = post(simulator.yookassaApiUrl() + "/payments", body, basic("123456", "test_secret"), "key-1");
        JsonNode other = post(simulator.yookassaApiUrl() + "/payments", body, basic("123456", "test_secret"), "key-2");

        assertEquals(first.path("id"), again.path("id"));
        assertFalse(first.path("id").equals(other.path("id")));
        assertEquals("pending", first.path("status").asText());
        assertTrue(first.path("confirmation").path("confirmation_url").asText().startsWith(simulator.baseUrl() + "/pay/yookassa/"));
        assertEquals(401, send(simulator.yookassaApiUrl() + "/payments", body, basic("123456", "wrong"), "key-3").statusCode());
    }

    @Test
    void yookassa_paymentAfterPay_isSucceeded_andTheNotificationIsUnsigned() throws Exception {
        String id = post(simulator.yookassaApiUrl() + "/payments", "{\"amount\":{\"value\":\"10.00\",\"currency\":\"RUB\"}}",
                basic("123456", "test_secret"), "k").path("id").asText();
        Notice notice = simulator.prepare(Provider.YOOKASSA, id, Action.PAY);

        assertEquals("payment.succeeded", JSON.readTree(notice.body()).path("event").asText());
        assertEquals(Map.of("Content-Type", "application/json"), notice.headers());
        HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(URI.create(simulator.yookassaApiUrl() + "/payments/" + id))
                .header("Authorization", basic("123456", "test_secret")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("succeeded", JSON.readTree(fetched.body()).path("status").asText());
    }

    @Test
    void tbank_tokenFollowsTheDocsExample_andInitRefusesABadToken() throws Exception {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("TerminalKey", "MerchantTerminalKey");
        docs.put("Amount", "19200");
        docs.put("OrderId", "00000");
        docs.put("Description", "Подарочная карта на 1000 рублей");
        assertEquals("72dd466f8ace0a37a1f740ce5fb78101712bc0665d91a8108c7c8a0ccd426db2", TBankEmulator.token(docs, "11111111111111"));

        JsonNode refused = post(simulator.tbankApiUrl() + "/Init",
                "{\"TerminalKey\":\"TerminalDEMO\",\"Amount\":19900,\"OrderId\":\"01JP\",\"Token\":\"bad\"}", null, null);
        assertFalse(refused.path("Success").asBoolean());
        assertEquals("204", refused.path("ErrorCode").asText());
    }

    @Test
    void tbank_repeatedOrderId_answersTheSamePayment() throws Exception {
        Map<String, String> values = new LinkedHashMap<>(Map.of("TerminalKey", "TerminalDEMO", "Amount", "19900", "OrderId", "01JP"));
        String init = "{\"TerminalKey\":\"TerminalDEMO\",\"Amount\":19900,\"OrderId\":\"01JP\",\"Token\":\""
                + TBankEmulator.token(values, "tbank-password") + "\"}";
        JsonNode first = post(simulator.tbankApiUrl() + "/Init", init, null, null);
        assertTrue(first.path("Success").asBoolean(), first.toString());
        assertEquals(first.path("PaymentId"), post(simulator.tbankApiUrl() + "/Init", init, null, null).path("PaymentId"));
    }

    @Test
    void tbank_chargeChecksItsToken_andARepeatedChargeAnswersTheSameWithoutChargingAgain() throws Exception {
        JsonNode parent = post(simulator.tbankApiUrl() + "/Init", signedTbank(Map.of("TerminalKey", "TerminalDEMO", "Amount", "19900",
                "OrderId", "01JSUB", "Recurrent", "Y", "CustomerKey", "01JBUYER")), null, null);
        simulator.pay(Provider.TBANK, parent.path("PaymentId").asText());
        String rebillId = simulator.payment(Provider.TBANK, parent.path("PaymentId").asText()).orElseThrow().savedMethod();
        String child = post(simulator.tbankApiUrl() + "/Init", signedTbank(Map.of("TerminalKey", "TerminalDEMO", "Amount", "19900",
                "OrderId", "01JRENEW")), null, null).path("PaymentId").asText();
        Map<String, String> charge = Map.of("TerminalKey", "TerminalDEMO", "PaymentId", child, "RebillId", rebillId);

        JsonNode forged = post(simulator.tbankApiUrl() + "/Charge", signedTbank(charge).replaceAll("\"Token\":\"[0-9a-f]+\"", "\"Token\":\"bad\""), null, null);
        JsonNode first = post(simulator.tbankApiUrl() + "/Charge", signedTbank(charge), null, null);
        JsonNode again = post(simulator.tbankApiUrl() + "/Charge", signedTbank(charge), null, null);

        assertEquals("204", forged.path("ErrorCode").asText());
        assertEquals("CONFIRMED", first.path("Status").asText(), first.toString());
        assertEquals(first, again);
        long deadline = System.currentTimeMillis() + 5000;
        while (received.stream().noneMatch(r -> r.contains("01JRENEW")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertEquals(1, received.stream().filter(r -> r.contains("01JRENEW")).count(), "one notice, sent on its own");
        assertTrue(received.stream().anyMatch(r -> r.contains("01JRENEW") && r.contains("\"RebillId\":" + rebillId)));
    }

    @Test
    void cloudPayments_ordersCreateNeedsBasicAuth_andNotificationsCarryAValidHmac() throws Exception {
        String order = "{\"Amount\":199.00,\"Currency\":\"RUB\",\"Description\":\"Pro\",\"InvoiceId\":\"01JP\"}";
        assertEquals(401, send(simulator.cloudPaymentsApiUrl() + "/orders/create", order, basic("pk_test", "nope"), null).statusCode());
        JsonNode created = post(simulator.cloudPaymentsApiUrl() + "/orders/create", order, basic("pk_test", "cp-secret"), null);
        String id = created.path("Model").path("Id").asText();

        Notice pay = simulator.prepare(Provider.CLOUDPAYMENTS, id, Action.PAY);

        assertEquals(Digests.hmacSha256Base64("cp-secret", pay.body()), pay.headers().get("Content-HMAC"));
        assertTrue(pay.bodyText().contains("Status=Completed"));
        assertTrue(pay.bodyText().contains("InvoiceId=01JP"));
    }

    @Test
    void robokassa_paymentPageChecksPassword1_andResultUrlSignsWithPassword2() throws Exception {
        String good = Digests.hex("MD5", "shop:199.00:42:pass-one:Shp_paymentId=01JP");
        String url = simulator.robokassaPaymentUrl() + "?MerchantLogin=shop&OutSum=199.00&InvId=42&Description=Pro&SignatureValue="
                + good + "&Shp_paymentId=01JP";
        assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(url.replace(good, "0" + good.substring(1)))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

        Notice result = simulator.prepare(Provider.ROBOKASSA, "42", Action.PAY);

        assertTrue(result.bodyText().startsWith("OutSum=199.000000&InvId=42&"), result.bodyText());
        assertTrue(result.bodyText().contains("SignatureValue="
                + Digests.hex("MD5", "199.000000:42:pass-two:Shp_paymentId=01JP").toUpperCase()));
        assertThrows(IllegalStateException.class, () -> simulator.prepare(Provider.ROBOKASSA, "42", Action.REFUND));
    }

    @Test
    void controlOverHttp_paysAndDelivers_refusesImpossibleMoves_andKnowsNoStrangers() throws Exception {
        String id = post(simulator.yookassaApiUrl() + "/payments", "{\"amount\":{\"value\":\"10.00\",\"currency\":\"RUB\"}}",
                basic("123456", "test_secret"), "k").path("id").asText();
        assertEquals(409, send(simulator.baseUrl() + "/_control/yookassa/" + id + "/refund", "", null, null).statusCode());

        JsonNode paid = JSON.readTree(send(simulator.baseUrl() + "/_control/yookassa/" + id + "/pay", "", null, null).body());

        assertEquals("succeeded", paid.path("state").asText());
        assertEquals(200, paid.path("webhookStatus").asInt());
        assertEquals("thanks", paid.path("webhookBody").asText());
        assertEquals(1, received.size());
        assertTrue(received.get(0).startsWith("/v1/webhooks/yookassa "));
        assertEquals(404, send(simulator.baseUrl() + "/_control/yookassa/nope/pay", "", null, null).statusCode());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/pay/yookassa/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private static String signedTbank(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> json.append('"').append(name).append("Amount".equals(name) ? "\":" + value + "," : "\":\"" + value + "\","));
        return json.append("\"Token\":\"").append(TBankEmulator.token(values, "tbank-password")).append("\"}").toString();
    }

    private JsonNode post(String url, String body, String auth, String idempotenceKey) throws Exception {
        HttpResponse<String> response = send(url, body, auth, idempotenceKey);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String url, String body, String auth, String idempotenceKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        if (idempotenceKey != null) {
            request.header("Idempotence-Key", idempotenceKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestURI().getPath() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
