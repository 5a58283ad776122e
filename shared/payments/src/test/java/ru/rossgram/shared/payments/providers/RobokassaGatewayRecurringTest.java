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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;

/** Recurring payments: a parent with {@code Recurring=true}, charges posted to Merchant/Recurring, outcomes from OpStateExt. */
class RobokassaGatewayRecurringTest {
    private static final PaymentOrder RENEWAL = new PaymentOrder("01JRENEW", 43, Money.rub(29900), "Продление", null, false, "01JBUYER");
    private final LoopbackApi api = new LoopbackApi();
    private final RobokassaGateway gateway = new RobokassaGateway(new RobokassaConfig(api.url("/Merchant/Index.aspx"), "shop",
            "pass-one", "pass-two", false, "md5", "", "", "pass-three", api.url("/RefundService/")), LoopbackApi.client());

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void recurringAndStateUrls_areBesideThePaymentPage_unlessConfigured() {
        RobokassaConfig real = new RobokassaConfig("https://auth.robokassa.ru/Merchant/Index.aspx", "shop", "1", "2", false, "md5", "", "",
                "", "https://services.robokassa.ru/RefundService/");
        assertEquals("https://auth.robokassa.ru/Merchant/Recurring", real.recurringUri().toString());
        assertEquals("https://auth.robokassa.ru/Merchant/WebService/Service.asmx/OpStateExt", real.opStateUri().toString());
        RobokassaConfig configured = new RobokassaConfig("https://auth.robokassa.ru/Merchant/Index.aspx", "shop", "1", "2", false, "md5",
                "https://elsewhere/Recurring", "https://elsewhere/OpStateExt", "", "https://services.robokassa.ru/RefundService/");
        assertEquals("https://elsewhere/Recurring", configured.recurringUri().toString());
        assertEquals("https://elsewhere/OpStateExt", configured.opStateUri().toString());
    }

    @Test
    void create_ofAParent_addsRecurringUnsigned_andSignsItsShpMarker() {
        CreatedPayment created = gateway.create(new PaymentOrder("01JSUB", 42, Money.rub(29900), "Подписка", "https://r", true, "01JBUYER"));

        Map<String, String> query = form(created.confirmationUrl().getRawQuery());
        assertEquals("true", query.get("Recurring"));
        assertEquals("1", query.get("Shp_recurringParent"));
        assertEquals(md5("shop:299.00:42:pass-one:Shp_paymentId=01JSUB:Shp_recurringParent=1"), query.get("SignatureValue"));
    }

    @Test
    void resultUrl_ofAParent_reportsItsInvIdAsTheSavedMethod_andOfAnyOtherPaymentNone() {
        String parent = "OutSum=299.000000&InvId=42&SignatureValue="
                + md5("299.000000:42:pass-two:Shp_paymentId=01JSUB:Shp_recurringParent=1") + "&Shp_paymentId=01JSUB&Shp_recurringParent=1";
        assertEquals("42", onlyEvent(parent).savedMethod());

        String child = "OutSum=299.000000&InvId=43&SignatureValue=" + md5("299.000000:43:pass-two:Shp_paymentId=01JRENEW")
                + "&Shp_paymentId=01JRENEW";
        ProviderEvent renewal = onlyEvent(child);
        assertNull(renewal.savedMethod());
        assertEquals("result:43", renewal.eventKey());
    }

    @Test
    void charge_postsTheSignedRecurringForm_andOkInvIdIsAccepted() {
        api.answer("POST /Merchant/Recurring", 200, "OK43\n");

        assertEquals(new CreatedPayment("43", null), gateway.charge(RENEWAL, "42"));

        LoopbackApi.Call call = api.calls.get(0);
        Map<String, String> sent = form(call.body());
        assertEquals("shop", sent.get("MerchantLogin"));
        assertEquals("43", sent.get("InvoiceID"));
        assertEquals("42", sent.get("PreviousInvoiceID"));
        assertEquals("299.00", sent.get("OutSum"));
        assertEquals("Продление", sent.get("Description"));
        assertEquals("01JRENEW", sent.get("Shp_paymentId"));
        assertEquals(md5("shop:299.00:43:pass-one:Shp_paymentId=01JRENEW"), sent.get("SignatureValue"));
    }

    @Test
    void charge_answeredAnythingButOkInvId_isProviderUnavailable() {
        api.answer("POST /Merchant/Recurring", 200, "ERROR: parent not found");
        assertThrows(ProviderUnavailableException.class, () -> gateway.charge(RENEWAL, "42"));
        api.answer("POST /Merchant/Recurring", 200, "OK44");
        assertThrows(ProviderUnavailableException.class, () -> gateway.charge(RENEWAL, "42"));
    }

    @Test
    void outcome_paid_isTheSuccessAResultUrlWouldReport_underTheSameEventKey() {
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, state(0, 100));

        Optional<ProviderEvent> outcome = gateway.outcome(RENEWAL, "43");

        assertEquals(Optional.of(new ProviderEvent(PaymentProvider.ROBOKASSA, "result:43", PaymentState.Event.SUCCEEDED, "01JRENEW", "43",
                Money.rub(29900))), outcome);
        Map<String, String> asked = form(api.calls.get(0).query());
        assertEquals("shop", asked.get("MerchantLogin"));
        assertEquals("43", asked.get("InvoiceID"));
        assertEquals(md5("shop:43:pass-two"), asked.get("Signature"));
    }

    @Test
    void outcome_canceled_isADecline_whileInProgressAndUnknownAreNothingYet() {
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, state(0, 10));
        ProviderEvent declined = gateway.outcome(RENEWAL, "43").orElseThrow();
        assertEquals(PaymentState.Event.CANCELED, declined.kind());
        assertEquals("01JRENEW", declined.paymentId());

        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, state(0, 5));
        assertEquals(Optional.empty(), gateway.outcome(RENEWAL, "43"));
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, state(3, -1));
        assertEquals(Optional.empty(), gateway.outcome(RENEWAL, "43"));
    }

    @Test
    void outcome_errorsAndUnreadableAnswers_areProviderUnavailable() {
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, state(1, -1));
        assertThrows(ProviderUnavailableException.class, () -> gateway.outcome(RENEWAL, "43"));
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 200, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertThrows(ProviderUnavailableException.class, () -> gateway.outcome(RENEWAL, "43"));
        api.answer("GET /Merchant/WebService/Service.asmx/OpStateExt", 500, "");
        assertThrows(ProviderUnavailableException.class, () -> gateway.outcome(RENEWAL, "43"));
    }

    private ProviderEvent onlyEvent(String form) {
        var verified = assertInstanceOf(Notification.Verified.class, gateway.read(new WebhookDelivery(form.getBytes(StandardCharsets.UTF_8),
                Map.of("content-type", "application/x-www-form-urlencoded"), "185.59.216.65")));
        assertEquals(1, verified.events().size());
        return verified.events().get(0);
    }

    /** As Robokassa answers: a default namespace, six-decimal sums. */
    private static String state(int result, int state) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><OperationStateResponse xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns=\"http://merchant.roboxchange.com/WebService/\"><Result><Code>" + result + "</Code></Result>";
        if (state >= 0) {
            body += "<State><Code>" + state + "</Code><RequestDate>2026-12-07T10:21:22+03:00</RequestDate></State>"
                    + "<Info xsi:type=\"OperationInfoExt\"><IncCurrLabel>BankCardPSR</IncCurrLabel><IncSum>299.000000</IncSum>"
                    + "<OutCurrLabel>BankCardPSR</OutCurrLabel><OutSum>299.000000</OutSum></Info>";
        }
        return body + "</OperationStateResponse>";
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
