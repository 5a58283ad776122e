package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/**
 * Robokassa: no API call to create a payment, we sign the payment page URL ourselves (Password#1); the ResultURL
 * notification is signed with Password#2 and must be answered {@code OK<InvId>}. Custom {@code Shp_} parameters
 * enter both signatures as {@code name=value}, sorted by name. The buyer's return pages (SuccessURL, FailURL) are
 * set in the shop's technical settings, not per payment.
 *
 * <p>Recurring payments (a service Robokassa enables per shop on request): the parent payment's URL adds
 * {@code Recurring=true}, which its documentation leaves out of the signature, and our {@code Shp_recurringParent=1},
 * which is signed like any {@code Shp_} parameter and comes back in the ResultURL, so the success knows it saved a
 * method: the parent's {@code InvId}. A charge posts the parent as {@code PreviousInvoiceID} to the recurring URL;
 * {@code OK<InvId>} means accepted, not paid. Its success arrives at ResultURL like any payment's, but a decline
 * sends nothing, so {@link #outcome} asks the XML interface {@code OpStateExt}.
 *
 * <p>Refunds (the refund API, enabled per shop, requests signed as an HS256 JWT with Password#3): {@code Refund/Create}
 * names the payment by its {@code OpKey}, which we do not store: {@code OpStateExt} reports it, and the payment's
 * state with it. Robokassa sends no notification of a refund, so {@link #refund} answers the refund event itself once
 * Robokassa accepted it, keyed {@code refund:<InvId>}: a repeat (state 60, refunded) answers the same event without
 * asking again, and whoever settles it twice settles it once.
 */
@Singleton
public class RobokassaGateway implements PaymentGateway {
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Pattern INV_ID = Pattern.compile("[1-9]\\d{0,18}");
    private static final int DESCRIPTION_LIMIT = 100;
    private static final String PAYMENT_ID = "Shp_paymentId";
    private static final String RECURRING_PARENT = "Shp_recurringParent";
    private static final String PAID = "100";
    private static final String CANCELED = "10";
    private static final String REFUNDED = "60";
    private static final WebhookReply BAD_SIGN = WebhookReply.text(400, "bad sign");
    private static final WebhookReply NOT_TAKEN = WebhookReply.text(400, "refused");

    private final RobokassaConfig config;
    private final ProviderApi api;
    private final String digest;

    /** @throws IllegalArgumentException for a hash Robokassa does not offer */
    public RobokassaGateway(RobokassaConfig config, ProviderApi api) {
        this.config = config;
        this.api = api;
        this.digest = DIGESTS.get(config.hash().toLowerCase(Locale.ROOT));
        if (digest == null) {
            throw new IllegalArgumentException("rossgram.payments.robokassa.hash must be one of " + DIGESTS.keySet());
        }
    }

    @Override
    public PaymentProvider provider() {
        return PaymentProvider.ROBOKASSA;
    }

    @Override
    public boolean configured() {
        return !config.merchantLogin().isBlank() && !config.password1().isBlank() && !config.password2().isBlank();
    }

    /** The signed payment page URL; {@code InvId} is the order number, so the same order signs the same URL. */
    @Override
    public CreatedPayment create(PaymentOrder order) {
        if (!Money.RUB.equals(order.amount().currency())) {
            throw new IllegalArgumentException("Robokassa's OutSum is in roubles, not " + order.amount().currency());
        }
        String outSum = order.amount().decimal();
        String invId = Long.toString(order.orderNumber());
        Map<String, String> custom = order.saveMethod()
                ? Map.of(PAYMENT_ID, order.paymentId(), RECURRING_PARENT, "1")
                : Map.of(PAYMENT_ID, order.paymentId());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("MerchantLogin", config.merchantLogin());
        query.put("OutSum", outSum);
        query.put("InvId", invId);
        query.put("Description", limit(order.description()));
        query.put("SignatureValue", sign(config.merchantLogin() + ":" + outSum + ":" + invId + ":" + config.password1(), custom));
        query.putAll(new TreeMap<>(custom));
        if (order.saveMethod()) {
            query.put("Recurring", "true");
        }
        if (config.testMode()) {
            query.put("IsTest", "1");
        }
        return new CreatedPayment(invId, URI.create(config.paymentUrl() + "?" + WebhookBodies.encode(query)));
    }

