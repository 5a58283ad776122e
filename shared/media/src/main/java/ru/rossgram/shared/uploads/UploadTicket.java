package ru.rossgram.shared.uploads;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** How the client sends one photo: {@code method} to {@code url} with exactly {@code headers}, before {@code expiresAt}. */
public record UploadTicket(String uploadId, String method, URI url, Map<String, String> headers, Instant expiresAt) {
}
