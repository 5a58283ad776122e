package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Robokassa: the payment page {@code /Merchant/Index.aspx} checks the shop's signature (Password#1) and opens the
 * payment; on payment Robokassa calls ResultURL with a form signed with Password#2. It sends no server
 * notification for a failed or refunded payment.
 *
 * <p>Recurring: a payment opened with {@code Recurring=true} (not signed) is a parent; once paid, {@code POST
 * /Merchant/Recurring} with it as {@code PreviousInvoiceID} charges a new {@code InvoiceID} at once to the parent's
 * card and answers {@code OK<InvoiceID>} (a repeated {@code InvoiceID} answers the same and charges nothing). A paid
 * charge calls ResultURL on our own threads; a declined one sends nothing, and
 * {@code /Merchant/WebService/Service.asmx/OpStateExt} (signed {@code MerchantLogin:InvoiceID:Password#2}) tells
 * it: state 5 pending, 10 canceled, 100 paid, 60 refunded, and the operation's {@code OpKey}.
 *
 * <p>Refunds (the refund API, {@code /RefundService/}): {@code POST Refund/Create} takes a bare JWT signed HS256 with
 * Password#3, claims {@code OpKey} and {@code RefundSum}; a paid operation refunded whole answers
 * {@code {"success":true,"requestId":...}} and is refunded at once (state 60); anything else answers
 * {@code success: false} with a message ({@code OperationNotFound}, {@code AlreadyRefunded}, ...). {@code GET
 * Refund/GetState?id=<requestId>} answers {@code label: finished}. Robokassa sends no notification of a refund.
 */
final class RobokassaEmulator implements ProviderEmulator {
    private final String merchantLogin;
    private final String password1;
    private final String password2;
    private final String password3;
    private final Map<String, SimulatedPayment> refundRequests = new ConcurrentHashMap<>();
    private final String hash;
    private final PaymentPages pages;
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final CardAuthorizer cards;
    private final Outbox outbox;

    RobokassaEmulator(String merchantLogin, String password1, String password2, String password3, String hash, PaymentPages pages,
                      CardAuthorizer cards, Outbox outbox) {
        this.merchantLogin = merchantLogin;
        this.password1 = password1;
        this.password2 = password2;
        this.password3 = password3;
        this.hash = hash;
        this.pages = pages;
        this.cards = cards;
        this.outbox = outbox;
    }

    @Override
    public Provider provider() {
        return Provider.ROBOKASSA;
    }

    @Override
    public Optional<SimulatedPayment> payment(String id) {
        return Optional.ofNullable(payments.get(id));
    }

    @Override
    public boolean notifies(Action action) {
        return action == Action.PAY;
    }

    @Override
    public Collection<SimulatedPayment> payments() {
        return payments.values();
    }

    @Override
    public void serve(HttpExchange exchange, String path) throws IOException {
        String query = "POST".equals(exchange.getRequestMethod())
                ? new String(Exchanges.body(exchange), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        Map<String, String> fields = Exchanges.form(query);
        switch (path) {
            case "/Merchant/Index.aspx" -> paymentPage(exchange, fields);
            case "/Merchant/Recurring" -> recurring(exchange, fields);
            case "/Merchant/WebService/Service.asmx/OpStateExt" -> operationState(exchange, fields);
            case "/RefundService/Refund/Create" -> createRefund(exchange, query);
            case "/RefundService/Refund/GetState" -> refundState(exchange, fields.getOrDefault("id", ""));
            default -> Exchanges.html(exchange, 404, "<p>No such page in the simulator</p>");
        }
    }

    private void paymentPage(HttpExchange exchange, Map<String, String> fields) throws IOException {
        String outSum = fields.getOrDefault("OutSum", "");
        String invId = fields.getOrDefault("InvId", "");
        String expected = sign(merchantLogin + ":" + outSum + ":" + invId + ":" + password1, fields);
        String received = fields.getOrDefault("SignatureValue", "").toLowerCase(Locale.ROOT);
        if (!merchantLogin.equals(fields.get("MerchantLogin")) || !Digests.same(expected, received) || invId.isEmpty()) {
            Exchanges.html(exchange, 400, "<h1>Robokassa (simulated)</h1><p>Error 29: bad SignatureValue or MerchantLogin</p>");
            return;
        }
        SimulatedPayment payment = payments.computeIfAbsent(invId, id -> {
            SimulatedPayment opened = new SimulatedPayment(id, fields.getOrDefault("Shp_paymentId", ""), Exchanges.minor(outSum),
                    "RUB", fields.getOrDefault("Description", ""), custom(fields));
            if ("true".equalsIgnoreCase(fields.get("Recurring"))) {
                opened.saveMethodWhenPaid();
            }
            return opened;
        });
        Exchanges.html(exchange, 200, pages.page(provider(), payment));
    }

    private void recurring(HttpExchange exchange, Map<String, String> fields) throws IOException {
        String outSum = fields.getOrDefault("OutSum", "");
        String invId = fields.getOrDefault("InvoiceID", "");
        String expected = sign(merchantLogin + ":" + outSum + ":" + invId + ":" + password1, fields);
        if (!"POST".equals(exchange.getRequestMethod()) || !merchantLogin.equals(fields.get("MerchantLogin"))
                || !Digests.same(expected, fields.getOrDefault("SignatureValue", "").toLowerCase(Locale.ROOT)) || invId.isEmpty()) {
            Exchanges.send(exchange, 400, "text/plain; charset=utf-8", "ERROR: bad SignatureValue or MerchantLogin");
            return;
        }
        SimulatedPayment parent = payments.get(fields.getOrDefault("PreviousInvoiceID", ""));
        if (parent == null || !parent.savesMethod() || parent.savedMethod() == null) {
            Exchanges.send(exchange, 400, "text/plain; charset=utf-8", "ERROR: PreviousInvoiceID is not a paid recurring parent");
            return;
        }
        long minor;
        try {
            minor = Exchanges.minor(outSum);
        } catch (RuntimeException e) {
            Exchanges.send(exchange, 400, "text/plain; charset=utf-8", "ERROR: bad OutSum");
            return;
        }
        Notice[] charged = new Notice[1];
        payments.computeIfAbsent(invId, id -> {
            SimulatedPayment charge = new SimulatedPayment(id, fields.getOrDefault("Shp_paymentId", ""), minor, "RUB",
                    fields.getOrDefault("Description", ""), custom(fields));
            charge.chargeOf(parent.id(), parent.card());
            charged[0] = settleCharge(charge).orElse(null);
            return charge;
        });
        Exchanges.send(exchange, 200, "text/plain; charset=utf-8", "OK" + invId);
        if (charged[0] != null) {
            outbox.send(charged[0]);
        }
    }

    /** Decides a new charge: paid calls ResultURL; declined is canceled and sends nothing. */
    private Optional<Notice> settleCharge(SimulatedPayment charge) {
        Action action = cards.charge(charge.card());
        charge.apply(action, charge.id());
        return action == Action.PAY ? Optional.of(resultUrl(charge)) : Optional.empty();
    }

    private void operationState(HttpExchange exchange, Map<String, String> fields) throws IOException {
        String invId = fields.getOrDefault("InvoiceID", "");
        String expected = Digests.hex(hash, merchantLogin + ":" + invId + ":" + password2);
        if (!merchantLogin.equals(fields.get("MerchantLogin"))) {
            Exchanges.send(exchange, 200, "text/xml; charset=utf-8", stateXml(2, "Магазин не найден", null));
        } else if (!Digests.same(expected, fields.getOrDefault("Signature", "").toLowerCase(Locale.ROOT))) {
            Exchanges.send(exchange, 200, "text/xml; charset=utf-8", stateXml(1, "Неверная цифровая подпись запроса", null));
        } else if (!payments.containsKey(invId)) {
            Exchanges.send(exchange, 200, "text/xml; charset=utf-8", stateXml(3, "Операция не найдена", null));
        } else {
            Exchanges.send(exchange, 200, "text/xml; charset=utf-8", stateXml(0, null, payments.get(invId)));
        }
    }

    /** Refunds the operation the JWT names by its OpKey, whole and at once. */
    private void createRefund(HttpExchange exchange, String jwt) throws IOException {
        String[] parts = jwt == null ? new String[0] : jwt.strip().split("\\.");
        if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 3 || password3.isEmpty()
                || !Digests.same(Digests.hmacSha256Base64Url(password3, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)), parts[2])) {
            Exchanges.json(exchange, 401, refundAnswer(false, "InvalidToken", null));
            return;
        }
        JsonNode claims;
        long minor;
        try {
            claims = Exchanges.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            minor = Exchanges.minor(claims.path("RefundSum").asText());
        } catch (IOException | RuntimeException e) {
            Exchanges.json(exchange, 400, refundAnswer(false, "InvalidRequest", null));
            return;
        }
        String opKey = claims.path("OpKey").asText("");
        SimulatedPayment payment = payments.values().stream().filter(p -> opKey(p).equals(opKey)).findFirst().orElse(null);
        String refused = payment == null ? "OperationNotFound" : null;
        if (payment != null) {
            synchronized (payment) {
                refused = payment.state() == SimulatedPayment.State.REFUNDED ? "AlreadyRefunded"
                        : payment.state() != SimulatedPayment.State.SUCCEEDED ? "OperationNotPaid"
                        : minor != payment.amountMinor() ? "NotEnoughOperationFunds" : null;
                if (refused == null) {
                    settle(payment.id(), Action.REFUND);
                }
            }
        }
        if (refused != null) {
            Exchanges.json(exchange, 200, refundAnswer(false, refused, null));
            return;
        }
        String requestId = UUID.randomUUID().toString();
        refundRequests.put(requestId, payment);
        Exchanges.json(exchange, 200, refundAnswer(true, null, requestId));
    }

    private void refundState(HttpExchange exchange, String requestId) throws IOException {
        SimulatedPayment payment = refundRequests.get(requestId);
        if (payment == null) {
            Exchanges.json(exchange, 404, refundAnswer(false, "RequestNotFound", null));
            return;
        }
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("requestId", requestId)
                .put("amount", new BigDecimal(Exchanges.decimal(payment.amountMinor()))).put("label", "finished"));
    }

    private static ObjectNode refundAnswer(boolean success, String message, String requestId) {
        ObjectNode answer = Exchanges.JSON.createObjectNode().put("success", success).put("message", message);
        return requestId == null ? answer : answer.put("requestId", requestId);
    }

    /** The operation's key: stable per invoice, as Robokassa keeps one per operation. */
    private static String opKey(SimulatedPayment payment) {
        return UUID.nameUUIDFromBytes(("robokassa-operation:" + payment.id()).getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT);
    }

    private static String stateXml(int result, String description, SimulatedPayment payment) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<OperationStateResponse "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns=\"http://merchant.roboxchange.com/WebService/\">\n  <Result>\n    <Code>" + result + "</Code>\n");
        if (description != null) {
            xml.append("    <Description>").append(Exchanges.escapeHtml(description)).append("</Description>\n");
        }
        xml.append("  </Result>\n");
        if (payment != null) {
            int state = switch (payment.state()) {
                case PENDING -> 5;
                case CANCELED -> 10;
                case REFUNDED -> 60;
                case SUCCEEDED -> 100;
            };
            String sum = Exchanges.decimal(payment.amountMinor()) + "0000";
            xml.append("  <State>\n    <Code>").append(state).append("</Code>\n")
                    .append("    <RequestDate>2025-01-01T12:00:00.0000000+03:00</RequestDate>\n")
                    .append("    <StateDate>2025-01-01T12:00:00.0000000+03:00</StateDate>\n  </State>\n")
                    .append("  <Info xsi:type=\"OperationInfoExt\">\n    <IncCurrLabel>BankCardPSR</IncCurrLabel>\n")
                    .append("    <IncSum>").append(sum).append("</IncSum>\n")
                    .append("    <IncAccount>").append(payment.card().pan()).append("</IncAccount>\n")
                    .append("    <PaymentMethod><Code>BankCard</Code><Description>Банковская карта</Description></PaymentMethod>\n")
                    .append("    <OutCurrLabel>BankCardPSR</OutCurrLabel>\n")
                    .append("    <OutSum>").append(sum).append("</OutSum>\n")
                    .append("    <OpKey>").append(opKey(payment)).append("</OpKey>\n  </Info>\n");
        }
        return xml.append("</OperationStateResponse>\n").toString();
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        payment.apply(action, id);
        if (action == Action.PAY && payment.savesMethod() && payment.savedMethod() == null) {
            payment.savedMethod(id); // the paid parent's InvId is what later charges name
        }
        return notifies(action) ? Optional.of(resultUrl(payment)) : Optional.empty();
    }

    private Notice resultUrl(SimulatedPayment payment) {
        String id = payment.id();
        // Robokassa writes OutSum with six decimals and signs exactly what it writes.
        String outSum = Exchanges.decimal(payment.amountMinor()) + "0000";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("OutSum", outSum);
        form.put("InvId", id);
        form.put("Fee", "0.000000");
        form.put("EMail", "buyer@example.com");
        form.put("SignatureValue", sign(outSum + ":" + id + ":" + password2, payment.custom()).toUpperCase(Locale.ROOT));
        form.put("PaymentMethod", "BankCard");
        form.put("IncCurrLabel", "BankCardPSR");
        form.putAll(payment.custom());
        return new Notice(provider(), Exchanges.encodeForm(form).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private String sign(String base, Map<String, String> fields) {
        StringBuilder text = new StringBuilder(base);
        custom(fields).forEach((name, value) -> text.append(':').append(name).append('=').append(value));
        return Digests.hex(hash, text.toString());
    }

    private static Map<String, String> custom(Map<String, String> fields) {
        Map<String, String> custom = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("shp_")) {
                custom.put(name, value);
            }
        });
        return custom;
    }
}
