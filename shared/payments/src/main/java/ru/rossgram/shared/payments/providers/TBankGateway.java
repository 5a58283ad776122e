package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * T-Bank Internet Acquiring: {@code Init} creates the payment, and notifications are signed with the same
 * {@link TBankToken} as our requests. T-Bank takes only the body {@code OK} as delivered and retries anything else.
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

    /** {@code OrderId} is our payment id, so a repeated {@code Init} names the same order. Roubles only. */
    @Override
    public CreatedPayment create(PaymentOrder order) {
        if (!Money.RUB.equals(order.amount().currency())) {
            throw new IllegalArgumentException("T-Bank terminals charge roubles, not " + order.amount().currency());
        }
        ObjectNode body = api.newObject()
                .put("TerminalKey", config.terminalKey())
                .put("Amount", order.amount().minor())
                .put("OrderId", order.paymentId())
                .put("Description", limit(order.description()));
        if (order.returnUrl() != null) {
            body.put("SuccessURL", order.returnUrl()).put("FailURL", order.returnUrl());
        }
        body.put("Token", TBankToken.of(body, config.password()));
        ProviderApi.Answer answer = api.postJson(URI.create(config.apiUrl().replaceAll("/+$", "") + "/Init"), body, Map.of());
        String paymentId = answer.body().path("PaymentId").asText("");
        String url = answer.body().path("PaymentURL").asText("");
        if (!answer.ok() || !answer.body().path("Success").asBoolean(false) || paymentId.isEmpty() || url.isEmpty()) {
            throw new ProviderUnavailableException("T-Bank Init for " + order.paymentId() + " failed: HTTP " + answer.status()
                    + " ErrorCode " + answer.body().path("ErrorCode").asText("?") + " " + answer.body().path("Message").asText("")
                    + " " + answer.body().path("Details").asText(""));
        }
        return new CreatedPayment(paymentId, URI.create(url));
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
        return verified(List.of(new ProviderEvent(provider(), paymentId + ":" + status, kind, orderId, paymentId, Money.rub(kopecks), card)));
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
