package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
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
 *
 * <p>Tokens: a payment created for an {@code AccountId} gets, when paid, a card {@code Token} in its Pay notification.
 * {@code POST /payments/tokens/charge} charges a token at once (a {@code TrInitiatorCode} is required), answers the
 * transaction, and sends the Pay or Fail notification on our own threads; a repeated request with the same
 * {@code X-Request-ID} answers the first one's transaction and charges nothing.
 *
 * <p>Refunds: {@code POST /payments/refund {TransactionId, Amount}} refunds the paid transaction whole, answers the
 * refund's {@code TransactionId} and sends the Refund notification on our own threads; the same {@code X-Request-ID}
 * answers the same refund. A transaction not paid, or a part of it, is refused ({@code Success: false}).
 */
final class CloudPaymentsEmulator implements ProviderEmulator {
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final String publicId;
    private final String apiSecret;
    private final String pagesUrl;
    private final SecureRandom random = new SecureRandom();
    // Unique across simulator runs, as real TransactionIds are (SimulatedIds).
    private final AtomicLong transactionIds = new AtomicLong(SimulatedIds.firstOfRun());
    private final AtomicLong orderNumbers = new AtomicLong();
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, SimulatedCard> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> chargesByRequestId = new ConcurrentHashMap<>();
    private final IdempotentRefunds refunds = new IdempotentRefunds(this);
    private final CardAuthorizer cards;
    private final Outbox outbox;

    CloudPaymentsEmulator(String publicId, String apiSecret, String pagesUrl, CardAuthorizer cards, Outbox outbox) {
        this.publicId = publicId;
        this.apiSecret = apiSecret;
        this.pagesUrl = pagesUrl;
        this.cards = cards;
        this.outbox = outbox;
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
    public Collection<SimulatedPayment> payments() {
        return payments.values();
    }

    @Override
    public void serve(HttpExchange exchange, String path) throws IOException {
        if (!Exchanges.basicAuth(exchange, publicId, apiSecret)) {
            Exchanges.send(exchange, 401, "text/plain; charset=utf-8", "Unauthorized");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && "/payments/tokens/charge".equals(path)) {
            chargeToken(exchange);
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && "/payments/refund".equals(path)) {
            refund(exchange);
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod()) || !"/orders/create".equals(path)) {
            Exchanges.json(exchange, 404, answer(false, "No such method in the simulator"));
            return;
        }
        Exchanges.Priced priced = priced(exchange);
        if (priced == null) {
            return;
        }
        JsonNode request = priced.body();
        long minor = priced.minor();
        String id = randomId();
        String accountId = request.path("AccountId").asText("");
        SimulatedPayment payment = new SimulatedPayment(id, request.path("InvoiceId").asText(""), minor,
                request.path("Currency").asText("RUB"), request.path("Description").asText(""),
                accountId.isEmpty() ? Map.of() : Map.of("AccountId", accountId));
        if (!accountId.isEmpty()) {
            payment.saveMethodWhenPaid();
        }
        payments.put(id, payment);
        ObjectNode reply = answer(true, null);
        reply.putObject("Model").put("Id", id).put("Number", orderNumbers.incrementAndGet())
                .put("Amount", new BigDecimal(Exchanges.decimal(minor))).put("Currency", payment.currency())
                .put("Description", payment.description()).put("InvoiceId", payment.merchantReference())
                .put("RequireConfirmation", false).put("Url", pagesUrl + "/cloudpayments/" + id);
        Exchanges.json(exchange, 200, reply);
    }

