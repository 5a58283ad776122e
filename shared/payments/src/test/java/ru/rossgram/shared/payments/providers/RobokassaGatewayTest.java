package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

class RobokassaGatewayTest {
    private final RobokassaGateway gateway = gateway("md5", false);

    @Test
    void create_signsThePaymentUrl_withPassword1AndTheShpParameter() {
        CreatedPayment created = gateway.create(new PaymentOrder("01JPAYMENT", 42, Money.rub(19900), "Rossgram Pro", "https://r"));

        assertEquals("42", created.providerPaymentId());
        Map<String, String> query = query(created.confirmationUrl().getRawQuery());
        assertEquals("https://auth.robokassa.ru/Merchant/Index.aspx", created.confirmationUrl().toString().split("\\?")[0]);
        assertEquals("shop", query.get("MerchantLogin"));
        assertEquals("199.00", query.get("OutSum"));
        assertEquals("42", query.get("InvId"));
        assertEquals("Rossgram Pro", query.get("Description"));
        assertEquals("01JPAYMENT", query.get("Shp_paymentId"));
        assertEquals(hex("MD5", "shop:199.00:42:pass-one:Shp_paymentId=01JPAYMENT"), query.get("SignatureValue"));
        assertNull(query.get("IsTest"));
    }

    @Test
    void testMode_addsIsTest_andSha256_signsWithSha256() {
        var created = gateway("sha256", true).create(new PaymentOrder("01JPAYMENT", 42, Money.rub(19900), "Pro", "https://r"));
        Map<String, String> query = query(created.confirmationUrl().getRawQuery());
        assertEquals("1", query.get("IsTest"));
        assertEquals(hex("SHA-256", "shop:199.00:42:pass-one:Shp_paymentId=01JPAYMENT"), query.get("SignatureValue"));
    }

    @Test
    void resultUrl_signedWithPassword2_isASuccess_answeredOkInvId() {
        String signature = hex("MD5", "199.000000:42:pass-two:Shp_paymentId=01JPAYMENT").toUpperCase(Locale.ROOT);
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(delivery(
                "OutSum=199.000000&InvId=42&Fee=5.97&SignatureValue=" + signature + "&Shp_paymentId=01JPAYMENT")));

        assertEquals(List.of(new ProviderEvent(PaymentProvider.ROBOKASSA, "result:42", PaymentState.Event.SUCCEEDED,
                "01JPAYMENT", "42", Money.rub(19900))), verified.events());
        assertEquals(WebhookReply.text(200, "OK42"), verified.acknowledgement());
    }

    @Test
    void tamperedSum_password1Signature_andMissingSignature_areBadSign() {
        String signature = hex("MD5", "199.000000:42:pass-two:Shp_paymentId=01JPAYMENT");
        var refused = assertInstanceOf(Notification.Refused.class, gateway.read(delivery(
                "OutSum=1.000000&InvId=42&SignatureValue=" + signature + "&Shp_paymentId=01JPAYMENT")));
        assertEquals(WebhookReply.text(400, "bad sign"), refused.reply());

        String withPassword1 = hex("MD5", "199.000000:42:pass-one:Shp_paymentId=01JPAYMENT");
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery(
                "OutSum=199.000000&InvId=42&SignatureValue=" + withPassword1 + "&Shp_paymentId=01JPAYMENT")));
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery("OutSum=199.000000&InvId=42&Shp_paymentId=01JPAYMENT")));
        // Another payment's id slipped in: Shp_ parameters are signed too.
        assertInstanceOf(Notification.Refused.class, gateway.read(delivery(
                "OutSum=199.000000&InvId=42&SignatureValue=" + signature + "&Shp_paymentId=01JOTHER")));
    }

    @Test
    void unknownHash_isAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> gateway("gost", false));
    }

    private static RobokassaGateway gateway(String hash, boolean test) {
        return new RobokassaGateway(new RobokassaConfig("https://auth.robokassa.ru/Merchant/Index.aspx", "shop", "pass-one",
                "pass-two", test, hash, "", "", "", "https://services.robokassa.ru/RefundService/"), LoopbackApi.client());
    }

    private static WebhookDelivery delivery(String form) {
        return new WebhookDelivery(form.getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/x-www-form-urlencoded"), "185.59.216.65");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
