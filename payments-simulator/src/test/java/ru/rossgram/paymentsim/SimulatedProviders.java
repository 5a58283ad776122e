package ru.rossgram.paymentsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.providers.CloudPaymentsConfig;
import ru.rossgram.shared.payments.providers.CloudPaymentsGateway;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderApi;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.RobokassaConfig;
import ru.rossgram.shared.payments.providers.RobokassaGateway;
import ru.rossgram.shared.payments.providers.TBankConfig;
import ru.rossgram.shared.payments.providers.TBankGateway;
import ru.rossgram.shared.payments.providers.YooKassaConfig;
import ru.rossgram.shared.payments.providers.YooKassaGateway;

/**
 * The simulator, our four gateways configured against it with the same credentials, and our webhook route reading
 * its deliveries through those gateways: one per test.
 */
final class SimulatedProviders implements AutoCloseable {
    static final String ROBOKASSA_PASSWORD3 = "pass-three";

    final GatewayWebhooks webhooks = new GatewayWebhooks();
    final PaymentSimulator simulator = PaymentSimulator.builder()
            .yookassa("123456", "test_secret").tbank("TerminalDEMO", "tbank-password").cloudPayments("pk_test", "cp-secret")
            .robokassa("shop", "pass-one", "pass-two", ROBOKASSA_PASSWORD3)
            .webhookBaseUrl(webhooks.baseUrl()).start();
    final PaymentGateways gateways;
    private final ProviderApi api = new ProviderApi(HttpClient.newHttpClient());
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatedProviders() {
        gateways = new PaymentGateways(List.of(
                new YooKassaGateway(new YooKassaConfig(simulator.yookassaApiUrl(), "123456", "test_secret", false), api),
                new TBankGateway(new TBankConfig(simulator.tbankApiUrl(), "TerminalDEMO", "tbank-password"), api),
                new CloudPaymentsGateway(new CloudPaymentsConfig(simulator.cloudPaymentsApiUrl(), "pk_test", "cp-secret"), api),
                robokassa(ROBOKASSA_PASSWORD3)));
        webhooks.readWith(gateways);
    }

    /** A Robokassa gateway against the simulator that signs refunds with {@code password3}. */
    RobokassaGateway robokassa(String password3) {
        return new RobokassaGateway(new RobokassaConfig(simulator.robokassaPaymentUrl(), "shop", "pass-one", "pass-two", true, "md5", "", "",
                password3, simulator.robokassaRefundUrl()), api);
    }

    PaymentGateway gateway(PaymentProvider provider) {
        return gateways.of(provider).orElseThrow();
    }

    static Provider simulated(PaymentProvider provider) {
        return Provider.fromWire(provider.wire());
    }

    /** Creates {@code order} through our gateway and the buyer opens its page (Robokassa learns of a payment so). */
    CreatedPayment open(PaymentProvider provider, PaymentOrder order) {
        CreatedPayment created = gateway(provider).create(order);
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(created.confirmationUrl()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return created;
    }

    /** Creates {@code order}, the buyer pays it with {@code card}; answers the success our webhook read. */
    ProviderEvent pay(PaymentProvider provider, PaymentOrder order, SimulatedCard card) {
        CreatedPayment created = open(provider, order);
        WebhookAnswer answer = simulator.pay(simulated(provider), created.providerPaymentId(), card);
        assertEquals(200, answer.status(), answer.body());
        return webhooks.await(e -> order.paymentId().equals(e.paymentId()) && e.kind() == PaymentState.Event.SUCCEEDED);
    }

    @Override
    public void close() {
        simulator.close();
        webhooks.close();
    }
}
