package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CloudPayments: {@code POST /orders/create} (Basic auth Public ID : API secret) makes a payment link; Pay, Fail and
 * Refund notifications are forms signed in {@code Content-HMAC} (over the body as sent) and {@code X-Content-HMAC}
 * (over the URL-decoded body).
 */
final class CloudPaymentsEmulator implements ProviderEmulator {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String publicId;
    private final String apiSecret;
    private final String pagesUrl;
    private final SecureRandom random = new SecureRandom();
    // Unique across simulator runs, as real TransactionIds are: tests that share one table start several simulators.
    private final AtomicLong transactionIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final AtomicLong orderNumbers = new AtomicLong();
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();

    CloudPaymentsEmulator(String publicId, String apiSecret, String pagesUrl) {
        this.publicId = publicId;
        this.apiSecret = apiSecret;
        this.pagesUrl = pagesUrl;
    }

    @Override
    public Provider provider() {
        return Provider.CLOUDPAYMENTS;
    }

    @Override
    public Optional<SimulatedPayment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public void serve(HttpExchange exchange, String path) throws IOException {
        if (!Exchanges.basicAuth(exchange, publicId, apiSecret)) {
            Exchanges.send(exchange, 401, "text/plain; charset=utf-8", "Unauthorized");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/orders/create".equals(path)) {
            Exchanges.json(exchange, 404, answer(false, "No such method in the simulator"));
            return;
        }
        JsonNode request;
        long minor;
        try {
            request = Exchanges.JSON.readTree(Exchanges.body(exchange));
            minor = Exchanges.minor(request.path("Amount").asText());
        } catch (IOException | RuntimeException e) {
            Exchanges.json(exchange, 200, answer(false, "Amount is required"));
            return;
        }
        String id = randomId();
        SimulatedPayment payment = new SimulatedPayment(id, request.path("InvoiceId").asText(""), minor,
                request.path("Currency").asText("RUB"), request.path("Description").asText(""), Map.of());
        payments.put(id, payment);
        ObjectNode reply = answer(true, null);
        reply.putObject("Model").put("Id", id).put("Number", orderNumbers.incrementAndGet())
                .put("Amount", new BigDecimal(Exchanges.decimal(minor))).put("Currency", payment.currency())
                .put("Description", payment.description()).put("InvoiceId", payment.merchantReference())
                .put("RequireConfirmation", false).put("Url", pagesUrl + "/cloudpayments/" + id);
        Exchanges.json(exchange, 200, reply);
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        String paid = payment.transactionId();
        String operation = Long.toString(transactionIds.incrementAndGet());
        payment.apply(action, operation);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("TransactionId", operation);
        form.put("Amount", Exchanges.decimal(payment.amountMinor()));
        if (action == Action.REFUND) {
            form.put("PaymentTransactionId", paid);
            form.put("OperationType", "Refund");
            form.put("DateTime", "2025-01-01 12:00:00");
            form.put("InvoiceId", payment.merchantReference());
            form.put("AccountId", "");
            form.put("Email", "buyer@example.com");
        } else {
            form.put("Currency", payment.currency());
            form.put("PaymentAmount", Exchanges.decimal(payment.amountMinor()));
            form.put("PaymentCurrency", payment.currency());
            form.put("DateTime", "2025-01-01 12:00:00");
            form.put("CardFirstSix", payment.card().first6());
            form.put("CardLastFour", payment.card().last4());
            form.put("CardType", "Visa");
            form.put("CardExpDate", payment.card().mmSlashYy());
            form.put("TestMode", "1");
            form.put("InvoiceId", payment.merchantReference());
            form.put("Description", payment.description());
            form.put("Email", "buyer@example.com");
            form.put("OperationType", "Payment");
            if (action == Action.PAY) {
                form.put("Status", "Completed");
                form.put("AuthCode", "A1B2C3");
            } else {
                form.put("Reason", "InsufficientFunds");
                form.put("ReasonCode", "5051");
            }
        }
        String body = Exchanges.encodeForm(form);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        byte[] decoded = URLDecoder.decode(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new Notice(provider(), raw, Map.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Content-HMAC", Digests.hmacSha256Base64(apiSecret, raw),
                "X-Content-HMAC", Digests.hmacSha256Base64(apiSecret, decoded))));
    }

    private String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private static ObjectNode answer(boolean success, String message) {
        ObjectNode reply = Exchanges.JSON.createObjectNode().put("Success", success);
        return message == null ? reply.putNull("Message") : reply.put("Message", message);
    }
}
