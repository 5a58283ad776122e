package ru.rossgram.shared.payments.providers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading notification bodies as the provider wrote them: {@code application/x-www-form-urlencoded} forms
 * (CloudPayments, Robokassa) and the root fields of a JSON object (T-Bank, CloudPayments).
 */
public final class WebhookBodies {
    private static final JsonFactory JSON = new JsonFactory();

    private WebhookBodies() {
    }

    /**
     * The fields of a form body, in their order. A field sent twice is refused rather than guessed at: a
     * signature covers one value.
     *
     * @throws IllegalArgumentException for a repeated field or broken percent-encoding
     */
    public static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("field sent twice: " + name);
            }
        }
        return fields;
    }

    /** A form body with {@code fields} in their iteration order. */
    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Whether a body is JSON rather than a form (CloudPayments posts either, as configured per site). */
    public static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    /**
     * The root scalar fields of a notification, each value exactly as written (a number keeps its digits, a
     * boolean is {@code true} or {@code false}), which is what T-Bank signs and what
     * CloudPayments' decimal amounts need.
     *
     * @throws IOException for anything but one JSON object
     * @throws IllegalArgumentException for a field sent twice
     */
    public static Map<String, String> jsonRootScalars(byte[] body) throws IOException {
        Map<String, String> scalars = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && scalars.put(name, parser.getText()) != null) {
                    throw new IllegalArgumentException("field sent twice: " + name);
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("content after the object");
            }
        }
        return scalars;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
