package ru.rossgram.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import ru.rossgram.localcloud.template.CorsRule;

/**
 * Serves the {@link ApiGateway} over real HTTP with the JDK's server, answering CORS preflights and
 * decorating responses as the template's HTTP API {@code CorsConfiguration} says, and logging one line
 * per request.
 */
public final class ApiServer implements AutoCloseable {
    /** API Gateway's payload limit; larger bodies never reach a function. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ApiGateway gateway;
    private final CorsRule cors;
    private final Consumer<String> requestLog;

    private ApiServer(HttpServer server, ExecutorService workers, ApiGateway gateway, CorsRule cors, Consumer<String> requestLog) {
        this.server = server;
        this.workers = workers;
        this.gateway = gateway;
        this.cors = cors;
        this.requestLog = requestLog;
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one).
     *
     * @throws IOException when the port cannot be bound
     */
    public static ApiServer start(String host, int port, ApiGateway gateway, CorsRule cors, Consumer<String> requestLog)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
        ExecutorService workers = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "api-worker");
            thread.setDaemon(true);
            return thread;
        });
        ApiServer api = new ApiServer(server, workers, gateway, cors, requestLog);
        server.createContext("/", api::exchange);
        server.setExecutor(workers);
        server.start();
        return api;
    }

    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() || address.getAddress().isLoopbackAddress()
                ? "localhost" : address.getHostString();
        return URI.create("http://" + host + ":" + address.getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status = 500;
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (method.equals("OPTIONS") && cors != null && origin != null
                    && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")) {
                status = preflight(exchange, origin);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            ApiGateway.Response response = body.length > MAX_BODY_BYTES
                    ? new ApiGateway.Response(413, Map.of("content-type", List.of("application/json")),
                            "{\"message\":\"Request Entity Too Large\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : gateway.handle(new HttpApiEvents.Request(method, exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                            exchange.getRemoteAddress().getAddress().getHostAddress()));
            status = response.status();
            response.headers().forEach((name, values) -> values.forEach(v -> exchange.getResponseHeaders().add(name, v)));
            if (cors != null && origin != null) {
                allowOrigin(exchange, origin);
                if (!cors.exposedHeaders().isEmpty()) {
                    exchange.getResponseHeaders().set("Access-Control-Expose-Headers", String.join(",", cors.exposedHeaders()));
                }
            }
            boolean noBody = response.body().length == 0 || method.equals("HEAD") || status == 204 || status == 304;
            exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } finally {
            requestLog.accept(String.format(Locale.ROOT, "%-6s %s %d %d ms", exchange.getRequestMethod(),
                    exchange.getRequestURI(), status, (System.nanoTime() - started) / 1_000_000));
        }
    }

    private int preflight(HttpExchange exchange, String origin) throws IOException {
        if (!originAllowed(origin)) {
            exchange.sendResponseHeaders(403, -1);
            return 403;
        }
        allowOrigin(exchange, origin);
        var headers = exchange.getResponseHeaders();
        headers.set("Access-Control-Allow-Methods", String.join(",", cors.allowedMethods()));
        String requested = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
        if (!cors.allowedHeaders().isEmpty()) {
            headers.set("Access-Control-Allow-Headers", cors.allowedHeaders().contains("*") && requested != null
                    ? requested : String.join(",", cors.allowedHeaders()));
        }
        if (cors.maxAge() != null) {
            headers.set("Access-Control-Max-Age", cors.maxAge().toString());
        }
        exchange.sendResponseHeaders(204, -1);
        return 204;
    }

    private void allowOrigin(HttpExchange exchange, String origin) {
        if (cors.allowedOrigins().contains("*")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        } else if (originAllowed(origin)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
    }

    private boolean originAllowed(String origin) {
        return cors.allowedOrigins().contains("*") || cors.allowedOrigins().contains(origin);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
