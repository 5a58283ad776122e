package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * JSON calls to a provider's API. Transport failures become {@link ProviderUnavailableException}; what an HTTP
 * status means is the gateway's business, so every answer that arrives is returned.
 */
@Singleton
public class ProviderApi {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ProviderApi(@Named(PaymentHttpClientFactory.NAME) HttpClient http) {
        this.http = http;
    }

    /** A provider's answer; {@code body} is a missing node when it was not JSON. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }
    }

    public ObjectNode newObject() {
        return json.createObjectNode();
    }

    /**
     * Parses a notification body; an empty body is a missing node, never null.
     *
     * @throws IOException when it is not JSON
     */
    public JsonNode readTree(byte[] body) throws IOException {
        JsonNode tree = json.readTree(body);
        return tree == null ? MissingNode.getInstance() : tree;
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProviderUnavailableException when the API cannot be reached in time */
    public Answer get(URI uri, Map<String, String> headers) {
        return send(request(uri, headers).GET().build());
    }

    /** @throws ProviderUnavailableException when the API cannot be reached in time */
    public Answer postJson(URI uri, JsonNode body, Map<String, String> headers) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a tree always serializes", e);
        }
        return send(request(uri, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    /**
     * POSTs {@code body} as text (Robokassa's refund API takes a bare JWT) and reads a JSON answer.
     *
     * @throws ProviderUnavailableException when the API cannot be reached in time
     */
    public Answer postText(URI uri, String body) {
        return send(request(uri, Map.of()).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A provider's answer that is not JSON (Robokassa's {@code OK<InvId>}, its XML interfaces). */
    public record Text(int status, String body) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** @throws ProviderUnavailableException when the API cannot be reached in time */
    public Text postForm(URI uri, Map<String, String> form) {
        return sendText(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(WebhookBodies.encode(form))).build());
    }

    /** GET with {@code query} as the query string. @throws ProviderUnavailableException when the API cannot be reached in time */
    public Text getText(URI uri, Map<String, String> query) {
        return sendText(HttpRequest.newBuilder(URI.create(uri + "?" + WebhookBodies.encode(query))).timeout(REQUEST_TIMEOUT).GET().build());
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
        headers.forEach(builder::header);
        return builder;
    }

    private Text sendText(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request);
        return new Text(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderUnavailableException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(request.method() + " " + request.uri() + " interrupted", e);
        }
    }

    private Answer send(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request);
        JsonNode body;
        try {
            body = response.body().length == 0 ? MissingNode.getInstance() : json.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), body == null ? MissingNode.getInstance() : body);
    }
}
