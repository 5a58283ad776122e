package ru.rossgram.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {
    private static String uniqueName() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void advance_movesEveryClockOfTheName_andNoOther() {
        String name = uniqueName();
        AdjustableClock one = AdjustableClock.named(name);
        AdjustableClock another = AdjustableClock.named(name);
        AdjustableClock elsewhere = AdjustableClock.named(uniqueName());
        try {
            one.advance(Duration.ofDays(31));

            assertEquals(Duration.ofDays(31), another.offset());
            assertTrue(Duration.between(Instant.now(), another.instant()).compareTo(Duration.ofDays(31)) >= 0);
            assertEquals(Duration.ZERO, elsewhere.offset());
            assertTrue(Duration.between(Instant.now(), elsewhere.instant()).abs().compareTo(Duration.ofMinutes(1)) < 0);
        } finally {
            one.reset();
        }
    }

    @Test
    void advance_addsUp_andRefusesToMoveBack() {
        AdjustableClock clock = AdjustableClock.named(uniqueName());
        try {
            clock.advance(Duration.ofHours(1));
            clock.advance(Duration.ofMinutes(30));

            assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
            assertEquals(Duration.ofMinutes(90), clock.offset());
        } finally {
            clock.reset();
        }
    }

    @Test
    void catchUp_onlyEverMovesForward() {
        AdjustableClock clock = AdjustableClock.named(uniqueName());
        try {
            clock.advance(Duration.ofDays(2));
            clock.catchUp(Duration.ofDays(1));
            assertEquals(Duration.ofDays(2), clock.offset());
            clock.catchUp(Duration.ofDays(3));
            assertEquals(Duration.ofDays(3), clock.offset());
        } finally {
            clock.reset();
        }
    }

    @Test
    void clockBean_isTheSystemClock_unlessTheEnvironmentNamesAnAdjustableOne() {
        try (ApplicationContext plain = ApplicationContext.run()) {
            assertFalse(plain.getBean(Clock.class) instanceof AdjustableClock);
        }
        String name = uniqueName();
        try (ApplicationContext moved = ApplicationContext.run(Map.of("rossgram.clock.adjustable", name))) {
            AdjustableClock clock = assertInstanceOf(AdjustableClock.class, moved.getBean(Clock.class));
            assertEquals(name, clock.name());
        }
    }
}
