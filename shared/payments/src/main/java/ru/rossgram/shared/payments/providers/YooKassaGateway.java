package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * YooKassa API v3. Its notifications carry no signature, so a notification is only a hint: the payment or refund
 * it names is fetched from the API and the event is built from what the API says, never from the notification's
 * body. YooKassa takes only HTTP 200 as delivered and retries anything else for 24 hours, so a notification we
 * cannot confirm yet is answered 400 and comes back.
 */
@Singleton
public class YooKassaGateway implements PaymentGateway {
    private static final Pattern OBJECT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int DESCRIPTION_LIMIT = 128;
    private static final WebhookReply ACKNOWLEDGED = WebhookReply.text(200, "");
    private static final WebhookReply NOT_TAKEN = WebhookReply.text(400, "");

    private final YooKassaConfig config;
    private final ProviderApi api;

    public YooKassaGateway(YooKassaConfig config, ProviderApi api) {
        this.config = config;
        this.api = api;
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.YOOKASSA;
    }

    @Override
    public boolean configured() {
        return !config.shopId().isBlank() && !config.secretKey().isBlank();
    }

    /**
     * One-stage payment ({@code capture: true}); our payment id is the {@code Idempotence-Key} and the metadata. An
     * order that saves its method asks {@code save_payment_method: true}.
     */
    @Override
    public CreatedPayment create(PaymentOrder order) {
        ObjectNode body = payment(order);
        body.putObject("confirmation").put("type", "redirect").put("return_url", order.returnUrl());
        if (order.saveMethod()) {
            body.put("save_payment_method", true);
        }
        ProviderApi.Answer answer = api.postJson(uri("/payments"), body,
                Map.of("Authorization", auth(), "Idempotence-Key", order.paymentId()));
        String id = answer.body().path("id").asText("");
        String url = answer.body().path("confirmation").path("confirmation_url").asText("");
        if (!answer.ok() || id.isEmpty() || url.isEmpty()) {
            throw failure("create payment " + order.paymentId(), answer);
        }
        return new CreatedPayment(id, URI.create(url));
    }

    /**
     * An autopayment: {@code payment_method_id} of the saved method, no confirmation. YooKassa may answer it
     * already succeeded or canceled, or pending (a receipt being registered); either way the outcome is the
     * {@code payment.succeeded} or {@code payment.canceled} notification, read as any payment's.
     */
    @Override
    public CreatedPayment charge(PaymentOrder order, String savedMethod) {
        ObjectNode body = payment(order);
        body.put("payment_method_id", savedMethod);
        ProviderApi.Answer answer = api.postJson(uri("/payments"), body,
                Map.of("Authorization", auth(), "Idempotence-Key", order.paymentId()));
        String id = answer.body().path("id").asText("");
        if (!answer.ok() || id.isEmpty()) {
            throw failure("charge saved method for " + order.paymentId(), answer);
        }
        return new CreatedPayment(id, null);
    }

    /**
     * {@code POST /v3/refunds} of the whole payment, the refund key as {@code Idempotence-Key}: a repeat answers the
     * same refund and refunds nothing more. A refund answered {@code succeeded} or {@code pending} is on its way and
     * its {@code refund.succeeded} notification settles it; {@code canceled} (YooKassa refused it) is a failure.
     */
    @Override
    public Optional<ProviderEvent> refund(RefundOrder order) {
        ObjectNode body = api.newObject().put("payment_id", order.providerPaymentId());
        body.putObject("amount").put("value", order.amount().decimal()).put("currency", order.amount().currency());
        body.put("description", limit("Refund of " + order.paymentId()));
        ProviderApi.Answer answer = api.postJson(uri("/refunds"), body,
                Map.of("Authorization", auth(), "Idempotence-Key", order.refundKey()));
        String status = answer.body().path("status").asText("");
        if (!answer.ok() || answer.body().path("id").asText("").isEmpty() || !("succeeded".equals(status) || "pending".equals(status))) {
            throw failure("refund payment " + order.providerPaymentId() + " (" + order.paymentId() + ")", answer);
        }
        return Optional.empty();
    }

    private static ProviderUnavailableException failure(String what, ProviderApi.Answer answer) {
        JsonNode body = answer.body();
        JsonNode reason = body.path("cancellation_details").path("reason");
        return new ProviderUnavailableException("YooKassa did not " + what + ": HTTP " + answer.status() + " "
                + body.path("code").asText(body.path("status").asText("")) + " " + body.path("description").asText(reason.asText("")));
    }

    private ObjectNode payment(PaymentOrder order) {
        ObjectNode body = api.newObject();
        body.putObject("amount").put("value", order.amount().decimal()).put("currency", order.amount().currency());
        body.put("capture", true);
        body.put("description", limit(order.description()));
        body.putObject("metadata").put("paymentId", order.paymentId());
        return body;
    }

