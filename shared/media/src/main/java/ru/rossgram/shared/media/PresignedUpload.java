package ru.rossgram.shared.media;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A signed PUT: the client sends the bytes to {@code url} with exactly {@code headers}, before {@code expiresAt}.
 *
 * @param headers lower-case header names to values, which the signature covers
 */
public record PresignedUpload(URI url, Map<String, String> headers, Instant expiresAt) {
    public PresignedUpload {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
