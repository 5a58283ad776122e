package ru.rossgram.shared.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.rossgram.shared.accounts.RefreshTokenStanding.CURRENT;
import static ru.rossgram.shared.accounts.RefreshTokenStanding.JUST_ROTATED;
import static ru.rossgram.shared.accounts.RefreshTokenStanding.ROTATED_EARLIER;
import static ru.rossgram.shared.accounts.RefreshTokenStanding.UNKNOWN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SessionTest {
    private static final Instant OPENED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private static Session opened(String hash) {
        return Session.opened("01JSESSION00000000000000AA", "01JUSER000000000000000000A", hash, OPENED, OPENED.plus(Duration.ofDays(30)));
    }

    @Test
    void rotatedTo_remembersTheReplacedHash_newestFirst_andWhen() {
        Instant at = OPENED.plusSeconds(60);
        Session twice = opened("h0").rotatedTo("h1", OPENED.plusSeconds(30), OPENED.plusSeconds(30))
                .rotatedTo("h2", at, at.plus(Duration.ofDays(30)));
        assertEquals("h2", twice.secretHash());
        assertEquals(List.of("h1", "h0"), twice.rotatedHashes());
        assertEquals(at, twice.rotatedAt());
        assertEquals(2, twice.generation());
        assertEquals(at.plus(Duration.ofDays(30)), twice.expiresAt());
    }

    @Test
    void rotatedTo_keepsABoundedHistory_forgettingTheOldest() {
        Session session = opened("h0");
        for (int i = 1; i <= Session.ROTATED_HASHES_KEPT + 5; i++) {
            session = session.rotatedTo("h" + i, OPENED.plusSeconds(i), OPENED.plus(Duration.ofDays(30)));
        }
        assertEquals(Session.ROTATED_HASHES_KEPT, session.rotatedHashes().size());
        assertEquals(IntStream.iterate(Session.ROTATED_HASHES_KEPT + 4, i -> i - 1).limit(Session.ROTATED_HASHES_KEPT)
                .mapToObj(i -> "h" + i).toList(), session.rotatedHashes());
        assertEquals(UNKNOWN, session.standingOf("h0", "x", OPENED.plusSeconds(1000), GRACE));
    }

    @Test
    void standingOf_theCurrentToken_isCurrent() {
        assertEquals(CURRENT, opened("h0").standingOf("h0", "h1", OPENED, GRACE));
    }

    @Test
    void standingOf_aTokenNeverIssuedForTheSession_isUnknown() {
        Session session = opened("h0").rotatedTo("h1", OPENED, OPENED.plus(Duration.ofDays(1)));
        assertEquals(UNKNOWN, session.standingOf("forged", "whatever", OPENED, GRACE));
        assertEquals(UNKNOWN, opened("h0").standingOf("forged", "h0", OPENED, GRACE));
    }

    @Test
    void standingOf_theTokenJustRotatedAway_isJustRotated_onlyWithinTheGrace() {
        Instant rotated = OPENED.plusSeconds(100);
        Session session = opened("h0").rotatedTo("h1", rotated, rotated.plus(Duration.ofDays(30)));
        assertEquals(JUST_ROTATED, session.standingOf("h0", "h1", rotated, GRACE));
        assertEquals(JUST_ROTATED, session.standingOf("h0", "h1", rotated.plus(GRACE).minusMillis(1), GRACE));
        assertEquals(ROTATED_EARLIER, session.standingOf("h0", "h1", rotated.plus(GRACE), GRACE));
    }

    @Test
    void standingOf_theTokenJustRotatedAway_whoseSuccessorIsNotCurrent_isUnknown() {
        // the server key changed since the rotation: the same successor cannot be handed out again
        Session session = opened("h0").rotatedTo("h1", OPENED, OPENED.plus(Duration.ofDays(30)));
        assertEquals(UNKNOWN, session.standingOf("h0", "other", OPENED, GRACE));
    }

    @Test
    void standingOf_anOlderRotatedToken_isRotatedEarlier_evenWithinTheGrace() {
        Session session = opened("h0").rotatedTo("h1", OPENED, OPENED.plus(Duration.ofDays(30)))
                .rotatedTo("h2", OPENED.plusSeconds(1), OPENED.plus(Duration.ofDays(30)));
        assertEquals(ROTATED_EARLIER, session.standingOf("h0", "h1", OPENED.plusSeconds(2), GRACE));
    }
}