    /**
     * Posts the charge of the parent payment {@code savedMethod} (its {@code InvId}) as a new invoice, our order
     * number, signed as the payment URL is. Robokassa takes a repeated {@code InvoiceID} as the same invoice.
     *
     * @throws ProviderUnavailableException when Robokassa does not answer {@code OK<InvoiceID>}
     */
    @Override
    public CreatedPayment charge(PaymentOrder order, String savedMethod) {
        if (!Money.RUB.equals(order.amount().currency())) {
            throw new IllegalArgumentException("Robokassa's OutSum is in roubles, not " + order.amount().currency());
        }
        String outSum = order.amount().decimal();
        String invId = Long.toString(order.orderNumber());
        Map<String, String> custom = Map.of(PAYMENT_ID, order.paymentId());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MerchantLogin", config.merchantLogin());
        form.put("InvoiceID", invId);
        form.put("PreviousInvoiceID", savedMethod);
        form.put("OutSum", outSum);
        form.put("Description", limit(order.description()));
        form.put("SignatureValue", sign(config.merchantLogin() + ":" + outSum + ":" + invId + ":" + config.password1(), custom));
        form.putAll(custom);
        ProviderApi.Text answer = api.postForm(config.recurringUri(), form);
        if (!answer.ok() || !("OK" + invId).equals(answer.body().strip())) {
            throw new ProviderUnavailableException("Robokassa refused recurring charge " + invId + " for " + order.paymentId()
                    + ": HTTP " + answer.status() + " " + abbreviate(answer.body()));
        }
        return new CreatedPayment(invId, null);
    }

    /**
     * {@code OpStateExt} signed {@code MerchantLogin:InvoiceID:Password#2}: state 100 (paid) is the success a ResultURL
     * would report, with the same event key; 10 (canceled, no money taken) is the decline; any other state, or an
     * invoice Robokassa does not know yet (result 3), is still in progress.
     *
     * @throws ProviderUnavailableException when the interface cannot be asked or answers an error
     */
    @Override
    public Optional<ProviderEvent> outcome(PaymentOrder order, String providerPaymentId) {
        if (!INV_ID.matcher(providerPaymentId).matches()) {
            throw new IllegalArgumentException("a Robokassa InvId is a positive number, not " + providerPaymentId);
        }
        RobokassaOperationState state = operationState(providerPaymentId);
        if (RobokassaOperationState.NOT_FOUND.equals(state.result())) {
            return Optional.empty();
        }
        if (!"0".equals(state.result())) {
            throw new ProviderUnavailableException("Robokassa OpStateExt for " + providerPaymentId + " answered result " + state.result());
        }
        return switch (state.state()) {
            case PAID -> Optional.of(new ProviderEvent(provider(), "result:" + providerPaymentId, PaymentState.Event.SUCCEEDED,
                    order.paymentId(), providerPaymentId, Optional.ofNullable(roubles(state.outSum())).orElse(order.amount())));
            case CANCELED -> Optional.of(new ProviderEvent(provider(), "canceled:" + providerPaymentId, PaymentState.Event.CANCELED,
                    order.paymentId(), providerPaymentId, order.amount()));
            default -> Optional.empty();
        };
    }

    /**
     * Refunds the whole payment: its {@code OpKey} and state from {@code OpStateExt}, then {@code Refund/Create}
     * ({@code OpKey}, {@code RefundSum}) and {@code Refund/GetState} of the request it answers.
     *
     * @return the refund event ({@code refund:<InvId>}), for the caller to settle: Robokassa notifies no refund
     * @throws ProviderUnavailableException when Password#3 is not configured, the payment is not paid (nor already
     *         refunded), or Robokassa refuses or cancels the refund
     */
    @Override
    public Optional<ProviderEvent> refund(RefundOrder order) {
        String invId = order.providerPaymentId() != null ? order.providerPaymentId() : Long.toString(order.orderNumber());
        if (!INV_ID.matcher(invId).matches()) {
            throw new IllegalArgumentException("a Robokassa InvId is a positive number, not " + invId);
        }
        ProviderEvent refunded = new ProviderEvent(provider(), "refund:" + invId, PaymentState.Event.REFUNDED, order.paymentId(), invId,
                order.amount());
        if (config.password3().isBlank()) {
            throw new ProviderUnavailableException("Robokassa refunds need Password#3 (rossgram.payments.robokassa.password3)");
        }
        RobokassaOperationState state = operationState(invId);
        if (REFUNDED.equals(state.state())) {
            return Optional.of(refunded);
        }
        if (!"0".equals(state.result()) || !PAID.equals(state.state()) || state.opKey() == null) {
            throw new ProviderUnavailableException("Robokassa cannot refund " + invId + ": OpStateExt result " + state.result()
                    + ", state " + state.state());
        }
        // RefundSum as the decimal text "199.00": integrations report Robokassa refusing it as a bare number.
        ObjectNode claims = api.newObject().put("OpKey", state.opKey()).put("RefundSum", order.amount().decimal());
        ProviderApi.Answer created = api.postText(config.refundUri("Refund/Create"), HmacJwt.sign(claims, config.password3()));
        String requestId = created.body().path("requestId").asText("");
        if (!created.ok() || !created.body().path("success").asBoolean(false) || requestId.isEmpty()) {
            throw new ProviderUnavailableException("Robokassa Refund/Create for " + invId + " failed: HTTP " + created.status() + " "
                    + created.body().path("message").asText(""));
        }
        ProviderApi.Answer progress = api.get(URI.create(config.refundUri("Refund/GetState") + "?id="
                + URLEncoder.encode(requestId, StandardCharsets.UTF_8)), Map.of());
        if (!progress.ok() || "canceled".equals(progress.body().path("label").asText())) {
            throw new ProviderUnavailableException("Robokassa refund " + requestId + " of " + invId + ": HTTP " + progress.status()
                    + " " + progress.body().path("label").asText(""));
        }
        return Optional.of(refunded);
    }

