package ru.rossgram.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * first (or after letting the first few of them through). It can also answer BatchGetItem as a throttled table
 * does, reading nothing and handing every key back unprocessed, and it notes the largest transaction it saw. Point
 * a function at it with {@code AWS_ENDPOINT_URL_DYNAMODB}.
 */
final class FailingDynamoDb implements AutoCloseable {
    private static final String BATCH_GET = "DynamoDB_20120810.BatchGetItem";
    private static final String TRANSACT_WRITE = "DynamoDB_20120810.TransactWriteItems";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String failedTarget;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger batchGetsToWithhold = new AtomicInteger();
    private final AtomicInteger withheld = new AtomicInteger();
    private final AtomicInteger toLetThrough;
    private final AtomicInteger largestTransaction = new AtomicInteger();

    private FailingDynamoDb(String operation, int letThrough, URI target) throws IOException {
        this.target = target;
        this.toLetThrough = new AtomicInteger(letThrough);
        this.failedTarget = operation == null ? null : "DynamoDB_20120810." + operation;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Fails every {@code operation} (such as {@code TransactWriteItems}); forwards the rest to {@code target}. */
    static FailingDynamoDb failing(String operation, String target) throws IOException {
        return new FailingDynamoDb(operation, 0, URI.create(target));
    }

    /** Forwards the first {@code letThrough} requests of {@code operation}, then fails every later one. */
    static FailingDynamoDb failingAfter(String operation, int letThrough, String target) throws IOException {
        return new FailingDynamoDb(operation, letThrough, URI.create(target));
    }

    /** Forwards everything to {@code target} until told to {@link #withholdBatchGets withhold} reads. */
    static FailingDynamoDb forwarding(String target) throws IOException {
        return new FailingDynamoDb(null, 0, URI.create(target));
    }

    /**
     * Answers the next {@code calls} BatchGetItem requests with no item and every key in {@code UnprocessedKeys},
     * as DynamoDB does when it throttles the reads; {@link Integer#MAX_VALUE} for all of them from now on.
     */
    void withholdBatchGets(int calls) {
        batchGetsToWithhold.set(calls);
    }

    /** How many BatchGetItem requests were answered with every key unprocessed. */
    int withheld() {
        return withheld.get();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The most actions one TransactWriteItems request that came here held, forwarded or failed. */
    int largestTransaction() {
        return largestTransaction.get();
    }

    /** How many requests were answered with the failure. */
    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (BATCH_GET.equals(operation) && takeOneWithheld()) {
                withheld.incrementAndGet();
                reply(exchange, 200, List.of("application/x-amz-json-1.0"), null, allUnprocessed(body));
                return;
            }
            if (TRANSACT_WRITE.equals(operation)) {
                largestTransaction.accumulateAndGet(JSON.readTree(body).path("TransactItems").size(), Math::max);
            }
            if (operation != null && operation.equals(failedTarget) && toLetThrough.getAndDecrement() <= 0) {
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

    private boolean takeOneWithheld() {
        return batchGetsToWithhold.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) > 0;
    }

    /** A BatchGetItem answer that read nothing: every table asked for with no items, every key unprocessed. */
    private static byte[] allUnprocessed(byte[] request) throws IOException {
        JsonNode requestItems = JSON.readTree(request).path("RequestItems");
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode responses = answer.putObject("Responses");
        requestItems.fieldNames().forEachRemaining(responses::putArray);
        answer.set("UnprocessedKeys", requestItems);
        return JSON.writeValueAsBytes(answer);
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
