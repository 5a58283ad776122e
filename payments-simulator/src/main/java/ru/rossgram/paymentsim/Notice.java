package ru.rossgram.paymentsim;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A notification exactly as the provider would send it: the raw body and the headers (Content-Type and any
 * signature). Tests may deliver it twice, out of order, or tampered ({@link #withBody}).
 */
public record Notice(Provider provider, byte[] body, Map<String, String> headers) {
    public Notice {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The same headers (and so the same signature) over another body: a tampered delivery. */
    public Notice withBody(String tampered) {
        return new Notice(provider, tampered.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The same body with headers replaced or added, e.g. a wrong or missing signature. */
    public Notice withHeaders(Map<String, String> replaced) {
        return new Notice(provider, body, replaced);
    }
}
