package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.RossgramConfig;

class AccessTokensTest {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Caller ALICE = new Caller("01JALICE0000000000000000AA", "01JSESSION00000000000000AA");

    static AccessTokens tokens(String key, Instant now) {
        return new AccessTokens(new RossgramConfig("t", "", false, key, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(10)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verify_acceptsItsOwnFreshToken() {
        AccessTokens tokens = tokens(KEY, NOW);
        assertEquals(ALICE, tokens.verify(tokens.issue(ALICE)).orElseThrow());
    }

    @Test
    void verify_refusesExpiredToken() {
        String token = tokens(KEY, NOW).issue(ALICE);
        assertTrue(tokens(KEY, NOW.plus(Duration.ofMinutes(16))).verify(token).isEmpty());
    }

    @Test
    void verify_refusesTokenSignedWithAnotherKey() {
        String token = tokens(OTHER_KEY, NOW).issue(ALICE);
        assertTrue(tokens(KEY, NOW).verify(token).isEmpty());
    }

    @Test
    void verify_refusesAlgNone() {
        String[] parts = tokens(KEY, NOW).issue(ALICE).split("\\.");
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertTrue(tokens(KEY, NOW).verify(header + "." + parts[1] + ".").isEmpty());
        assertTrue(tokens(KEY, NOW).verify(header + "." + parts[1] + "." + parts[2]).isEmpty());
    }

    @Test
    void verify_refusesTamperedClaims() {
        String[] parts = tokens(KEY, NOW).issue(ALICE).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(ALICE.userId(), "01JMALLORY00000000000000AA");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertTrue(tokens(KEY, NOW).verify(forged).isEmpty());
    }

    @Test
    void verify_refusesGarbage() {
        assertTrue(tokens(KEY, NOW).verify("not-a-jwt").isEmpty());
        assertTrue(tokens(KEY, NOW).verify("").isEmpty());
    }
}