    private void chargeToken(HttpExchange exchange) throws IOException {
        Exchanges.Priced priced = priced(exchange);
        if (priced == null) {
            return;
        }
        JsonNode request = priced.body();
        long minor = priced.minor();
        String token = request.path("Token").asText("");
        String accountId = request.path("AccountId").asText("");
        SimulatedCard card = tokens.get(token);
        if (card == null || accountId.isEmpty()) {
            Exchanges.json(exchange, 200, answer(false, "Token and AccountId are required: no such token"));
            return;
        }
        if (!request.path("TrInitiatorCode").canConvertToInt()) {
            Exchanges.json(exchange, 200, answer(false, "TrInitiatorCode is required"));
            return;
        }
        Notice[] charged = new Notice[1];
        String key = requestId(exchange);
        String id = chargesByRequestId.computeIfAbsent(key, k -> {
            // A charge has no order: the simulator knows it by its TransactionId, as the shop does.
            String newId = Long.toString(transactionIds.incrementAndGet());
            SimulatedPayment payment = new SimulatedPayment(newId, request.path("InvoiceId").asText(""), minor,
                    request.path("Currency").asText("RUB"), request.path("Description").asText(""), Map.of("AccountId", accountId));
            payments.put(newId, payment);
            payment.chargeOf(token, card);
            charged[0] = settle(newId, cards.charge(card)).orElseThrow();
            return newId;
        });
        SimulatedPayment payment = payments.get(id);
        boolean paid = payment.state() == SimulatedPayment.State.SUCCEEDED || payment.state() == SimulatedPayment.State.REFUNDED;
        ObjectNode reply = answer(paid, null);
        ObjectNode model = reply.putObject("Model").put("TransactionId", Long.parseLong(payment.transactionId()))
                .put("Amount", new BigDecimal(Exchanges.decimal(minor))).put("Currency", payment.currency())
                .put("InvoiceId", payment.merchantReference()).put("AccountId", accountId).put("Token", token)
                .put("CardFirstSix", card.first6()).put("CardLastFour", card.last4())
                .put("Status", paid ? "Completed" : "Declined");
        if (!paid) {
            model.put("Reason", "InsufficientFunds").put("ReasonCode", 5051).put("CardHolderMessage", "Недостаточно средств на карте");
        }
        Exchanges.json(exchange, 200, reply);
        if (charged[0] != null) {
            outbox.send(charged[0]);
        }
    }

    /** The JSON request and its {@code Amount} in minor units, or null after answering that the amount is required. */
    private static Exchanges.Priced priced(HttpExchange exchange) throws IOException {
        Optional<Exchanges.Priced> priced = Exchanges.priced(exchange, b -> b.path("Amount"));
        if (priced.isEmpty()) {
            Exchanges.json(exchange, 200, answer(false, "Amount is required"));
            return null;
        }
        return priced.get();
    }

    /** {@code X-Request-ID}, the idempotency key; a request without one is its own. */
    private String requestId(HttpExchange exchange) {
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
        return requestId == null || requestId.isBlank() ? randomId() : requestId;
    }

    private void refund(HttpExchange exchange) throws IOException {
        Exchanges.Priced priced = priced(exchange);
        if (priced == null) {
            return;
        }
        JsonNode request = priced.body();
        long minor = priced.minor();
        String transactionId = request.path("TransactionId").asText("");
        Optional<SimulatedPayment> paid = payments.values().stream().filter(p -> transactionId.equals(p.transactionId())).findFirst();
        if (paid.isEmpty()) {
            Exchanges.json(exchange, 200, answer(false, "Transaction not found"));
            return;
        }
        SimulatedPayment payment = paid.get();
        String key = requestId(exchange);
        Optional<Notice> refunded;
        try {
            refunded = refunds.refund(key, payment, minor);
        } catch (IllegalStateException e) {
            Exchanges.json(exchange, 200, answer(false, e.getMessage()));
            return;
        }
        ObjectNode reply = answer(true, null);
        reply.putObject("Model").put("TransactionId", Long.parseLong(payment.refundId()));
        Exchanges.json(exchange, 200, reply);
        refunded.ifPresent(outbox::send);
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        String paid = payment.transactionId();
        String operation = action != Action.REFUND && payment.merchantInitiated() && paid == null
                ? payment.id() : Long.toString(transactionIds.incrementAndGet());
        payment.apply(action, operation);
        if (action == Action.PAY && payment.savesMethod() && payment.savedMethod() == null) {
            String token = "tk_" + randomId();
            tokens.put(token, payment.card());
            payment.savedMethod(token);
        }
        String accountId = payment.custom().getOrDefault("AccountId", "");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("TransactionId", operation);
        form.put("Amount", Exchanges.decimal(payment.amountMinor()));
        if (action == Action.REFUND) {
            form.put("PaymentTransactionId", paid);
            form.put("OperationType", "Refund");
            form.put("DateTime", "2025-01-01 12:00:00");
            form.put("InvoiceId", payment.merchantReference());
            form.put("AccountId", accountId);
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
            if (!accountId.isEmpty()) {
                form.put("AccountId", accountId);
            }
            form.put("Email", "buyer@example.com");
            form.put("OperationType", "Payment");
            if (action == Action.PAY) {
                form.put("Status", "Completed");
                form.put("AuthCode", "A1B2C3");
                if (payment.savedMethod() != null) {
                    form.put("Token", payment.savedMethod());
                }
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
