package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * T-Bank Internet Acquiring: {@code Init} creates the payment, and notifications are signed with the same
 * {@link TBankToken} as our requests. T-Bank takes only the body {@code OK} as delivered and retries anything else.
 *
 * <p>Recurring payments: the first payment is an {@code Init} with {@code Recurrent=Y} and {@code CustomerKey}, and
 * its success reports the {@code RebillId}; a later charge is an {@code Init} of its own followed by {@code Charge}
 * with that {@code RebillId}. The operation's initiator travels in {@code DATA.OperationInitiatorType} ({@code 1}:
 * the buyer, saving the card; {@code R}: we, charging it on file). {@code DATA} is an object, and the Token covers
 * only the root's scalars, so it is not signed.
 *
 * <p>T-Bank's documentation puts {@code RebillId} in the notification of the {@code AUTHORIZED} status; we act only on
 * {@code CONFIRMED} (one-stage payments send both) and assume T-Bank repeats the {@code RebillId} there, as its
 * notification model carries the field for every status. A {@code CONFIRMED} without it reports no saved method,
 * which the subscription sees as a first payment that cannot renew by itself.
 *
 * <p>Refunds: {@code Cancel} of a {@code CONFIRMED} payment for its whole {@code Amount} returns the money and moves
 * the payment to {@code REFUNDED}, which T-Bank notifies like any status. {@code Cancel} takes no idempotency key:
 * a repeat of a full refund is refused (the payment is no longer {@code CONFIRMED}), so the gateway then asks
 * {@code GetState} and answers as for the first when the payment is {@code REFUNDED}.
 *
 * <p>{@code PARTIAL_REFUNDED} gives no event: our payments are refunded whole, and a partial refund would need an
 * amount-aware refund in the ledger, which the state machine does not have.
 */
@Singleton
public class TBankGateway implements PaymentGateway {
    private static final int DESCRIPTION_LIMIT = 140;
    private static final Set<String> CANCELED = Set.of("REJECTED", "CANCELED", "REVERSED", "DEADLINE_EXPIRED", "AUTH_FAIL");
    private static final WebhookReply ACKNOWLEDGED = WebhookReply.text(200, "OK");
    private static final WebhookReply NOT_TAKEN = WebhookReply.text(400, "NOTOK");

    private final TBankConfig config;
    private final ProviderApi api;

    public TBankGateway(TBankConfig config, ProviderApi api) {
        this.config = config;
        this.api = api;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.TBANK;
    }

    @Override
    public boolean configured() {
        return !config.terminalKey().isBlank() && !config.password().isBlank();
    }

    /**
     * {@code OrderId} is our payment id, so a repeated {@code Init} names the same order. Roubles only. An order that
     * saves its method is a parent payment: {@code Recurrent=Y} with the buyer as {@code CustomerKey}.
     */
    @Override
    public CreatedPayment create(PaymentOrder order) {
        ObjectNode body = init(order);
        if (order.returnUrl() != null) {
            body.put("SuccessURL", order.returnUrl()).put("FailURL", order.returnUrl());
        }
        if (order.saveMethod()) {
            body.put("Recurrent", "Y").put("CustomerKey", customerKey(order));
            body.putObject("DATA").put("OperationInitiatorType", "1");
        }
        JsonNode answer = call("Init", order, body);
        String url = answer.path("PaymentURL").asText("");
        if (url.isEmpty()) {
            throw new ProviderUnavailableException("T-Bank Init for " + order.paymentId() + " answered no PaymentURL");
        }
        return new CreatedPayment(answer.path("PaymentId").asText(), URI.create(url));
    }

    /**
     * {@code Init} (a new payment, initiated by us) then {@code Charge} with the {@code RebillId}. A repeated call for
     * one order gets the same payment from {@code Init}, and one that has moved on from {@code NEW} is not charged
     * again. A declined {@code Charge} still names its payment: the decline is the {@code REJECTED} notification.
     */
    @Override
    public CreatedPayment charge(PaymentOrder order, String savedMethod) {
        ObjectNode init = init(order);
        if (order.customerId() != null) {
            init.put("CustomerKey", order.customerId());
        }
        init.putObject("DATA").put("OperationInitiatorType", "R");
        JsonNode created = call("Init", order, init);
        String paymentId = created.path("PaymentId").asText();
        String status = created.path("Status").asText("NEW");
        if (!"NEW".equals(status)) {
            return new CreatedPayment(paymentId, null);
        }
        ObjectNode charge = signed(api.newObject()
                .put("TerminalKey", config.terminalKey())
                .put("PaymentId", paymentId)
                .put("RebillId", savedMethod));
        ProviderApi.Answer answer = api.postJson(endpoint("Charge"), charge, Map.of());
        boolean decided = answer.body().path("Success").asBoolean(false) || !answer.body().path("Status").asText("").isEmpty();
        if (!answer.ok() || !decided) {
            throw failure("Charge", order.paymentId(), answer);
        }
        return new CreatedPayment(paymentId, null);
    }

