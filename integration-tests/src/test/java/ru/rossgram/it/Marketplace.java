package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.SimulatedCard;

/**
 * Creators, buyers and the four payment providers: our functions (checkout, webhooks, posts, earnings) against the
 * backend, configured with the providers' credentials, and {@link PaymentSimulator} playing the providers' APIs and
 * payment pages. Notifications are built by the simulator, signed as each provider signs them, and delivered to our
 * webhook route in-process, so a test decides when, how often and in what order they arrive.
 */
final class Marketplace implements AutoCloseable {
    static final String YOOKASSA_SHOP = "100500";
    static final String YOOKASSA_SECRET = "test_yookassa_secret";
    static final String TBANK_TERMINAL = "1700000000000DEMO";
    static final String TBANK_PASSWORD = "tbank-terminal-password";
    static final String CLOUDPAYMENTS_ID = "pk_test_cloudpayments";
    static final String CLOUDPAYMENTS_SECRET = "cloudpayments-api-secret";
    static final String ROBOKASSA_LOGIN = "rossgram-test";
    static final String ROBOKASSA_PASSWORD1 = "robokassa-password-one";
    static final String ROBOKASSA_PASSWORD2 = "robokassa-password-two";
    /** Signs requests to Robokassa's refund API. */
    static final String ROBOKASSA_PASSWORD3 = "robokassa-password-three";
    /** 20%: the template's default. */
    static final int FEE_BASIS_POINTS = 2000;

    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final PaymentSimulator simulator;
    private final FunctionHosts hosts;
    private final Supplier<Backend> backend;
    private final Map<String, String> settings;
    private final List<SharedServices> servicesAsFunctions = new java.util.ArrayList<>();
    private ApiDriver providersServers;

    Marketplace(Supplier<Backend> backend) {
        this(backend, Map.of());
    }

    /** @param settings environment every function gets besides the providers' (the referral program's, say) */
    Marketplace(Supplier<Backend> backend, Map<String, String> settings) {
        simulator = PaymentSimulator.builder().port(0)
                .yookassa(YOOKASSA_SHOP, YOOKASSA_SECRET)
                .tbank(TBANK_TERMINAL, TBANK_PASSWORD)
                .cloudPayments(CLOUDPAYMENTS_ID, CLOUDPAYMENTS_SECRET)
                .robokassa(ROBOKASSA_LOGIN, ROBOKASSA_PASSWORD1, ROBOKASSA_PASSWORD2, ROBOKASSA_PASSWORD3)
                .start();
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("ROSSGRAM_PAYMENTS_YOOKASSA_API_URL", simulator.yookassaApiUrl());
        providers.put("ROSSGRAM_PAYMENTS_YOOKASSA_SHOP_ID", YOOKASSA_SHOP);
        providers.put("ROSSGRAM_PAYMENTS_YOOKASSA_SECRET_KEY", YOOKASSA_SECRET);
        providers.put("ROSSGRAM_PAYMENTS_TBANK_API_URL", simulator.tbankApiUrl());
        providers.put("ROSSGRAM_PAYMENTS_TBANK_TERMINAL_KEY", TBANK_TERMINAL);
        providers.put("ROSSGRAM_PAYMENTS_TBANK_PASSWORD", TBANK_PASSWORD);
        providers.put("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_API_URL", simulator.cloudPaymentsApiUrl());
        providers.put("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_PUBLIC_ID", CLOUDPAYMENTS_ID);
        providers.put("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_API_SECRET", CLOUDPAYMENTS_SECRET);
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_PAYMENT_URL", simulator.robokassaPaymentUrl());
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_MERCHANT_LOGIN", ROBOKASSA_LOGIN);
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD1", ROBOKASSA_PASSWORD1);
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD2", ROBOKASSA_PASSWORD2);
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_RECURRING_URL", simulator.robokassaRecurringUrl());
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_OP_STATE_URL", simulator.robokassaOpStateUrl());
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD3", ROBOKASSA_PASSWORD3);
        providers.put("ROSSGRAM_PAYMENTS_ROBOKASSA_REFUND_URL", simulator.robokassaRefundUrl());
        providers.put("ROSSGRAM_PAYMENTS_PLATFORM_FEE_BASIS_POINTS", Integer.toString(FEE_BASIS_POINTS));
        providers.putAll(settings);
        hosts = new FunctionHosts(backend, "CheckoutFunction", providers);
        this.settings = Map.copyOf(providers);
        this.backend = backend;
    }

