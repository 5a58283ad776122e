package ru.rossgram.shared.payments.providers;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A notification as it arrived: the body's raw bytes, never re-encoded, the headers (names in lower case) and
 * the sender's address as the gateway saw it.
 */
public record WebhookDelivery(byte[] body, Map<String, String> headers, String sourceIp) {
    public WebhookDelivery {
        body = body == null ? new byte[0] : body;
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