    /**
     * {@code Cancel} of the whole payment; the {@code REFUNDED} notification settles it.
     *
     * @throws ProviderUnavailableException when T-Bank refuses and {@code GetState} does not show the payment refunded
     */
    @Override
    public Optional<ProviderEvent> refund(RefundOrder order) {
        if (!Money.RUB.equals(order.amount().currency())) {
            throw new IllegalArgumentException("T-Bank terminals refund roubles, not " + order.amount().currency());
        }
        ObjectNode cancel = signed(api.newObject()
                .put("TerminalKey", config.terminalKey())
                .put("PaymentId", order.providerPaymentId())
                .put("Amount", order.amount().minor()));
        ProviderApi.Answer answer = api.postJson(endpoint("Cancel"), cancel, Map.of());
        if (answer.ok() && answer.body().path("Success").asBoolean(false)) {
            return Optional.empty();
        }
        if (!"REFUNDED".equals(status(order.providerPaymentId()))) {
            throw failure("Cancel", order.paymentId(), answer);
        }
        return Optional.empty();
    }

    /** The payment's {@code Status} as {@code GetState} answers it, or "" when T-Bank does not say. */
    private String status(String paymentId) {
        ObjectNode request = signed(api.newObject().put("TerminalKey", config.terminalKey()).put("PaymentId", paymentId));
        ProviderApi.Answer answer = api.postJson(endpoint("GetState"), request, Map.of());
        return answer.ok() && answer.body().path("Success").asBoolean(false) ? answer.body().path("Status").asText("") : "";
    }

    private ObjectNode signed(ObjectNode request) {
        return request.put("Token", TBankToken.of(request, config.password()));
    }

    private ObjectNode init(PaymentOrder order) {
        if (!Money.RUB.equals(order.amount().currency())) {
            throw new IllegalArgumentException("T-Bank terminals charge roubles, not " + order.amount().currency());
        }
        return api.newObject()
                .put("TerminalKey", config.terminalKey())
                .put("Amount", order.amount().minor())
                .put("OrderId", order.paymentId())
                .put("Description", limit(order.description()));
    }

    /** Signs and sends {@code body}; the answer when T-Bank says Success with a PaymentId. */
    private JsonNode call(String method, PaymentOrder order, ObjectNode body) {
        ProviderApi.Answer answer = api.postJson(endpoint(method), signed(body), Map.of());
        if (!answer.ok() || !answer.body().path("Success").asBoolean(false) || answer.body().path("PaymentId").asText("").isEmpty()) {
            throw failure(method, order.paymentId(), answer);
        }
        return answer.body();
    }

    private static ProviderUnavailableException failure(String method, String paymentId, ProviderApi.Answer answer) {
        return new ProviderUnavailableException("T-Bank " + method + " for " + paymentId + " failed: HTTP " + answer.status()
                + " ErrorCode " + answer.body().path("ErrorCode").asText("?") + " " + answer.body().path("Message").asText("")
                + " " + answer.body().path("Details").asText(""));
    }

    private URI endpoint(String method) {
        return URI.create(config.apiUrl().replaceAll("/+$", "") + "/" + method);
    }

    private static String customerKey(PaymentOrder order) {
        if (order.customerId() == null || order.customerId().isBlank()) {
            throw new IllegalArgumentException("T-Bank needs a CustomerKey to save a payment method");
        }
        return order.customerId();
    }

    @Override
    public Notification read(WebhookDelivery delivery) {
        if (!configured()) {
            return refused("T-Bank is not configured in this deployment");
        }
        Map<String, String> fields;
        try {
            fields = WebhookBodies.jsonRootScalars(delivery.body());
        } catch (IOException | IllegalArgumentException e) {
            // Not the parser's message: it quotes the body (card data included) into the log.
            return refused("body is not one JSON object");
        }
        if (!Signatures.sameHex(TBankToken.of(fields, config.password()), fields.get("Token"))) {
            return refused(fields.containsKey("Token") ? "Token does not match" : "no Token");
        }
        if (!config.terminalKey().equals(fields.get("TerminalKey"))) {
            return refused("notification for terminal " + fields.get("TerminalKey"));
        }
        String status = fields.getOrDefault("Status", "");
        PaymentState.Event kind = "CONFIRMED".equals(status) ? PaymentState.Event.SUCCEEDED
                : CANCELED.contains(status) ? PaymentState.Event.CANCELED
                : "REFUNDED".equals(status) ? PaymentState.Event.REFUNDED
                : null;
        if (kind == null) {
            return verified(List.of());
        }
        String paymentId = fields.getOrDefault("PaymentId", "");
        String orderId = fields.getOrDefault("OrderId", "");
        long kopecks;
        try {
            kopecks = Long.parseLong(fields.getOrDefault("Amount", ""));
        } catch (NumberFormatException e) {
            return refused("Amount is not a whole number of kopecks");
        }
        if (paymentId.isEmpty() || orderId.isEmpty() || kopecks < 0) {
            return refused("notification lacks PaymentId, OrderId or a valid Amount");
        }
        String cardId = fields.getOrDefault("CardId", "");
        PaymentCard card = PaymentCard.fromMask(fields.get("Pan"), fields.get("ExpDate"), cardId.isEmpty() ? null : "tbank:" + cardId);
        String rebillId = fields.getOrDefault("RebillId", "");
        String savedMethod = kind == PaymentState.Event.SUCCEEDED && !rebillId.isEmpty() ? rebillId : null;
        return verified(List.of(new ProviderEvent(provider(), paymentId + ":" + status, kind, orderId, paymentId, Money.rub(kopecks),
                card, savedMethod)));
    }

    private static Notification verified(List<ProviderEvent> events) {
        return new Notification.Verified(events, ACKNOWLEDGED, NOT_TAKEN);
    }

    private static Notification refused(String reason) {
        return new Notification.Refused(NOT_TAKEN, reason);
    }

    private static String limit(String description) {
        String text = description == null ? "" : description;
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT);
    }
}
