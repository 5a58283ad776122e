package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * YooKassa API v3: {@code POST /v3/payments} (Basic auth, {@code Idempotence-Key}: the same key answers the same
 * payment), {@code GET /v3/payments/{id}}, {@code GET /v3/refunds/{id}}. Notifications are unsigned JSON.
 *
 * <p>Autopayments: a payment created with {@code save_payment_method: true} saves, when paid, a payment method bound
 * to the card it was paid with ({@code payment_method.saved: true}, {@code payment_method.id}); a payment created with
 * that {@code payment_method_id} is charged at once to the card and its notification sent on our own threads.
 *
 * <p>Refunds: {@code POST /v3/refunds {payment_id, amount, description}} (its {@code Idempotence-Key}: the same key
 * answers the same refund) refunds a succeeded payment whole, answers the refund {@code succeeded}, and sends
 * {@code refund.succeeded} on our own threads. A payment not succeeded, or a part of it, is refused (400).
 */
final class YooKassaEmulator implements ProviderEmulator {
    private final String shopId;
    private final String secretKey;
    private final String pagesUrl;
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final Map<String, String> paymentsByIdempotenceKey = new ConcurrentHashMap<>();
    private final Map<String, String> paymentsByRefund = new ConcurrentHashMap<>();
    private final IdempotentRefunds refunds = new IdempotentRefunds(this);
    private final Map<String, SimulatedCard> savedMethods = new ConcurrentHashMap<>();
    private final CardAuthorizer cards;
    private final Outbox outbox;

    YooKassaEmulator(String shopId, String secretKey, String pagesUrl, CardAuthorizer cards, Outbox outbox) {
        this.shopId = shopId;
        this.secretKey = secretKey;
        this.pagesUrl = pagesUrl;
        this.cards = cards;
        this.outbox = outbox;
    }

    @Override
    public Provider provider() {
        return Provider.YOOKASSA;
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
        if (!Exchanges.basicAuth(exchange, shopId, secretKey)) {
            Exchanges.json(exchange, 401, error("invalid_credentials", "Authentication by given credentials failed"));
            return;
        }
        String method = exchange.getRequestMethod();
        if ("POST".equals(method) && "/v3/payments".equals(path)) {
            create(exchange);
        } else if ("POST".equals(method) && "/v3/refunds".equals(path)) {
            refund(exchange);
        } else if ("GET".equals(method) && path.startsWith("/v3/payments/")) {
            SimulatedPayment payment = payments.get(path.substring("/v3/payments/".length()));
            answer(exchange, payment == null ? null : paymentJson(payment));
        } else if ("GET".equals(method) && path.startsWith("/v3/refunds/")) {
            String refundId = path.substring("/v3/refunds/".length());
            SimulatedPayment payment = payments.get(paymentsByRefund.getOrDefault(refundId, ""));
            answer(exchange, payment == null ? null : refundJson(payment));
        } else {
            Exchanges.json(exchange, 404, error("not_found", "No such endpoint in the simulator"));
        }
    }

    /** A POST with its {@code Idempotence-Key}, its JSON body and its {@code amount.value} in minor units. */
    private record Keyed(String key, JsonNode body, long minor) {
    }

    /** The request, or null after answering 400: no {@code Idempotence-Key} (or too long), or no readable amount. */
    private static Keyed keyed(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
        if (key == null || key.isBlank() || key.length() > 64) {
            Exchanges.json(exchange, 400, error("invalid_request", "Idempotence-Key header is missing or too long"));
            return null;
        }
        Optional<Exchanges.Priced> priced = Exchanges.priced(exchange, b -> b.path("amount").path("value"));
        if (priced.isEmpty()) {
            Exchanges.json(exchange, 400, error("invalid_request", "amount.value is required"));
            return null;
        }
        return new Keyed(key, priced.get().body(), priced.get().minor());
    }

    private void refund(HttpExchange exchange) throws IOException {
        Keyed request = keyed(exchange);
        if (request == null) {
            return;
        }
        String key = request.key();
        JsonNode body = request.body();
        long minor = request.minor();
        SimulatedPayment payment = payments.get(body.path("payment_id").asText(""));
        if (payment == null) {
            Exchanges.json(exchange, 404, error("not_found", "No payment " + body.path("payment_id").asText("")));
            return;
        }
        Optional<Notice> refunded;
        try {
            refunded = refunds.refund(key, payment, minor);
        } catch (IllegalStateException e) {
            Exchanges.json(exchange, 400, error("invalid_request", e.getMessage()));
            return;
        }
        Exchanges.json(exchange, 200, refundJson(payment));
        refunded.ifPresent(outbox::send);
    }

