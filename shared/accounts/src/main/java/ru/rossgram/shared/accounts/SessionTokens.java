package ru.rossgram.shared.accounts;

import java.time.Instant;

/** What a client keeps after signing in: a short-lived access token and a rotating refresh token. */
public record SessionTokens(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        Instant refreshTokenExpiresAt) {
}
