package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshTokenTest {
    private static final String SESSION = "01JSESSION00000000000000AA";

    @Test
    void parse_roundTripsTheClientValue() {
        RefreshToken token = RefreshToken.create(SESSION);
        RefreshToken parsed = RefreshToken.parse(token.value()).orElseThrow();
        assertEquals(SESSION, parsed.sessionId());
        assertTrue(parsed.matches(token.secretHash()));
    }

    @Test
    void matches_refusesAnotherTokenOfTheSameSession() {
        RefreshToken first = RefreshToken.create(SESSION);
        RefreshToken second = RefreshToken.create(SESSION);
        assertNotEquals(first.secretHash(), second.secretHash());
        assertFalse(second.matches(first.secretHash()));
    }

    @Test
    void parse_refusesMalformedTokens() {
        assertTrue(RefreshToken.parse("nope").isEmpty());
        assertTrue(RefreshToken.parse(SESSION + ".short").isEmpty());
        assertTrue(RefreshToken.parse(null).isEmpty());
    }

    @Test
    void toString_neverShowsTheSecret() {
        RefreshToken token = RefreshToken.create(SESSION);
        assertFalse(token.toString().contains(token.secret()));
    }
}
