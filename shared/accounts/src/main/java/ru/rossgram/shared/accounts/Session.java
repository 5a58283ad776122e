package ru.rossgram.shared.accounts;

import java.time.Instant;

/**
 * A signed-in device: one refresh-token family. {@code secretHash} is the hash of the only refresh
 * token that may be used next; {@code revokedAt} is set on sign-out or when a rotated token is reused.
 */
public record Session(
        String sessionId,
        String userId,
        String secretHash,
        long generation,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