    /**
     * {@code OpStateExt} of {@code invId}, signed {@code MerchantLogin:InvoiceID:Password#2}.
     *
     * @throws ProviderUnavailableException when the interface cannot be asked
     */
    private RobokassaOperationState operationState(String invId) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("MerchantLogin", config.merchantLogin());
        query.put("InvoiceID", invId);
        query.put("Signature", Signatures.digestHex(digest, config.merchantLogin() + ":" + invId + ":" + config.password2()));
        ProviderApi.Text answer = api.getText(config.opStateUri(), query);
        if (!answer.ok()) {
            throw new ProviderUnavailableException("Robokassa OpStateExt for " + invId + " answered HTTP " + answer.status());
        }
        return RobokassaOperationState.parse(answer.body());
    }

    @Override
    public Notification read(WebhookDelivery delivery) {
        if (!configured()) {
            return refused("Robokassa is not configured in this deployment");
        }
        Map<String, String> fields;
        try {
            fields = WebhookBodies.form(delivery.body());
        } catch (IllegalArgumentException e) {
            // Not the parser's message: it quotes the body (card data included) into the log.
            return refused("body is not a form");
        }
        String outSum = fields.get("OutSum");
        String invId = fields.get("InvId");
        String signature = fields.get("SignatureValue");
        if (outSum == null || invId == null || signature == null) {
            return refused("OutSum, InvId or SignatureValue missing");
        }
        if (!Signatures.sameHex(sign(outSum + ":" + invId + ":" + config.password2(), custom(fields)), signature)) {
            return refused("SignatureValue does not match");
        }
        Money amount = roubles(outSum);
        if (amount == null || !INV_ID.matcher(invId).matches()) {
            return refused("unreadable OutSum or InvId");
        }
        // Robokassa's Result URL carries no card data (only the method, such as BankCard): no card, so the referral
        // program's card rule cannot apply to Robokassa sales; the buyer-is-the-referrer rule still does.
        ProviderEvent event = new ProviderEvent(provider(), "result:" + invId, PaymentState.Event.SUCCEEDED,
                fields.get(PAYMENT_ID), invId, amount, null, "1".equals(fields.get(RECURRING_PARENT)) ? invId : null);
        return new Notification.Verified(List.of(event), WebhookReply.text(200, "OK" + invId), NOT_TAKEN);
    }

    /** {@code base}, then each custom parameter as {@code :Shp_name=value} in name order, hashed, hex. */
    private String sign(String base, Map<String, String> custom) {
        StringBuilder text = new StringBuilder(base);
        new TreeMap<>(custom).forEach((name, value) -> text.append(':').append(name).append('=').append(value));
        return Signatures.digestHex(digest, text.toString());
    }

    private static Map<String, String> custom(Map<String, String> fields) {
        Map<String, String> custom = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (name.regionMatches(true, 0, "Shp_", 0, 4)) {
                custom.put(name, value);
            }
        });
        return custom;
    }

    /** Robokassa writes OutSum with up to six decimals ({@code 199.000000}); more than kopecks is not money. */
    private static Money roubles(String outSum) {
        if (outSum == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(outSum.trim());
            return value.signum() < 0 ? null : Money.rub(value.movePointRight(2).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Notification refused(String reason) {
        return new Notification.Refused(BAD_SIGN, reason);
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    private static String limit(String description) {
        String text = description == null ? "" : description;
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT);
    }
}