    PaymentSimulator simulator() {
        return simulator;
    }

    SharedServices services() {
        return hosts.services();
    }

    /** The environment every function of the marketplace gets: the providers' (the simulator's URLs) and the test's. */
    Map<String, String> settings() {
        return settings;
    }

    /**
     * The shared services as function {@code logicalId} builds them, the providers configured as here: for running in
     * a test what that function runs (the renewal job, with a clock of the test's). Closed with the marketplace.
     */
    synchronized SharedServices servicesAs(String logicalId) {
        SharedServices services = SharedServices.asFunction(backend.get(), logicalId, settings);
        servicesAsFunctions.add(services);
        return services;
    }

    /** The API as the providers' servers reach it. */
    private synchronized ApiDriver providersServers() {
        if (providersServers == null) {
            providersServers = backend.get().api(hosts.shared(), "185.71.76.10");
        }
        return providersServers;
    }

    User signUp(String name) {
        return hosts.signUp(name);
    }

    /** A new user who signs up with {@code referrer}'s referral code. */
    User signUpReferredBy(String name, String referralCode) {
        return User.signUpReferred(hosts.api(), TestSettings.unique(name), referralCode);
    }

    /** The API as an app reaches it, signed in as nobody. */
    ApiDriver api() {
        return hosts.api();
    }

    /**
     * A published paid post of {@code author}'s at {@code priceKopecks}, its photo processed as the thumbnail function
     * leaves a paid photo: locked renditions and a preview.
     */
    String paidPost(User author, long priceKopecks) {
        return author.published(List.of(hosts.lockedUpload(author)), "\"caption\": \"Закат над Невой, полная версия\", \"price\": " + priceKopecks);
    }

    /** A published post of {@code author}'s for subscribers of rank 1 and above (a tier made for it), not for sale. */
    String subscriberPost(User author) {
        author.ok("POST", "/v1/me/tiers", "{\"name\": \"Поддержка\", \"price\": 10000}", 201);
        return author.published(List.of(hosts.lockedUpload(author)), "\"minTierRank\": 1");
    }

    /** {@code POST /v1/checkouts} as the app sends it. */
    Reply checkout(User buyer, String postId, String provider, String idempotencyKey) {
        return buyer.send("POST", "/v1/checkouts", "{\"item\": {\"type\": \"post\", \"id\": \"" + postId + "\"}, \"provider\": \"" + provider + "\"}",
                idempotencyKey == null ? Map.of() : Map.of("idempotency-key", idempotencyKey));
    }

    /** {@code POST /v1/checkouts} of a subscription to {@code creator}'s tier, as the app sends it. */
    Reply subscribe(User fan, User creator, String tierId, String provider, String idempotencyKey) {
        return fan.send("POST", "/v1/checkouts", "{\"item\": {\"type\": \"subscription\", \"id\": \"" + tierId
                        + "\", \"creator\": \"" + creator.username() + "\"}, \"provider\": \"" + provider + "\"}",
                idempotencyKey == null ? Map.of() : Map.of("idempotency-key", idempotencyKey));
    }

    /**
     * {@code POST /v1/checkouts} of a pledge of {@code amountKopecks} to a campaign, with reward {@code rewardId} (null
     * for none), as the app sends it: the pledge's first payment (all or nothing: the verification that saves the
     * method; keep what you raise: the pledge), or the fix of an errored pledge.
     */
    Reply pledge(User backer, String campaignId, long amountKopecks, String rewardId, Provider provider) {
        String reward = rewardId == null ? "" : ", \"rewardId\": \"" + rewardId + "\"";
        return backer.send("POST", "/v1/checkouts", "{\"item\": {\"type\": \"pledge\", \"id\": \"" + campaignId
                        + "\", \"amount\": " + amountKopecks + reward + "}, \"provider\": \"" + provider.wire() + "\"}",
                Map.of("idempotency-key", "k-" + TestSettings.unique("pledge")));
    }

