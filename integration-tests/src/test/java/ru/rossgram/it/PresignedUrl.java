package ru.rossgram.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.rossgram.it.ApiDriver.Reply;

/** The storage side of an upload ticket or a photo URL, spoken to over HTTP as a phone does. */
final class PresignedUrl {
    private PresignedUrl() {
    }

    /** The headers a ticket says to send. */
    static Map<String, String> headers(JsonNode ticket) {
        Map<String, String> headers = new LinkedHashMap<>();
        ticket.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        return headers;
    }

    /** PUTs {@code body} to the ticket's URL with the headers it lists. */
    static Reply put(JsonNode ticket, byte[] body) {
        return put(ticket, body, Map.of());
    }

    /** PUTs {@code body} to the ticket's URL with the headers it lists, {@code overrides} replacing some of them. */
    static Reply put(JsonNode ticket, byte[] body, Map<String, String> overrides) {
        Map<String, String> headers = headers(ticket);
        headers.putAll(overrides);
        return put(URI.create(ticket.path("url").asText()), headers, body);
    }

    /** Sends {@code body} to a presigned URL: the given headers, the body's own length. */
    static Reply put(URI url, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        // content-length is the body's length: HttpClient sets it and allows no other
        headers.forEach((name, value) -> {
            if (!name.equals("content-length")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = ApiDriver.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            return new Reply(response.statusCode(), answered, response.body());
        } catch (Exception e) {
            throw new AssertionError("could not PUT to " + url, e);
        }
    }

    /** GETs a photo URL as an app does. */
    static HttpResponse<byte[]> download(String url) {
        try {
            return ApiDriver.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError("could not GET " + url, e);
        }
    }
}
