package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * T-Bank Internet Acquiring: {@code POST /v2/Init}, which checks the {@code Token}; a repeated {@code OrderId}
 * answers the payment it already made. Notifications are JSON signed with the same kind of Token.
 *
 * <p>Recurring: an {@code Init} with {@code Recurrent=Y} (and the {@code CustomerKey} it requires) makes a parent
 * payment; when paid, its {@code CONFIRMED} notification carries a {@code RebillId} bound to the card.
 * {@code POST /v2/Charge {TerminalKey, PaymentId, RebillId, Token}} charges a new {@code Init}'s payment to that card
 * at once, answers its status, and sends the notification on our own threads; a repeated {@code Charge} of a payment
 * already charged answers the same and charges nothing.
 *
 * <p>Refunds: {@code POST /v2/Cancel {TerminalKey, PaymentId, Amount, Token}} of a {@code CONFIRMED} payment for its
 * whole amount answers {@code REFUNDED} and sends the {@code REFUNDED} notification on our own threads; a payment
 * in any other status (a repeat of the refund included) is refused, as T-Bank refuses it. {@code POST /v2/GetState
 * {TerminalKey, PaymentId, Token}} answers a payment's status.
 */
final class TBankEmulator implements ProviderEmulator {
    private static final Set<String> METHODS = Set.of("/v2/Init", "/v2/Charge", "/v2/Cancel", "/v2/GetState");

    private final String terminalKey;
    private final String password;
    private final String pagesUrl;
    // Unique across simulator runs, as real PaymentIds are (SimulatedIds).
    private final AtomicLong paymentIds = new AtomicLong(SimulatedIds.firstOfRun());
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, String> paymentsByOrderId = new ConcurrentHashMap<>();
    private final AtomicLong rebillIds = new AtomicLong(SimulatedIds.firstOfRun());
    private final Map<String, SimulatedCard> rebills = new ConcurrentHashMap<>();
    private final CardAuthorizer cards;
    private final Outbox outbox;

    TBankEmulator(String terminalKey, String password, String pagesUrl, CardAuthorizer cards, Outbox outbox) {
        this.terminalKey = terminalKey;
        this.password = password;
        this.pagesUrl = pagesUrl;
        this.cards = cards;
        this.outbox = outbox;
    }

    /** The token over {@code values} (the root scalar values as text) and the password. */
    static String token(Map<String, String> values, String password) {
        TreeMap<String, String> sorted = new TreeMap<>(values);
        sorted.remove("Token");
        sorted.put("Password", password);
        return Digests.hex("SHA-256", String.join("", sorted.values()));
    }

