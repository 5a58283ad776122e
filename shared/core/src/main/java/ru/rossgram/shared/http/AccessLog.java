package ru.rossgram.shared.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per HTTP request, as fields: the route the gateway matched (its pattern, never the concrete path,
 * which may carry names), method, status, latency, the client's address; the caller's id and the request id
 * come from the invocation's MDC. Nothing from headers, query or body, so no token, password or email.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    private AccessLog() {
    }

    static void record(ApiRequest request, ApiResponse response, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String route = request.routeKey().isEmpty() ? "(no route)" : request.routeKey();
        LOG.atInfo()
                .setMessage(route + " -> " + response.statusCode() + " in " + millis + " ms")
                .addKeyValue("routeKey", request.routeKey())
                .addKeyValue("method", request.method())
                .addKeyValue("status", response.statusCode())
                .addKeyValue("latencyMs", millis)
                .addKeyValue("sourceIp", request.sourceIp())
                .log();
    }
}
