package ru.rossgram.paymentsim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * YooKassa, T-Bank, CloudPayments and Robokassa on one loopback HTTP server, close enough to their documented APIs
 * for our gateways, plus a control API that moves payments and delivers the providers' real notifications to our
 * webhooks ({@code <webhookBaseUrl>/v1/webhooks/<provider>}).
 *
 * <p>Paths: {@code /yookassa/v3/...}, {@code /tbank/v2/Init}, {@code /cloudpayments/orders/create},
 * {@code /robokassa/Merchant/Index.aspx}, the buyer's page {@code GET /pay/<provider>/<id>}, and
 * {@code POST /_control/<provider>/<id>/pay|cancel|refund} ({@code pay?card=<n>}: the buyer pays with
 * {@link SimulatedCard#numbered(int)}, else {@link SimulatedCard#DEFAULT}), {@code GET /_control/<provider>/<id>}.
 *
 * <p>Saved methods and charges without the buyer (subscriptions' renewals). A payment created with the provider's
 * saving flag saves, when paid, a method bound to the card it was paid with, and its success notification names it:
 * YooKassa {@code save_payment_method: true} ({@code payment_method.saved}, {@code payment_method.id}), T-Bank
 * {@code Recurrent=Y} + {@code CustomerKey} ({@code RebillId} in {@code CONFIRMED}), CloudPayments an
 * {@code AccountId} ({@code Token} in Pay), Robokassa {@code Recurring=true} (the paid parent's {@code InvId}). The
 * charge endpoints: YooKassa {@code POST /v3/payments} with {@code payment_method_id} (idempotent on
 * {@code Idempotence-Key}); T-Bank {@code /v2/Init} then {@code /v2/Charge} (on {@code OrderId}, and a payment is
 * charged once); CloudPayments {@code POST /payments/tokens/charge} (on {@code X-Request-ID}); Robokassa
 * {@code POST /robokassa/Merchant/Recurring} (on {@code InvoiceID}) and its state,
 * {@code /robokassa/Merchant/WebService/Service.asmx/OpStateExt}. A charge is decided at once by the saved method's
 * card: declined when that card is set to decline ({@link #declineCharges}), else paid. The API answers first; the
 * notification (success or decline; Robokassa sends none for a decline) then goes to our webhook on the simulator's
 * threads, retried up to 5 times until it answers 200, unless notices are held ({@link #holdNotices}). A repeated
 * charge request answers the same payment and charges nothing. Charged payments refund as any other.
 *
 * <p>Refunds the shop asks through each provider's API: YooKassa {@code POST /v3/refunds} (on {@code Idempotence-Key}),
 * T-Bank {@code /v2/Cancel} of a {@code CONFIRMED} payment (and {@code /v2/GetState}), CloudPayments
 * {@code POST /payments/refund} (on {@code X-Request-ID}), Robokassa's refund API {@code /robokassa/RefundService/}
 * ({@code Refund/Create} with a JWT signed with Password#3, {@code Refund/GetState}). Only a succeeded payment is
 * refunded, whole; it becomes refunded, and the provider's refund notification goes to our webhook on the simulator's
 * threads like a charge's (Robokassa sends none). A repeat with the same key refunds nothing more.
 *
 * <p>Control of charges: {@code POST /_control/cards/<n>/decline} and {@code /accept} (card {@code n} is
 * {@link SimulatedCard#numbered(int)}; {@code 0} or {@code default} is {@link SimulatedCard#DEFAULT}), or
 * {@link #declineCharges}; {@link #paymentByReference} and {@link #payments(Provider)} find what was charged;
 * {@link #holdNotices}, {@link #heldNotices()} and {@link #deliver(Notice)} let a test duplicate, reorder or drop
 * the notifications the simulator would send on its own.
 */
public final class PaymentSimulator implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient webhooks = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Provider, ProviderEmulator> emulators = new EnumMap<>(Provider.class);
    private final PaymentPages pages = new PaymentPages();
    private final CardAuthorizer cards = new CardAuthorizer();
    private final Outbox outbox;
    private final URI baseUrl;
    private volatile String webhookBaseUrl;

    private PaymentSimulator(Builder builder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        // Several threads: delivering a notification waits on our webhook, which may call back (YooKassa's GET).
        threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "payment-simulator");
            thread.setDaemon(true);
            return thread;
        });
        outbox = new Outbox(threads, this::deliver);
        String pagesUrl = baseUrl + "/pay";
        emulators.put(Provider.YOOKASSA, new YooKassaEmulator(builder.shopId, builder.secretKey, pagesUrl, cards, outbox));
        emulators.put(Provider.TBANK, new TBankEmulator(builder.terminalKey, builder.terminalPassword, pagesUrl, cards, outbox));
        emulators.put(Provider.CLOUDPAYMENTS, new CloudPaymentsEmulator(builder.publicId, builder.apiSecret, pagesUrl, cards, outbox));
        emulators.put(Provider.ROBOKASSA, new RobokassaEmulator(builder.merchantLogin, builder.password1, builder.password2,
                builder.password3, builder.robokassaDigest, pages, cards, outbox));
        webhookBaseUrl(builder.webhookBaseUrl);
        server.setExecutor(threads);
        server.createContext("/", this::route);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The value for {@code rossgram.payments.yookassa.api-url}. */
    public String yookassaApiUrl() {
        return baseUrl + "/yookassa/v3";
    }

    /** The value for {@code rossgram.payments.tbank.api-url}. */
    public String tbankApiUrl() {
        return baseUrl + "/tbank/v2";
    }

    /** The value for {@code rossgram.payments.cloudpayments.api-url}. */
    public String cloudPaymentsApiUrl() {
        return baseUrl + "/cloudpayments";
    }

    /** The value for {@code rossgram.payments.robokassa.payment-url}. */
    public String robokassaPaymentUrl() {
        return baseUrl + "/robokassa/Merchant/Index.aspx";
    }

    /** The value for {@code rossgram.payments.robokassa.recurring-url} (also what the gateway derives by default). */
    public String robokassaRecurringUrl() {
        return baseUrl + "/robokassa/Merchant/Recurring";
    }

    /** The value for {@code rossgram.payments.robokassa.op-state-url} (also what the gateway derives by default). */
    public String robokassaOpStateUrl() {
        return baseUrl + "/robokassa/Merchant/WebService/Service.asmx/OpStateExt";
    }

    /** The value for {@code rossgram.payments.robokassa.refund-url}. */
    public String robokassaRefundUrl() {
        return baseUrl + "/robokassa/RefundService/";
    }

    /**
     * Where notifications go from now on: {@code <url>/v1/webhooks/<provider>}. Until one is set, the notifications
     * the simulator sends on its own are held ({@link #heldNotices()}).
     */
    public void webhookBaseUrl(String url) {
        webhookBaseUrl = url;
        outbox.canDeliver(url != null);
    }

    /** A payment by the provider's id. */
    public Optional<SimulatedPayment> payment(Provider provider, String id) {
        return emulators.get(provider).payment(id);
    }

    /**
     * The latest payment the shop made at {@code provider} with {@code merchantReference} (our payment id: YooKassa
     * metadata.paymentId, T-Bank OrderId, CloudPayments InvoiceId, Robokassa Shp_paymentId).
     */
    public Optional<SimulatedPayment> paymentByReference(Provider provider, String merchantReference) {
        return payments(provider).stream().filter(p -> p.merchantReference().equals(merchantReference))
                .reduce((first, second) -> second);
    }

    /** Every payment made at {@code provider}, oldest first. */
    public List<SimulatedPayment> payments(Provider provider) {
        return emulators.get(provider).payments().stream().sorted(Comparator.comparingLong(SimulatedPayment::sequence)).toList();
    }

    /**
     * Sets whether the issuer of {@code card} declines charges of methods saved with it (true) or accepts them (false,
     * the default). Payments the buyer makes on a provider's page are not affected.
     */
    public void declineCharges(SimulatedCard card, boolean decline) {
        cards.declineCharges(card, decline);
    }

    /**
     * While {@code hold} is true, the notifications the simulator would send on its own (those of charges of saved
     * methods) are queued instead, for a test to deliver itself with {@link #deliver(Notice)}: twice, out of order,
     * or never. Releasing the hold does not send what is queued.
     */
    public void holdNotices(boolean hold) {
        outbox.hold(hold);
    }

    /** The queued notifications, oldest first; they are no longer queued. */
    public List<Notice> heldNotices() {
        return outbox.drain();
    }

    /** The buyer pays; delivers the provider's notification and answers what our webhook said. */
    public WebhookAnswer pay(Provider provider, String id) {
        return act(provider, id, Action.PAY);
    }

    /** The buyer pays with {@code card}. */
    public WebhookAnswer pay(Provider provider, String id, SimulatedCard card) {
        emulators.get(provider).payment(id).orElseThrow(() -> new NoSuchElementException(id)).payWith(card);
        return act(provider, id, Action.PAY);
    }

    /** The payment fails (T-Bank REJECTED, CloudPayments Fail, YooKassa canceled; Robokassa sends nothing). */
    public WebhookAnswer cancel(Provider provider, String id) {
        return act(provider, id, Action.CANCEL);
    }

    /** The shop refunds the whole payment (Robokassa sends nothing). */
    public WebhookAnswer refund(Provider provider, String id) {
        return act(provider, id, Action.REFUND);
    }

    /**
     * Moves the payment as {@code action} does and delivers the notification; {@link WebhookAnswer#NOT_SENT} where the
     * provider sends none.
     *
     * @throws NoSuchElementException for an unknown payment
     * @throws IllegalStateException when the action is impossible from the payment's state
     * @throws UncheckedIOException when our webhook cannot be reached
     */
    public WebhookAnswer act(Provider provider, String id, Action action) {
        return emulators.get(provider).settle(id, action).map(this::deliver).orElse(WebhookAnswer.NOT_SENT);
    }

    /**
     * Moves the payment as {@code action} does and answers the notification without sending it, for tests that
     * duplicate, reorder or tamper with deliveries.
     *
     * @throws IllegalStateException also when the provider sends no notification for {@code action} (the payment
     *         is then left as it was)
     */
    public Notice prepare(Provider provider, String id, Action action) {
        return prepare(provider, id, action, SimulatedCard.DEFAULT);
    }

    /** As {@link #prepare(Provider, String, Action)}, a payment made with {@code card}. */
    public Notice prepare(Provider provider, String id, Action action, SimulatedCard card) {
        if (action == Action.PAY) {
            emulators.get(provider).payment(id).orElseThrow(() -> new NoSuchElementException(id)).payWith(card);
        }
        ProviderEmulator emulator = emulators.get(provider);
        if (!emulator.notifies(action)) {
            throw new IllegalStateException(provider.wire() + " sends no notification for " + action.wire());
        }
        return emulator.settle(id, action).orElseThrow();
    }

    /**
     * POSTs {@code notice} to our webhook for its provider.
     *
     * @throws UncheckedIOException when the webhook cannot be reached
     */
    public WebhookAnswer deliver(Notice notice) {
        if (webhookBaseUrl == null) {
            throw new IllegalStateException("no webhook base URL configured");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookBaseUrl.replaceAll("/+$", "")
                        + "/v1/webhooks/" + notice.provider().wire()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(notice.body()));
        notice.headers().forEach(request::header);
        try {
            HttpResponse<String> response = webhooks.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new WebhookAnswer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("webhook " + webhookBaseUrl + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.split("/", -1);
            if (parts.length == 5 && "_control".equals(parts[1]) && "cards".equals(parts[2])) {
                cardControl(exchange, parts);
            } else if (parts.length >= 4 && "_control".equals(parts[1])) {
                control(exchange, parts);
            } else if (parts.length == 4 && "pay".equals(parts[1]) && "GET".equals(exchange.getRequestMethod())) {
                Optional<SimulatedPayment> payment = emulator(parts[2]).flatMap(e -> e.payment(parts[3]));
                if (payment.isPresent()) {
                    Exchanges.html(exchange, 200, pages.page(Provider.fromWire(parts[2]), payment.get()));
                } else {
                    Exchanges.html(exchange, 404, "<p>No such payment</p>");
                }
            } else if (parts.length >= 2 && emulator(parts[1]).isPresent()) {
                emulator(parts[1]).get().serve(exchange, path.substring(parts[1].length() + 1));
            } else {
                Exchanges.send(exchange, 404, "text/plain; charset=utf-8", "no such path in the simulator: " + path);
            }
        } catch (RuntimeException e) {
            Exchanges.send(exchange, 500, "text/plain; charset=utf-8", "simulator error: " + e);
        } finally {
            exchange.close();
        }
    }

    private void control(HttpExchange exchange, String[] parts) throws IOException {
        Optional<ProviderEmulator> emulator = emulator(parts[2]);
        String id = parts[3];
        if (emulator.isEmpty()) {
            Exchanges.json(exchange, 404, error("no simulated provider " + parts[2]));
            return;
        }
        if (parts.length == 4 && "GET".equals(exchange.getRequestMethod())) {
            Optional<SimulatedPayment> payment = emulator.get().payment(id);
            if (payment.isEmpty()) {
                Exchanges.json(exchange, 404, error("no payment " + id));
            } else {
                Exchanges.json(exchange, 200, state(emulator.get().provider(), payment.get()));
            }
            return;
        }
        if (parts.length != 5 || !"POST".equals(exchange.getRequestMethod())) {
            Exchanges.json(exchange, 404, error("use POST /_control/<provider>/<id>/pay|cancel|refund"));
            return;
        }
        try {
            Action action = Action.fromWire(parts[4]);
            String card = cardParameter(exchange.getRequestURI().getRawQuery());
            if (action == Action.PAY && card != null) {
                emulator.get().payment(id).orElseThrow(() -> new NoSuchElementException(id))
                        .payWith(SimulatedCard.numbered(Integer.parseInt(card)));
            }
            WebhookAnswer answer = act(emulator.get().provider(), id, action);
            ObjectNode reply = state(emulator.get().provider(), emulator.get().payment(id).orElseThrow());
            reply.put("action", parts[4]).put("webhookSent", answer.sent()).put("webhookStatus", answer.status())
                    .put("webhookBody", answer.body());
            Exchanges.json(exchange, 200, reply);
        } catch (NoSuchElementException e) {
            Exchanges.json(exchange, 404, error("no payment " + id));
        } catch (IllegalArgumentException e) {
            Exchanges.json(exchange, 404, error("no action " + parts[4]));
        } catch (IllegalStateException e) {
            Exchanges.json(exchange, 409, error(e.getMessage()));
        } catch (UncheckedIOException e) {
            Exchanges.json(exchange, 502, error(e.getMessage()));
        }
    }

    /** {@code POST /_control/cards/<n|default>/decline|accept}. */
    private void cardControl(HttpExchange exchange, String[] parts) throws IOException {
        boolean decline = "decline".equals(parts[4]);
        if (!"POST".equals(exchange.getRequestMethod()) || !(decline || "accept".equals(parts[4]))
                || !parts[3].matches("default|\\d{1,4}")) {
            Exchanges.json(exchange, 404, error("use POST /_control/cards/<n>|default/decline|accept"));
            return;
        }
        SimulatedCard card = "default".equals(parts[3]) || Integer.parseInt(parts[3]) == 0
                ? SimulatedCard.DEFAULT : SimulatedCard.numbered(Integer.parseInt(parts[3]));
        declineCharges(card, decline);
        Exchanges.json(exchange, 200, Exchanges.JSON.createObjectNode().put("card", card.pan()).put("declinesCharges", decline));
    }

    /** {@code card=<n>} of a pay action: the buyer pays with {@link SimulatedCard#numbered(int)}; null without one. */
    private static String cardParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.matches("card=\\d{1,4}")) {
                return pair.substring("card=".length());
            }
        }
        return null;
    }

    private Optional<ProviderEmulator> emulator(String wire) {
        try {
            return Optional.of(emulators.get(Provider.fromWire(wire)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode state(Provider provider, SimulatedPayment payment) {
        return Exchanges.JSON.createObjectNode().put("provider", provider.wire()).put("id", payment.id())
                .put("merchantReference", payment.merchantReference()).put("amount", Exchanges.decimal(payment.amountMinor()))
                .put("currency", payment.currency()).put("state", payment.state().name().toLowerCase())
                .put("savedMethod", payment.savedMethod()).put("merchantInitiated", payment.merchantInitiated());
    }

    private static ObjectNode error(String message) {
        return Exchanges.JSON.createObjectNode().put("error", message);
    }

    /** Credentials per provider (each must match what the gateways are configured with) and where our webhooks are. */
    public static final class Builder {
        private int port;
        private String shopId = "";
        private String secretKey = "";
        private String terminalKey = "";
        private String terminalPassword = "";
        private String publicId = "";
        private String apiSecret = "";
        private String merchantLogin = "";
        private String password1 = "";
        private String password2 = "";
        private String password3 = "";
        private String robokassaDigest = "MD5";
        private String webhookBaseUrl;

        private Builder() {
        }

        /** 0, the default, picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder yookassa(String shopId, String secretKey) {
            this.shopId = shopId;
            this.secretKey = secretKey;
            return this;
        }

        public Builder tbank(String terminalKey, String password) {
            this.terminalKey = terminalKey;
            this.terminalPassword = password;
            return this;
        }

        public Builder cloudPayments(String publicId, String apiSecret) {
            this.publicId = publicId;
            this.apiSecret = apiSecret;
            return this;
        }

        public Builder robokassa(String merchantLogin, String password1, String password2) {
            this.merchantLogin = merchantLogin;
            this.password1 = password1;
            this.password2 = password2;
            return this;
        }

        /** Robokassa with its refund API, whose requests are signed with {@code password3}. */
        public Builder robokassa(String merchantLogin, String password1, String password2, String password3) {
            this.password3 = password3;
            return robokassa(merchantLogin, password1, password2);
        }

        /** md5 (the default), sha1, sha256, sha384 or sha512, as chosen in the shop's settings. */
        public Builder robokassaHash(String hash) {
            this.robokassaDigest = switch (hash.toLowerCase()) {
                case "md5" -> "MD5";
                case "sha1" -> "SHA-1";
                case "sha256" -> "SHA-256";
                case "sha384" -> "SHA-384";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException("Robokassa offers no hash " + hash);
            };
            return this;
        }

        /** Our side, e.g. {@code http://127.0.0.1:3000}; notifications go to {@code <url>/v1/webhooks/<provider>}. */
        public Builder webhookBaseUrl(String url) {
            this.webhookBaseUrl = url;
            return this;
        }

        /** @throws UncheckedIOException when the port cannot be bound */
        public PaymentSimulator start() {
            try {
                return new PaymentSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the payment simulator", e);
            }
        }
    }
}
