package ru.rossgram.paymentsim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
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
 * it: state 5 pending, 10 canceled, 100 paid, 60 refunded.
 */
final class RobokassaEmulator implements ProviderEmulator {
    private final String merchantLogin;
    private final String password1;
    private final String password2;
    private final String hash;
    private final PaymentPages pages;
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();
    private final CardAuthorizer cards;
    private final Outbox outbox;

    RobokassaEmulator(String merchantLogin, String password1, String password2, String hash, PaymentPages pages,
                      CardAuthorizer cards, Outbox outbox) {
        this.merchantLogin = merchantLogin;
        this.password1 = password1;
        this.password2 = password2;
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
                    .append("    <OutSum>").append(sum).append("</OutSum>\n  </Info>\n");
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
