package ru.rossgram.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    @Test
    void newId_sortsByCreationOrder_evenWithinOneMillisecond() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(ids.newId());
        }
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
    }

    @Test
    void newId_randomPartIsNotDerivedFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
        String first = new IdGenerator(clock).newId();
        String second = new IdGenerator(clock).newId();
        assertEquals(first.substring(0, 10), second.substring(0, 10)); // same timestamp part
        assertNotEquals(first.substring(10), second.substring(10));      // independent random parts
        assertTrue(first.matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }

    @Test
    void newUnrelatedId_isNotTheLastIdPlusOne_withinOneMillisecond() {
        IdGenerator ids = new IdGenerator(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        String before = ids.newId();
        String unrelated = ids.newUnrelatedId();
        String after = ids.newId();
        assertTrue(IdGenerator.isWellFormed(unrelated), unrelated);
        assertEquals(before.substring(0, 10), unrelated.substring(0, 10)); // the same millisecond
        assertEquals(Ulid.from(before).increment().toString(), after, "newId counts on");
        assertNotEquals(Ulid.from(before).increment().toString(), unrelated);
        assertNotEquals(ids.newUnrelatedId(), ids.newUnrelatedId());
    }

    @Test
    void isWellFormed_acceptsOurIds_andRefusesEverythingElse() {
        IdGenerator ids = new IdGenerator(Clock.systemUTC());
        assertTrue(IdGenerator.isWellFormed(ids.newId()));
        for (String bad : new String[] {null, "", "sample", "01JD3Z6Q0V8X2K4M6N8P0R2T4", "01jd3z6q0v8x2k4m6n8p0r2t4w",
                "01JD3Z6Q0V8X2K4M6N8P0R2T4WX", "01JD3Z6Q0V8X2K4M6N8P0R2T4U", "81JD3Z6Q0V8X2K4M6N8P0R2T4W", "../01JD3Z6Q0V8X2K4M6N8P0R2T"}) {
            assertFalse(IdGenerator.isWellFormed(bad), bad);
        }
    }

    @Test
    void derivedId_isTheSameForTheSameThing_datedAtItsMoment_andRefusesMomentsNoUlidHolds() {
        Instant at = Instant.parse("2019-07-14T18:30:00.123Z");
        String id = IdGenerator.derivedId(at, "imported-post", "01JANNA0000000000000000000", "ig-1", "0");
        assertEquals(id, IdGenerator.derivedId(at, "imported-post", "01JANNA0000000000000000000", "ig-1", "0"));
        assertNotEquals(id, IdGenerator.derivedId(at, "imported-post", "01JANNA0000000000000000000", "ig-1", "1"));
        assertEquals(at, Ulid.from(id).getInstant());
        assertTrue(IdGenerator.isWellFormed(id));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IdGenerator.derivedId(Instant.parse("1969-12-31T23:59:59Z"), "x"));
    }
}