    /** Subscribes, the fan then opening the payment page. */
    Checkout subscribeAndOpenPage(User fan, User creator, String tierId, Provider provider) {
        return opened(provider, subscribe(fan, creator, tierId, provider.wire(), "k-" + TestSettings.unique("sub")));
    }

    /** A checkout: our payment id, and the simulated provider's id for it. */
    record Checkout(String paymentId, String simulatedId) {
    }

    /**
     * Checks out, the buyer then opening the payment page (which is when Robokassa learns of a payment).
     */
    Checkout checkoutAndOpenPage(User buyer, String postId, Provider provider) {
        return opened(provider, checkout(buyer, postId, provider.wire(), "k-" + TestSettings.unique("pay")));
    }

    /** The buyer opens the payment page of the checkout that answered {@code reply} (201). */
    Checkout opened(Provider provider, Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        openPage(URI.create(reply.json().path("confirmationUrl").asText()));
        return new Checkout(reply.json().path("paymentId").asText(), simulatedId(provider, reply.json()));
    }

    /** The buyer opens a payment's page (which is when Robokassa learns of a payment). */
    static void openPage(URI page) {
        try {
            HttpResponse<String> opened = BROWSER.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, opened.statusCode(), page + ": " + opened.body());
        } catch (Exception e) {
            throw new AssertionError("could not open " + page, e);
        }
    }

    /** The simulator's id of the payment a checkout answered. */
    static String simulatedId(Provider provider, JsonNode payment) {
        return simulatedId(provider, URI.create(payment.path("confirmationUrl").asText()));
    }

    /** The simulator's id of the payment whose page is {@code confirmationUrl}. */
    static String simulatedId(Provider provider, URI confirmationUrl) {
        if (provider == Provider.ROBOKASSA) {
            for (String pair : confirmationUrl.getRawQuery().split("&")) {
                if (pair.startsWith("InvId=")) {
                    return pair.substring("InvId=".length());
                }
            }
            throw new AssertionError("no InvId in " + confirmationUrl);
        }
        String path = confirmationUrl.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The provider's notification for {@code action} on the payment, built (and the payment moved) but not sent. */
    Notice notice(Provider provider, String simulatedId, Action action) {
        return simulator.prepare(provider, simulatedId, action);
    }

    /** As {@link #notice(Provider, String, Action)}, the buyer paying with {@code card}. */
    Notice notice(Provider provider, String simulatedId, Action action, SimulatedCard card) {
        return simulator.prepare(provider, simulatedId, action, card);
    }

    /**
     * The notices the simulator sent on its own (of charges and refunds) while {@code holdNotices} held them: at least
     * one, waiting up to 5 seconds for {@code count}.
     */
    List<Notice> heldNotices(int count) throws InterruptedException {
        List<Notice> held = new java.util.ArrayList<>();
        for (int i = 0; i < 100 && held.size() < count; i++) {
            held.addAll(simulator.heldNotices());
            if (held.size() < count) {
                Thread.sleep(50);
            }
        }
        org.junit.jupiter.api.Assertions.assertFalse(held.isEmpty(), "the simulator sent no notice");
        return held;
    }

    /** Delivers {@code notice} to {@code POST /v1/webhooks/<provider>} as the provider's servers would. */
    Reply deliver(Notice notice) {
        Map<String, String> headers = new LinkedHashMap<>();
        notice.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return providersServers().sendBytes("POST", "/v1/webhooks/" + notice.provider().wire(), notice.body(), headers);
    }

    /**
     * Delivers the notifications the simulator held (those of charges of saved methods and of refunds: nobody's page
     * sends them), in order, as the providers' servers would; each must be taken.
     */
    void deliverHeldNotices() {
        for (Notice notice : simulator.heldNotices()) {
            Reply reply = deliver(notice);
            assertEquals(200, reply.status(), notice.provider().wire() + ": " + reply.body());
        }
    }

    @Override
    public void close() {
        servicesAsFunctions.forEach(SharedServices::close);
        hosts.close();
        simulator.close();
    }
}
