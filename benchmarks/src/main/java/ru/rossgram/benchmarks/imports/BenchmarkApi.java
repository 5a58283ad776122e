package ru.rossgram.benchmarks.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The API as a phone calls it, over HTTP to the runner, as one signed-in user. */
final class BenchmarkApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private String token;

    BenchmarkApi(URI base) {
        this.base = base;
    }

    /** Signs a new account up and keeps its token; answers the account id. */
    String signUp(String username) throws IOException, InterruptedException {
        JsonNode account = call("POST", "/v1/accounts", """
                {"username": "%s", "email": "%s@bench.example", "password": "correct horse battery", "displayName": "Маша"}"""
                .formatted(username, username), 201);
        token = account.at("/tokens/accessToken").asText();
        return account.at("/account/id").asText();
    }

    /** Calls the API; {@code json} may be null. @throws IllegalStateException when the status is not {@code expected} */
    JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return reply.body().isEmpty() ? JSON.nullNode() : JSON.readTree(reply.body());
    }

    /** PUTs one part to its presigned URL. */
    void put(String url, byte[] bytes) throws IOException, InterruptedException {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("part PUT answered " + reply.statusCode() + ": " + reply.body() + " " + reply.headers().map());
        }
    }
}
