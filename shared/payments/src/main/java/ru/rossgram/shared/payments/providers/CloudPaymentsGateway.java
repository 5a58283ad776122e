package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * CloudPayments: {@code orders/create} makes a payment link, and Pay, Fail and Refund notifications arrive signed
 * with HMAC-SHA256 of the body under the API secret.
 *
 * <p>CloudPayments posts each notification type to its own URL; we configure one URL for Pay, Fail and Refund and
 * tell them apart by their fields. Do not point Check there: a Check carries the {@code Status} the payment will
 * have, and would read as a Pay.
 *
 * <p>Recurring payments: an order that saves its method names the buyer as {@code AccountId}; its Pay notification
 * then carries the card's {@code Token}, which {@code payments/tokens/charge} charges later. We keep the schedule
 * ourselves rather than CloudPayments' subscriptions API, as with the other providers.
 *
 * <p>Refunds: {@code payments/refund} with the payment's {@code TransactionId} and its whole {@code Amount}; the
 * refund key is the {@code X-Request-ID}, so a repeat answers the first refund's result. The refund is notified as
 * Refund, read like any.
 *
 * <p>Answers: {@code {"code":0}} takes a notification. Code 13 ("payment cannot be accepted") is the documented
 * refusal; for these notification types it changes nothing at CloudPayments, so an authentic notification we will
 * not take is answered 200 with code 13 (recorded, not retried), while an unverifiable one is answered 401 with
 * code 13: a non-200 makes CloudPayments retry, which is what a genuine notification wants if our secret is stale.
 */
@Singleton
public class CloudPaymentsGateway implements PaymentGateway {
    private static final WebhookReply ACKNOWLEDGED = WebhookReply.json(200, "{\"code\":0}");
    private static final WebhookReply NOT_TAKEN = WebhookReply.json(200, "{\"code\":13}");
    private static final WebhookReply UNVERIFIABLE = WebhookReply.json(401, "{\"code\":13}");

    private final CloudPaymentsConfig config;
    private final ProviderApi api;

    public CloudPaymentsGateway(CloudPaymentsConfig config, ProviderApi api) {
        this.config = config;
        this.api = api;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.CLOUDPAYMENTS;
    }

    @Override
    public boolean configured() {
        return !config.publicId().isBlank() && !config.apiSecret().isBlank();
    }

    /**
     * Our payment id travels as {@code InvoiceId} and comes back in every notification. An order that saves its method
     * sends the buyer as {@code AccountId}.
     */
    @Override
    public CreatedPayment create(PaymentOrder order) {
        ObjectNode body = payment(order);
        if (order.returnUrl() != null) {
            body.put("SuccessRedirectUrl", order.returnUrl()).put("FailRedirectUrl", order.returnUrl());
        }
        if (order.saveMethod()) {
            body.put("AccountId", accountId(order));
        }
        ProviderApi.Answer answer = api.postJson(endpoint("/orders/create"), body,
                Map.of("Authorization", ProviderApi.basicAuth(config.publicId(), config.apiSecret())));
        JsonNode model = answer.body().path("Model");
        String id = model.path("Id").asText("");
        String url = model.path("Url").asText("");
        if (!answer.ok() || !answer.body().path("Success").asBoolean(false) || id.isEmpty() || url.isEmpty()) {
            throw failure("orders/create", order.paymentId(), answer);
        }
        return new CreatedPayment(id, URI.create(url));
    }

    /**
     * {@code payments/tokens/charge}, initiated by us ({@code TrInitiatorCode: 0} "merchant", 1 would be the
     * cardholder; required since API 3.6.0) and scheduled ({@code PaymentScheduled: 1}), as the cloudpayments-ruby
     * SDK's {@code TokenChargeParams} documents the values. {@code X-Request-ID} is our payment id: the header
     * CloudPayments takes as the idempotency key (its Python client sends it as the "id of an idempotent request"),
     * so a repeated request answers the first one's result instead of charging again. A declined charge still names
     * its transaction: the decline is the Fail notification.
     */
    @Override
    public CreatedPayment charge(PaymentOrder order, String savedMethod) {
        ObjectNode body = payment(order)
                .put("AccountId", accountId(order))
                .put("Token", savedMethod)
                .put("TrInitiatorCode", 0)
                .put("PaymentScheduled", 1);
        ProviderApi.Answer answer = api.postJson(endpoint("/payments/tokens/charge"), body, idempotent(order.paymentId()));
        String transactionId = answer.body().path("Model").path("TransactionId").asText("");
        if (!answer.ok() || transactionId.isEmpty()) {
            throw failure("payments/tokens/charge", order.paymentId(), answer);
        }
        return new CreatedPayment(transactionId, null);
    }

    /**
     * {@code payments/refund} of the whole payment; the Refund notification settles it.
     *
     * @throws ProviderUnavailableException when CloudPayments answers other than {@code Success: true}
     */
    @Override
    public Optional<ProviderEvent> refund(RefundOrder order) {
        ObjectNode body = api.newObject()
                .put("TransactionId", transactionId(order.providerPaymentId()))
                .put("Amount", new BigDecimal(order.amount().decimal()));
        ProviderApi.Answer answer = api.postJson(endpoint("/payments/refund"), body, idempotent(order.refundKey()));
        if (!answer.ok() || !answer.body().path("Success").asBoolean(false)) {
            throw failure("payments/refund", order.paymentId(), answer);
        }
        return Optional.empty();
    }

    /** CloudPayments' TransactionId is a number (Int64), as its Pay notification reported it. */
    private static long transactionId(String reported) {
        try {
            return Long.parseLong(reported);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a CloudPayments TransactionId is a number, not " + reported, e);
        }
    }

