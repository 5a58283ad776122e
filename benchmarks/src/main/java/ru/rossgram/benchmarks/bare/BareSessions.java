package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The session item sign-up and sign-in write, laid out as SessionRepository writes it: {@code SESSION#<id> / SESSION}
 * with the SHA-256 of a new refresh secret (only the hash is stored), generation 0, a 30-day expiry and the
 * {@code gsi1} keys that list a user's sessions.
 */
final class BareSessions {
    private static final Duration SESSION_TTL = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BareSessions() {
    }

    static Map<String, AttributeValue> newSession(String userId, Instant now) {
        String sessionId = UUID.randomUUID().toString();
        Map<String, AttributeValue> session = item("SESSION#" + sessionId, "SESSION", "session");
        session.put("sessionId", s(sessionId));
        session.put("userId", s(userId));
        session.put("secretHash", s(sha256Hex(newSecret())));
        session.put("generation", n(0));
        session.put("rotatedHashes", AttributeValue.fromL(List.of()));
        session.put("createdAt", s(now.toString()));
        session.put("expiresAt", n(now.plus(SESSION_TTL).getEpochSecond()));
        session.put("gsi1pk", s("USER#" + userId));
        session.put("gsi1sk", s("SESSION#" + sessionId));
        return session;
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