    private void create(HttpExchange exchange) throws IOException {
        Keyed request = keyed(exchange);
        if (request == null) {
            return;
        }
        String key = request.key();
        JsonNode body = request.body();
        long minor = request.minor();
        String methodId = body.path("payment_method_id").asText("");
        SimulatedCard savedCard = methodId.isEmpty() ? null : savedMethods.get(methodId);
        if (!methodId.isEmpty() && savedCard == null) {
            Exchanges.json(exchange, 400, error("invalid_request", "payment_method_id " + methodId + " is not a saved payment method"));
            return;
        }
        Notice[] charged = new Notice[1];
        String id = paymentsByIdempotenceKey.computeIfAbsent(key, k -> {
            String newId = UUID.randomUUID().toString();
            SimulatedPayment payment = new SimulatedPayment(newId, body.path("metadata").path("paymentId").asText(""), minor,
                    body.path("amount").path("currency").asText("RUB"), body.path("description").asText(""), Map.of());
            payments.put(newId, payment);
            if (savedCard != null) {
                payment.chargeOf(methodId, savedCard);
                charged[0] = settle(newId, cards.charge(savedCard)).orElseThrow();
            } else if (body.path("save_payment_method").asBoolean(false)) {
                payment.saveMethodWhenPaid();
            }
            return newId;
        });
        Exchanges.json(exchange, 200, paymentJson(payments.get(id)));
        if (charged[0] != null) {
            outbox.send(charged[0]);
        }
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        String refundId = action == Action.REFUND ? UUID.randomUUID().toString() : null;
        payment.apply(action, refundId);
        if (action == Action.PAY && payment.savesMethod() && payment.savedMethod() == null) {
            String method = UUID.randomUUID().toString();
            savedMethods.put(method, payment.card());
            payment.savedMethod(method);
        }
        if (refundId != null) {
            paymentsByRefund.put(refundId, id);
        }
        ObjectNode notice = Exchanges.JSON.createObjectNode().put("type", "notification");
        switch (action) {
            case PAY -> notice.put("event", "payment.succeeded").set("object", paymentJson(payment));
            case CANCEL -> notice.put("event", "payment.canceled").set("object", paymentJson(payment));
            case REFUND -> notice.put("event", "refund.succeeded").set("object", refundJson(payment));
        }
        try {
            return Optional.of(new Notice(provider(), Exchanges.JSON.writeValueAsBytes(notice),
                    Map.of("Content-Type", "application/json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode paymentJson(SimulatedPayment payment) {
        SimulatedPayment.State state = payment.state();
        ObjectNode json = Exchanges.JSON.createObjectNode().put("id", payment.id())
                .put("status", switch (state) {
                    case PENDING -> "pending";
                    case SUCCEEDED, REFUNDED -> "succeeded";
                    case CANCELED -> "canceled";
                })
                .put("paid", state == SimulatedPayment.State.SUCCEEDED || state == SimulatedPayment.State.REFUNDED);
        json.set("amount", amount(payment));
        if (state == SimulatedPayment.State.REFUNDED) {
            json.set("refunded_amount", amount(payment));
        }
        json.putObject("confirmation").put("type", "redirect").put("confirmation_url", pagesUrl + "/yookassa/" + payment.id());
        json.put("description", payment.description()).put("test", true);
        json.putObject("metadata").put("paymentId", payment.merchantReference());
        if (state == SimulatedPayment.State.SUCCEEDED || state == SimulatedPayment.State.REFUNDED) {
            SimulatedCard card = payment.card();
            String saved = payment.savedMethod();
            ObjectNode method = json.putObject("payment_method").put("type", "bank_card")
                    .put("id", saved == null ? payment.id() : saved).put("saved", saved != null);
            method.putObject("card").put("first6", card.first6()).put("last4", card.last4())
                    .put("expiry_month", card.expiryMonth()).put("expiry_year", card.expiryYear())
                    .put("card_type", "Mir").put("issuer_country", "RU");
        }
        if (state == SimulatedPayment.State.CANCELED && payment.merchantInitiated()) {
            json.putObject("cancellation_details").put("party", "payment_network").put("reason", "insufficient_funds");
        } else if (state == SimulatedPayment.State.CANCELED) {
            json.putObject("cancellation_details").put("party", "yoo_money").put("reason", "expired_on_confirmation");
        }
        return json;
    }

    private ObjectNode refundJson(SimulatedPayment payment) {
        ObjectNode json = Exchanges.JSON.createObjectNode().put("id", payment.refundId())
                .put("payment_id", payment.id()).put("status", "succeeded");
        json.set("amount", amount(payment));
        return json;
    }

    private static ObjectNode amount(SimulatedPayment payment) {
        return Exchanges.JSON.createObjectNode().put("value", Exchanges.decimal(payment.amountMinor())).put("currency", payment.currency());
    }

    private static void answer(HttpExchange exchange, JsonNode object) throws IOException {
        if (object == null) {
            Exchanges.json(exchange, 404, error("not_found", "Object not found"));
        } else {
            Exchanges.json(exchange, 200, object);
        }
    }

    private static ObjectNode error(String code, String description) {
        return Exchanges.JSON.createObjectNode().put("type", "error").put("id", UUID.randomUUID().toString())
                .put("code", code).put("description", description);
    }
}
