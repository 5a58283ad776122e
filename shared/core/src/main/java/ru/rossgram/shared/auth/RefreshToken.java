package ru.rossgram.shared.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * A refresh token: {@code <sessionId>.<secret>}. The session id locates the session; only the
 * SHA-256 of the secret is stored, so a leaked table does not leak usable tokens.
 */
public record RefreshToken(String sessionId, String secret) {
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{26}\\.[A-Za-z0-9_-]{43}");

    public static RefreshToken create(String sessionId) {
        byte[] secret = new byte[32];
        Entropy.random().nextBytes(secret);
        return new RefreshToken(sessionId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Parses a token as the client sent it; empty if it cannot be one of ours. */
    public static Optional<RefreshToken> parse(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        return Optional.of(new RefreshToken(token.substring(0, dot), token.substring(dot + 1)));
    }

    public String secretHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Constant-time comparison of this token's secret with a stored hash. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(
                secretHash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The token as handed to the client. */
    public String value() {
        return sessionId + "." + secret;
    }

    @Override
    public String toString() {
        return "RefreshToken[sessionId=" + sessionId + "]"; // never the secret: logs are not vaults
    }
}