    @Override
    public Provider provider() {
        return Provider.TBANK;
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
        if (!"POST".equals(exchange.getRequestMethod()) || !METHODS.contains(path)) {
            Exchanges.json(exchange, 404, failure("9999", "No such method in the simulator"));
            return;
        }
        JsonNode request;
        try {
            request = Exchanges.JSON.readTree(Exchanges.body(exchange));
        } catch (IOException e) {
            Exchanges.json(exchange, 200, failure("215", "Неверный формат JSON"));
            return;
        }
        // DATA and other objects are not signed: the Token covers the root's scalars.
        Map<String, String> scalars = new LinkedHashMap<>();
        request.fields().forEachRemaining(f -> {
            if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                scalars.put(f.getKey(), f.getValue().asText());
            }
        });
        if (!terminalKey.equals(scalars.get("TerminalKey"))) {
            Exchanges.json(exchange, 200, failure("202", "Терминал не найден"));
            return;
        }
        if (!Digests.same(token(scalars, password), scalars.get("Token"))) {
            Exchanges.json(exchange, 200, failure("204", "Неверный токен. Проверьте пару TerminalKey/SecretKey."));
            return;
        }
        switch (path) {
            case "/v2/Init" -> init(exchange, request, scalars);
            case "/v2/Charge" -> charge(exchange, scalars);
            case "/v2/Cancel" -> cancel(exchange, scalars);
            default -> state(exchange, scalars);
        }
    }

    /** Refunds a confirmed payment whole; anything else is refused with the payment left as it was. */
    private void cancel(HttpExchange exchange, Map<String, String> scalars) throws IOException {
        SimulatedPayment payment = payments.get(scalars.getOrDefault("PaymentId", ""));
        if (payment == null) {
            Exchanges.json(exchange, 200, failure("7", "Неверный статус транзакции: платёж не найден"));
            return;
        }
        String amount = scalars.getOrDefault("Amount", Long.toString(payment.amountMinor()));
        Notice notice;
        synchronized (payment) {
            if (payment.state() != SimulatedPayment.State.SUCCEEDED || !Long.toString(payment.amountMinor()).equals(amount)) {
                Exchanges.json(exchange, 200, failure("7", "Неверный статус транзакции или сумма: " + status(payment.state())));
                return;
            }
            notice = settle(payment.id(), Action.REFUND).orElseThrow();
        }
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("Success", true).put("ErrorCode", "0")
                .put("TerminalKey", terminalKey).put("Status", "REFUNDED").put("PaymentId", payment.id())
                .put("OrderId", payment.merchantReference()).put("OriginalAmount", payment.amountMinor()).put("NewAmount", 0));
        outbox.send(notice);
    }

    private void state(HttpExchange exchange, Map<String, String> scalars) throws IOException {
        SimulatedPayment payment = payments.get(scalars.getOrDefault("PaymentId", ""));
        if (payment == null) {
            Exchanges.json(exchange, 200, failure("7", "Платёж не найден"));
            return;
        }
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("Success", true).put("ErrorCode", "0")
                .put("TerminalKey", terminalKey).put("Status", status(payment.state())).put("PaymentId", payment.id())
                .put("OrderId", payment.merchantReference()).put("Amount", payment.amountMinor()));
    }

    private void init(HttpExchange exchange, JsonNode request, Map<String, String> scalars) throws IOException {
        boolean recurrent = "Y".equals(scalars.get("Recurrent"));
        if (recurrent && scalars.getOrDefault("CustomerKey", "").isEmpty()) {
            Exchanges.json(exchange, 200, failure("9", "Неверные параметры: CustomerKey обязателен при Recurrent=Y"));
            return;
        }
        String orderId = scalars.getOrDefault("OrderId", "");
        if (orderId.isEmpty() || !request.path("Amount").canConvertToExactIntegral()) {
            Exchanges.json(exchange, 200, failure("9", "Неверные параметры: OrderId и Amount обязательны"));
            return;
        }
        String id = paymentsByOrderId.computeIfAbsent(orderId, o -> {
            String newId = Long.toString(paymentIds.incrementAndGet());
            SimulatedPayment created = new SimulatedPayment(newId, orderId, request.path("Amount").asLong(), "RUB",
                    scalars.getOrDefault("Description", ""), Map.of());
            if (recurrent) {
                created.saveMethodWhenPaid();
            }
            payments.put(newId, created);
            return newId;
        });
        SimulatedPayment payment = payments.get(id);
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("Success", true).put("ErrorCode", "0")
                .put("TerminalKey", terminalKey).put("Status", status(payment.state()))
                .put("PaymentId", id).put("OrderId", orderId).put("Amount", payment.amountMinor())
                .put("PaymentURL", pagesUrl + "/tbank/" + id));
    }

    private void charge(HttpExchange exchange, Map<String, String> scalars) throws IOException {
        SimulatedPayment payment = payments.get(scalars.getOrDefault("PaymentId", ""));
        String rebillId = scalars.getOrDefault("RebillId", "");
        SimulatedCard card = rebills.get(rebillId);
        if (payment == null) {
            Exchanges.json(exchange, 200, failure("7", "Неверный статус транзакции: платёж не найден"));
            return;
        }
        if (card == null) {
            Exchanges.json(exchange, 200, failure("103", "Повторное прохождение: RebillId " + rebillId + " не найден"));
            return;
        }
        Notice notice = null;
        synchronized (payment) {
            if (payment.state() == SimulatedPayment.State.PENDING) {
                payment.chargeOf(rebillId, card);
                notice = settle(payment.id(), cards.charge(card)).orElseThrow();
            }
        }
        boolean paid = payment.state() == SimulatedPayment.State.SUCCEEDED || payment.state() == SimulatedPayment.State.REFUNDED;
        ObjectNode answer = Exchanges.JSON.createObjectNode().put("Success", paid).put("ErrorCode", paid ? "0" : "1051")
                .put("TerminalKey", terminalKey).put("Status", status(payment.state())).put("PaymentId", payment.id())
                .put("OrderId", payment.merchantReference()).put("Amount", payment.amountMinor());
        if (!paid) {
            answer.put("Message", "Недостаточно средств").put("Details", "");
        }
        Exchanges.json(exchange, 200, answer);
        if (notice != null) {
            outbox.send(notice);
        }
    }

    private static String status(SimulatedPayment.State state) {
        return switch (state) {
            case PENDING -> "NEW";
            case SUCCEEDED -> "CONFIRMED";
            case CANCELED -> "REJECTED";
            case REFUNDED -> "REFUNDED";
        };
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        payment.apply(action, id);
        if (action == Action.PAY && payment.savesMethod() && payment.savedMethod() == null) {
            String rebillId = Long.toString(rebillIds.incrementAndGet());
            rebills.put(rebillId, payment.card());
            payment.savedMethod(rebillId);
        }
        String status = switch (action) {
            case PAY -> "CONFIRMED";
            case CANCEL -> "REJECTED";
            case REFUND -> "REFUNDED";
        };
        ObjectNode notice = Exchanges.JSON.createObjectNode()
                .put("TerminalKey", terminalKey)
                .put("OrderId", payment.merchantReference())
                .put("Success", action != Action.CANCEL)
                .put("Status", status)
                .put("PaymentId", Long.parseLong(id))
                .put("ErrorCode", action == Action.CANCEL ? "1051" : "0")
                .put("Amount", payment.amountMinor())
                .put("CardId", payment.card().tbankCardId())
                .put("Pan", payment.card().pan())
                .put("ExpDate", payment.card().mmyy());
        if (payment.savedMethod() != null) {
            notice.put("RebillId", Long.parseLong(payment.savedMethod()));
        }
        Map<String, String> scalars = new LinkedHashMap<>();
        notice.fields().forEachRemaining(f -> scalars.put(f.getKey(), f.getValue().asText()));
        notice.put("Token", token(scalars, password));
        try {
            return Optional.of(new Notice(provider(), Exchanges.JSON.writeValueAsBytes(notice), Map.of("Content-Type", "application/json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode failure(String code, String message) {
        return Exchanges.JSON.createObjectNode().put("Success", false).put("ErrorCode", code).put("Message", message)
                .put("Details", "");
    }
}
