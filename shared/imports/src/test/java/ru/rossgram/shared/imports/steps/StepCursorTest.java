package ru.rossgram.shared.imports.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.imports.steps.StepCursor.Phase;

class StepCursorTest {

    @Test
    void noStoredCursor_meansTheExportIsStillToBeScanned() {
        assertEquals(StepCursor.SCAN, StepCursor.parse(null));
        assertNull(StepCursor.SCAN.stored());
    }

    @Test
    void everyPhase_readsBackAsItWasStored() {
        for (Phase phase : Phase.values()) {
            if (phase != Phase.SCAN) {
                StepCursor cursor = StepCursor.at(phase, 23_300_000L);
                assertEquals(cursor, StepCursor.parse(cursor.stored()));
            }
        }
        assertEquals("followers:40000", StepCursor.at(Phase.FOLLOWERS, 40_000).stored());
    }

    @Test
    void aPlaceInAListSplitOverFiles_readsBackWithItsFile() {
        StepCursor cursor = StepCursor.inList(Phase.FOLLOWERS, 600_000, 1, 140_000);
        assertEquals("followers:600000:1:140000", cursor.stored());
        assertEquals(cursor, StepCursor.parse(cursor.stored()));
        assertEquals(StepCursor.at(Phase.FOLLOWING, 7), StepCursor.parse("following:7"), "a list's first file: its index");
        assertThrows(IllegalArgumentException.class, () -> StepCursor.parse("followers:10:1:11"), "past its index");
        assertThrows(IllegalArgumentException.class, () -> StepCursor.parse("followers:10:1"));
    }

    @Test
    void textNoStepWrote_isRefused_ratherThanRestartingTheImport() {
        assertThrows(IllegalArgumentException.class, () -> StepCursor.parse("likes:3"));
        assertThrows(IllegalArgumentException.class, () -> StepCursor.parse("posts"));
        assertThrows(IllegalArgumentException.class, () -> StepCursor.parse("posts:-1"));
    }
}
