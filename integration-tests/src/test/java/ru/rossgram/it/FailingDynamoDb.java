package ru.rossgram.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB endpoint that passes every request on to the real one except those of one operation, which get
 * DynamoDB's 500 answer: a database that fails half-way through a function's work, after the reads it did
 * first. Point a function at it with {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
final class FailingDynamoDb implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String failedTarget;
    private final AtomicInteger refused = new AtomicInteger();

    private FailingDynamoDb(String operation, URI target) throws IOException {
        this.target = target;
        this.failedTarget = "DynamoDB_20120810." + operation;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Fails every {@code operation} (such as {@code TransactWriteItems}); forwards the rest to {@code target}. */
    static FailingDynamoDb failing(String operation, String target) throws IOException {
        return new FailingDynamoDb(operation, URI.create(target));
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests were answered with the failure. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failedTarget.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                refused.incrementAndGet();
                reply(exchange, 500, List.of("application/x-amz-json-1.0"), null,
                        "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"injected\"}"
                                .getBytes(StandardCharsets.UTF_8));
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(exchange, answer.statusCode(), answer.headers().allValues("content-type"),
                    answer.headers().firstValue("x-amz-crc32").orElse(null), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, List<String> contentType, String crc32, byte[] body)
            throws IOException {
        contentType.forEach(value -> exchange.getResponseHeaders().add("Content-Type", value));
        if (crc32 != null) {
            exchange.getResponseHeaders().add("x-amz-crc32", crc32);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
