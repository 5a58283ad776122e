package ru.rossgram.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request through the {@link ApiGateway}: the raw path and query exactly as sent (Jetty neither decodes
 * nor normalises them here, see {@link ApiServer} and {@link SentRequestTargets}), CORS preflights answered and responses decorated, bodies over
 * the gateway's limit refused, and one log line per request. The runner's own documentation pages ({@link ApiDocs})
 * and controls ({@link LocalControls}: its clock, its schedules) are answered first: they are no API route.
 */
final class ApiHandler extends Handler.Abstract {
    /** API Gateway's payload limit; larger bodies never reach a function. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final ApiGateway gateway;
    private final ApiDocs docs;
    private final LocalControls controls;
    private final HttpApiCors cors;
    private final Consumer<String> requestLog;

    /** {@code cors} null when the template's HTTP API has no {@code CorsConfiguration}. */
    ApiHandler(ApiGateway gateway, ApiDocs docs, LocalControls controls, HttpApiCors cors, Consumer<String> requestLog) {
        super(InvocationType.BLOCKING); // a function runs on this thread until it answers
        this.gateway = gateway;
        this.docs = docs;
        this.controls = controls;
        this.cors = cors;
        this.requestLog = requestLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        long started = System.nanoTime();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        int status = 500; // if this throws, Jetty answers a 500 through UnreadableRequests
        try {
            String path = SentRequestTargets.sentPath(request);
            Optional<ApiGateway.Response> page = docs.answer(method, path);
            if (page.isEmpty()) {
                page = controls.answer(method, path, () -> body(request));
            }
            ApiGateway.Response answer = page.isPresent() ? page.get() : answer(request, method);
            status = answer.status();
            send(answer, method, response, callback);
        } finally {
            requestLog.accept(String.format(Locale.ROOT, "%-6s %s %d %d ms", request.getMethod(),
                    SentRequestTargets.sentTarget(request), status, (System.nanoTime() - started) / 1_000_000));
        }
        return true;
    }

    private ApiGateway.Response answer(Request request, String method) throws IOException {
        String origin = request.getHeaders().get("Origin");
        if (cors == null || origin == null) {
            return gatewayAnswer(request, method);
        }
        if (method.equals("OPTIONS") && request.getHeaders().contains("Access-Control-Request-Method")) {
            return cors.preflight(origin, request.getHeaders().get("Access-Control-Request-Headers"))
                    .map(headers -> new ApiGateway.Response(204, listed(headers), new byte[0]))
                    .orElseGet(() -> new ApiGateway.Response(403, Map.of(), new byte[0]));
        }
        return decorated(gatewayAnswer(request, method), cors.decoration(origin));
    }

    /** The request's body, up to one byte over {@link #MAX_BODY_BYTES} (so that too large a body shows). */
    private static byte[] body(Request request) throws IOException {
        try (InputStream in = Request.asInputStream(request)) {
            return in.readNBytes(MAX_BODY_BYTES + 1);
        }
    }

    private ApiGateway.Response gatewayAnswer(Request request, String method) throws IOException {
        byte[] body = body(request);
        if (body.length > MAX_BODY_BYTES) {
            return ApiGateway.gatewayMessage(413, "Request Entity Too Large");
        }
        return gateway.handle(new HttpApiEvents.Request(method, SentRequestTargets.sentPath(request),
                SentRequestTargets.sentQuery(request), headers(request.getHeaders()), body, Request.getRemoteAddr(request)));
    }

    /** {@code answer} with the CORS headers set over its own, except that its own {@code Vary} stays. */
    private static ApiGateway.Response decorated(ApiGateway.Response answer, Map<String, String> corsHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>(answer.headers());
        corsHeaders.forEach((name, value) -> {
            List<String> values = new ArrayList<>();
            if (name.equals("Vary")) {
                headers.forEach((existing, those) -> values.addAll(existing.equalsIgnoreCase(name) ? those : List.of()));
            }
            values.add(value);
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            headers.put(name, values);
        });
        return new ApiGateway.Response(answer.status(), headers, answer.body());
    }

    private static void send(ApiGateway.Response answer, String method, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        boolean noBody = answer.body().length == 0 || method.equals("HEAD") || answer.status() == 204
                || answer.status() == 304;
        response.write(true, noBody ? null : ByteBuffer.wrap(answer.body()), callback);
    }

    /** Header names as sent, each with its values in arrival order. */
    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            String name = headers.keySet().stream().filter(field.getName()::equalsIgnoreCase).findFirst()
                    .orElse(field.getName());
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static Map<String, List<String>> listed(Map<String, String> headers) {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        headers.forEach((name, value) -> listed.put(name, List.of(value)));
        return listed;
    }
}