    /** Basic auth and {@code X-Request-ID}: the header CloudPayments takes as the idempotency key of a request. */
    private Map<String, String> idempotent(String requestId) {
        return Map.of("Authorization", ProviderApi.basicAuth(config.publicId(), config.apiSecret()), "X-Request-ID", requestId);
    }

    private static ProviderUnavailableException failure(String method, String paymentId, ProviderApi.Answer answer) {
        return new ProviderUnavailableException("CloudPayments " + method + " for " + paymentId + " failed: HTTP "
                + answer.status() + " " + answer.body().path("Message").asText(""));
    }

    private ObjectNode payment(PaymentOrder order) {
        return api.newObject()
                .put("Amount", new BigDecimal(order.amount().decimal()))
                .put("Currency", order.amount().currency())
                .put("Description", order.description() == null ? "" : order.description())
                .put("InvoiceId", order.paymentId());
    }

    private URI endpoint(String path) {
        return URI.create(config.apiUrl().replaceAll("/+$", "") + path);
    }

    private static String accountId(PaymentOrder order) {
        if (order.customerId() == null || order.customerId().isBlank()) {
            throw new IllegalArgumentException("CloudPayments keeps a card's Token for an AccountId: the order has no customer");
        }
        return order.customerId();
    }

    @Override
    public Notification read(WebhookDelivery delivery) {
        if (!configured()) {
            return refused("CloudPayments is not configured in this deployment");
        }
        if (!signedByCloudPayments(delivery)) {
            return refused(delivery.header("content-hmac").isPresent() || delivery.header("x-content-hmac").isPresent()
                    ? "HMAC does not match" : "no Content-HMAC");
        }
        Map<String, String> fields;
        try {
            fields = fields(delivery.body());
        } catch (IOException | IllegalArgumentException e) {
            // Not the parser's message: it quotes the body (card data included) into the log.
            return refused("body is not a form or a JSON object");
        }
        String transactionId = fields.getOrDefault("TransactionId", "");
        if (transactionId.isEmpty()) {
            return refused("no TransactionId");
        }
        String refunded = fields.getOrDefault("PaymentTransactionId", "");
        boolean refund = !refunded.isEmpty() || "Refund".equals(fields.get("OperationType"));
        boolean fail = !refund && (fields.containsKey("Reason") || fields.containsKey("ReasonCode") || "Declined".equals(fields.get("Status")));
        boolean pay = !refund && !fail && "Completed".equals(fields.get("Status"));
        if (!refund && !fail && !pay) {
            return verified(List.of()); // an Authorized two-stage payment, a Confirm or Cancel we do not act on
        }
        Money amount;
        try {
            amount = Money.parseDecimal(fields.get("Amount"), fields.getOrDefault("Currency", Money.RUB));
        } catch (IllegalArgumentException e) {
            return refused("unreadable Amount or Currency");
        }
        String invoiceId = fields.get("InvoiceId");
        String ours = invoiceId == null || invoiceId.isEmpty() ? null : invoiceId;
        ProviderEvent event = refund
                ? new ProviderEvent(provider(), "refund:" + transactionId, PaymentState.Event.REFUNDED, ours, refunded.isEmpty() ? null : refunded, amount)
                : fail
                ? new ProviderEvent(provider(), "fail:" + transactionId, PaymentState.Event.CANCELED, ours, transactionId, amount)
                : new ProviderEvent(provider(), "pay:" + transactionId, PaymentState.Event.SUCCEEDED, ours, transactionId, amount,
                        PaymentCard.of(fields.get("CardFirstSix"), fields.get("CardLastFour"), fields.get("CardExpDate"), null),
                        savedMethod(fields));
        return verified(List.of(event));
    }

    /**
     * The card's {@code Token} of a payment made for an {@code AccountId}: only orders that save their method send
     * one (and the charges of a saved token, which report the same token again).
     */
    private static String savedMethod(Map<String, String> fields) {
        String token = fields.getOrDefault("Token", "");
        return token.isEmpty() || fields.getOrDefault("AccountId", "").isEmpty() ? null : token;
    }

    /**
     * CloudPayments sends {@code Content-HMAC} and {@code X-Content-HMAC}; they differ only in whether the signed
     * form was URL-decoded first, so each header is checked against both readings of the raw body.
     */
    private boolean signedByCloudPayments(WebhookDelivery delivery) {
        String raw = Signatures.hmacSha256Base64(delivery.body(), config.apiSecret());
        String decoded = raw;
        try {
            String text = URLDecoder.decode(new String(delivery.body(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            decoded = Signatures.hmacSha256Base64(text.getBytes(StandardCharsets.UTF_8), config.apiSecret());
        } catch (IllegalArgumentException e) {
            // not percent-decodable: only the raw reading can match
        }
        for (String header : List.of("content-hmac", "x-content-hmac")) {
            String received = delivery.header(header).map(String::trim).orElse(null);
            // Non-short-circuit: both readings are compared whatever the first says.
            if (Signatures.sameSignature(raw, received) | Signatures.sameSignature(decoded, received)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> fields(byte[] body) throws IOException {
        return WebhookBodies.looksLikeJson(body) ? WebhookBodies.jsonRootScalars(body) : WebhookBodies.form(body);
    }

    private static Notification verified(List<ProviderEvent> events) {
        return new Notification.Verified(events, ACKNOWLEDGED, NOT_TAKEN);
    }

    private static Notification refused(String reason) {
        return new Notification.Refused(UNVERIFIABLE, reason);
    }
}