    /**
     * Confirms {@code payment.succeeded}, {@code payment.canceled} and {@code refund.succeeded} through the API;
     * other events are acknowledged with nothing to do.
     *
     * @throws ProviderUnavailableException when the API cannot be asked (unreachable, 5xx, our credentials refused)
     */
    @Override
    public Notification read(WebhookDelivery delivery) {
        if (!configured()) {
            return refused("YooKassa is not configured in this deployment");
        }
        if (config.checkSenderIp() && !YooKassaSenders.includes(delivery.sourceIp())) {
            return refused("sender " + delivery.sourceIp() + " is outside YooKassa's notification networks");
        }
        JsonNode notification;
        try {
            notification = api.readTree(delivery.body());
        } catch (IOException e) {
            return refused("body is not JSON");
        }
        String event = notification.path("event").asText("");
        String objectId = notification.path("object").path("id").asText("");
        // The id goes into an API path: only id characters, so a notification cannot steer the request elsewhere.
        if (!"notification".equals(notification.path("type").asText()) || event.isBlank() || !OBJECT_ID.matcher(objectId).matches()) {
            return refused("not a YooKassa notification");
        }
        return switch (event) {
            case "payment.succeeded" -> payment(event, objectId, "succeeded", PaymentState.Event.SUCCEEDED);
            case "payment.canceled" -> payment(event, objectId, "canceled", PaymentState.Event.CANCELED);
            case "refund.succeeded" -> refund(event, objectId);
            default -> verified(List.of());
        };
    }

    private Notification payment(String event, String id, String status, PaymentState.Event kind) {
        JsonNode payment = fetch("/payments/", id);
        if (payment == null || !id.equals(payment.path("id").asText())) {
            return refused("YooKassa has no payment " + id);
        }
        if (!status.equals(payment.path("status").asText())) {
            return refused(event + " for payment " + id + " whose status is " + payment.path("status").asText());
        }
        Money amount = amount(payment);
        if (amount == null) {
            return refused("payment " + id + " has no readable amount");
        }
        String ours = payment.path("metadata").path("paymentId").asText(null);
        return verified(List.of(new ProviderEvent(provider(), event + ":" + id, kind, ours, id, amount, card(payment),
                kind == PaymentState.Event.SUCCEEDED ? savedMethod(payment) : null)));
    }

    private Notification refund(String event, String id) {
        JsonNode refund = fetch("/refunds/", id);
        if (refund == null || !id.equals(refund.path("id").asText())) {
            return refused("YooKassa has no refund " + id);
        }
        if (!"succeeded".equals(refund.path("status").asText())) {
            return refused("refund " + id + " is " + refund.path("status").asText());
        }
        String paymentId = refund.path("payment_id").asText("");
        Money amount = amount(refund);
        if (paymentId.isEmpty() || amount == null) {
            return refused("refund " + id + " lacks its payment or amount");
        }
        return verified(List.of(new ProviderEvent(provider(), event + ":" + id, PaymentState.Event.REFUNDED, null, paymentId, amount)));
    }

    /** The object, or null when YooKassa says there is none (404); anything else unexpected is worth a retry. */
    private JsonNode fetch(String collection, String id) {
        ProviderApi.Answer answer = api.get(uri(collection + id), Map.of("Authorization", auth()));
        if (answer.status() == 404) {
            return null;
        }
        if (!answer.ok()) {
            throw new ProviderUnavailableException("YooKassa answered HTTP " + answer.status() + " for " + collection + id);
        }
        return answer.body();
    }

    /**
     * {@code payment_method.id} when {@code payment_method.saved} is true: the payment saved its method (or was
     * itself charged to a saved one, which stays saved).
     */
    private static String savedMethod(JsonNode payment) {
        JsonNode method = payment.path("payment_method");
        String id = method.path("id").asText("");
        return method.path("saved").asBoolean(false) && !id.isEmpty() ? id : null;
    }

    /** {@code payment_method.card} of a bank-card payment: first6, last4, expiry_month and expiry_year (YYYY). */
    private static PaymentCard card(JsonNode payment) {
        JsonNode card = payment.path("payment_method").path("card");
        if (card.isMissingNode()) {
            return null;
        }
        String month = card.path("expiry_month").asText("");
        String year = card.path("expiry_year").asText("");
        String expiry = month.length() == 2 && year.length() == 4 ? month + year.substring(2) : null;
        return PaymentCard.of(card.path("first6").asText(null), card.path("last4").asText(null), expiry, null);
    }

    private static Money amount(JsonNode object) {
        try {
            JsonNode amount = object.path("amount");
            return Money.parseDecimal(amount.path("value").asText(null), amount.path("currency").asText(""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Notification verified(List<ProviderEvent> events) {
        return new Notification.Verified(events, ACKNOWLEDGED, NOT_TAKEN);
    }

    private static Notification refused(String reason) {
        return new Notification.Refused(NOT_TAKEN, reason);
    }

    private URI uri(String path) {
        return URI.create(config.apiUrl().replaceAll("/+$", "") + path);
    }

    private String auth() {
        return ProviderApi.basicAuth(config.shopId(), config.secretKey());
    }

    private static String limit(String description) {
        String text = description == null ? "" : description;
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT);
    }
}
