package ru.rossgram.shared.payments.providers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider API stub on loopback: answers per "METHOD /path" and records what it was sent. */
final class LoopbackApi implements AutoCloseable {
    /** One request as received; {@code query} is the raw query string, or empty. */
    record Call(String method, String path, Map<String, List<String>> headers, String body, String query) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    final List<Call> calls = new CopyOnWriteArrayList<>();

    LoopbackApi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            calls.add(new Call(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body, query == null ? "" : query));
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404, "{}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    LoopbackApi answer(String methodAndPath, int status, String json) {
        answers.put(methodAndPath, new Answer(status, json));
        return this;
    }

    String url(String root) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + root;
    }

    static ProviderApi client() {
        return new ProviderApi(new PaymentHttpClientFactory().paymentProvidersHttpClient());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
