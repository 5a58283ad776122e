package ru.rossgram.paymentsim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 */
final class RobokassaEmulator implements ProviderEmulator {
    private final String merchantLogin;
    private final String password1;
    private final String password2;
    private final String hash;
    private final PaymentPages pages;
    private final Map<String, SimulatedPayment> payments = new ConcurrentHashMap<>();

    RobokassaEmulator(String merchantLogin, String password1, String password2, String hash, PaymentPages pages) {
        this.merchantLogin = merchantLogin;
        this.password1 = password1;
        this.password2 = password2;
        this.hash = hash;
        this.pages = pages;
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
    public void serve(HttpExchange exchange, String path) throws IOException {
        if (!"/Merchant/Index.aspx".equals(path)) {
            Exchanges.html(exchange, 404, "<p>No such page in the simulator</p>");
            return;
        }
        String query = "POST".equals(exchange.getRequestMethod())
                ? new String(Exchanges.body(exchange), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        Map<String, String> fields = Exchanges.form(query);
        String outSum = fields.getOrDefault("OutSum", "");
        String invId = fields.getOrDefault("InvId", "");
        String expected = sign(merchantLogin + ":" + outSum + ":" + invId + ":" + password1, fields);
        String received = fields.getOrDefault("SignatureValue", "").toLowerCase(Locale.ROOT);
        if (!merchantLogin.equals(fields.get("MerchantLogin")) || !Digests.same(expected, received) || invId.isEmpty()) {
            Exchanges.html(exchange, 400, "<h1>Robokassa (simulated)</h1><p>Error 29: bad SignatureValue or MerchantLogin</p>");
            return;
        }
        SimulatedPayment payment = payments.computeIfAbsent(invId, id -> new SimulatedPayment(id,
                fields.getOrDefault("Shp_paymentId", ""), Exchanges.minor(outSum), "RUB",
                fields.getOrDefault("Description", ""), custom(fields)));
        Exchanges.html(exchange, 200, pages.page(provider(), payment));
    }

    @Override
    public Optional<Notice> settle(String id, Action action) {
        SimulatedPayment payment = Optional.ofNullable(payments.get(id)).orElseThrow(() -> new NoSuchElementException(id));
        payment.apply(action, id);
        if (!notifies(action)) {
            return Optional.empty();
        }
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
        return Optional.of(new Notice(provider(), Exchanges.encodeForm(form).getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded")));
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
