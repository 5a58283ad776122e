package ru.rossgram.shared.payments.providers;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 */
@Singleton
public class RobokassaGateway implements PaymentGateway {
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Pattern INV_ID = Pattern.compile("[1-9]\\d{0,18}");
    private static final int DESCRIPTION_LIMIT = 100;
    private static final String PAYMENT_ID = "Shp_paymentId";
    private static final WebhookReply BAD_SIGN = WebhookReply.text(400, "bad sign");
    private static final WebhookReply NOT_TAKEN = WebhookReply.text(400, "refused");

    private final RobokassaConfig config;
    private final String digest;

    /** @throws IllegalArgumentException for a hash Robokassa does not offer */
    public RobokassaGateway(RobokassaConfig config) {
        this.config = config;
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
        Map<String, String> custom = Map.of(PAYMENT_ID, order.paymentId());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("MerchantLogin", config.merchantLogin());
        query.put("OutSum", outSum);
        query.put("InvId", invId);
        query.put("Description", limit(order.description()));
        query.put("SignatureValue", sign(config.merchantLogin() + ":" + outSum + ":" + invId + ":" + config.password1(), custom));
        query.putAll(custom);
        if (config.testMode()) {
            query.put("IsTest", "1");
        }
        return new CreatedPayment(invId, URI.create(config.paymentUrl() + "?" + WebhookBodies.encode(query)));
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
                fields.get(PAYMENT_ID), invId, amount);
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

    private static String limit(String description) {
        String text = description == null ? "" : description;
        return text.length() <= DESCRIPTION_LIMIT ? text : text.substring(0, DESCRIPTION_LIMIT);
    }
}
