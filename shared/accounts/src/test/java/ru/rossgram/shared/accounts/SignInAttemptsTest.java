package ru.rossgram.shared.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant T = Instant.parse("2026-12-06T10:14:50Z");

    private static SignInAttempts at(Instant... instants) {
        return new SignInAttempts(List.of(instants));
    }

    @Test
    void anAttemptCountsForTheWholeWindowFromWhenItWasMade_notUntilAClockBoundary() {
        SignInAttempts attempts = at(T, T, T, T, T);
        Instant justAfter = T.plusSeconds(1);
        assertEquals(Duration.ofMinutes(15).minusSeconds(1), attempts.within(justAfter, WINDOW).untilRoom(justAfter, WINDOW, 5));
        assertEquals(5, attempts.within(T.plus(WINDOW).minusMillis(1), WINDOW).instants().size());
        assertEquals(0, attempts.within(T.plus(WINDOW), WINDOW).instants().size());
    }

    @Test
    void untilRoom_isWhenTheOldestCountedAttemptLeaves() {
        SignInAttempts attempts = at(T.plusSeconds(60), T, T.plusSeconds(120), T.plusSeconds(180), T.plusSeconds(240));
        Instant now = T.plusSeconds(300);
        assertEquals(WINDOW.minusSeconds(300), attempts.within(now, WINDOW).untilRoom(now, WINDOW, 5));
    }

    @Test
    void untilRoom_isZeroWhileUnderTheLimit_andCountsOnlyWhatTheLimitNeedsToLeave() {
        Instant now = T.plusSeconds(300);
        assertEquals(Duration.ZERO, at(T, T.plusSeconds(60)).untilRoom(now, WINDOW, 5));
        // A lowered limit: with 4 counted and a limit of 2, the third-newest must leave first.
        SignInAttempts four = at(T, T.plusSeconds(60), T.plusSeconds(120), T.plusSeconds(180));
        assertEquals(WINDOW.minusSeconds(300 - 120), four.untilRoom(now, WINDOW, 2));
    }

    @Test
    void within_dropsExpiredAttempts_andKeepsTheOrder() {
        SignInAttempts attempts = at(T.plusSeconds(900), T, T.plusSeconds(10));
        assertEquals(List.of(T.plusSeconds(10), T.plusSeconds(900)),
                attempts.within(T.plus(WINDOW).plusSeconds(5), WINDOW).instants());
    }

    @Test
    void without_removesOneAttemptOfThatInstant_only() {
        SignInAttempts attempts = at(T, T, T.plusSeconds(1)).without(T);
        assertEquals(List.of(T, T.plusSeconds(1)), attempts.instants());
        assertTrue(attempts.contains(T));
        assertFalse(attempts.without(T).contains(T));
        assertEquals(attempts, attempts.without(T.plusSeconds(99)));
    }

    @Test
    void with_addsInOrder_andNewestIsTheLatest() {
        SignInAttempts attempts = at(T.plusSeconds(5)).with(T);
        assertEquals(List.of(T, T.plusSeconds(5)), attempts.instants());
        assertEquals(T.plusSeconds(5), attempts.newest().orElseThrow());
        assertTrue(SignInAttempts.NONE.newest().isEmpty());
    }
}
