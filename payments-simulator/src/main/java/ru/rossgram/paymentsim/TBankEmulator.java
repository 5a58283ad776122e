package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * T-Bank Internet Acquiring: {@code POST /v2/Init}, which checks the {@code Token}; a repeated {@code OrderId}
 * answers the payment it already made. Notifications are JSON signed with the same kind of Token.
 */
final class TBankEmulator implements ProviderEmulator {
    private final String terminalKey;
    private final String password;
    private final String pagesUrl;
    // Unique across simulator runs, as real PaymentIds are: tests that share one table start several simulators.
    private final AtomicLong paymentIds = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, String> paymentsByOrderId = new ConcurrentHashMap<>();

    TBankEmulator(String terminalKey, String password, String pagesUrl) {
        this.terminalKey = terminalKey;
        this.password = password;
        this.pagesUrl = pagesUrl;
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
    public void serve(HttpExchange exchange, String path) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !"/v2/Init".equals(path)) {
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
        String orderId = scalars.getOrDefault("OrderId", "");
        if (orderId.isEmpty() || !request.path("Amount").canConvertToExactIntegral()) {
            Exchanges.json(exchange, 200, failure("9", "Неверные параметры: OrderId и Amount обязательны"));
            return;
        }
        String id = paymentsByOrderId.computeIfAbsent(orderId, o -> {
            String newId = Long.toString(paymentIds.incrementAndGet());
            payments.put(newId, new SimulatedPayment(newId, orderId, request.path("Amount").asLong(), "RUB",
                    scalars.getOrDefault("Description", ""), Map.of()));
            return newId;
        });
        SimulatedPayment payment = payments.get(id);
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("Success", true).put("ErrorCode", "0")
                .put("TerminalKey", terminalKey).put("Status", payment.state() == SimulatedPayment.State.PENDING ? "NEW" : payment.state().name())
                .put("PaymentId", id).put("OrderId", orderId).put("Amount", payment.amountMinor())
                .put("PaymentURL", pagesUrl + "/tbank/" + id));
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        payment.apply(action, id);
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
