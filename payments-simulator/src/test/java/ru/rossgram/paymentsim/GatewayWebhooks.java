package ru.rossgram.paymentsim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import ru.rossgram.shared.payments.PaymentProvider;
import ru.rossgram.shared.payments.providers.Notification;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.WebhookDelivery;
import ru.rossgram.shared.payments.providers.WebhookReply;

/** Our webhook route on loopback: each delivery read by our gateway, its events kept, its reply the gateway's. */
final class GatewayWebhooks implements AutoCloseable {
    final List<ProviderEvent> events = new CopyOnWriteArrayList<>();
    final List<PaymentProvider> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile PaymentGateways gateways;

    GatewayWebhooks() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/webhooks/", exchange -> {
            PaymentProvider provider = PaymentProvider.fromWire(exchange.getRequestURI().getPath().substring("/v1/webhooks/".length())).orElseThrow();
            deliveries.add(provider);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            Notification notification = gateways.forWebhooks(provider).orElseThrow().read(new WebhookDelivery(
                    exchange.getRequestBody().readAllBytes(), headers, exchange.getRemoteAddress().getAddress().getHostAddress()));
            WebhookReply reply = notification instanceof Notification.Verified verified ? verified.acknowledgement()
                    : ((Notification.Refused) notification).reply();
            if (notification instanceof Notification.Verified verified) {
                events.addAll(verified.events());
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    void readWith(PaymentGateways gateways) {
        this.gateways = gateways;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The first event {@code matching}, waiting up to five seconds for an asynchronous delivery. */
    ProviderEvent await(Predicate<ProviderEvent> matching) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            for (ProviderEvent event : events) {
                if (matching.test(event)) {
                    return event;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching event in 5 s; received " + events);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
