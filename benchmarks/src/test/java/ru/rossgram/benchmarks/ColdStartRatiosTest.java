package ru.rossgram.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartRatiosTest {
    @Test
    void medianIsTheNearestRankNeverAnInterpolation() {
        assertEquals(30, ColdStartRatios.median(List.of(50L, 10L, 30L)));
        assertEquals(20, ColdStartRatios.median(List.of(40L, 10L, 20L, 30L)), "the lower middle of an even count");
        assertEquals(7, ColdStartRatios.median(List.of(7L)));
        assertEquals(-1, ColdStartRatios.median(List.of()));
    }

    @Test
    void ratioIsOursOverBare() {
        assertEquals(2.0, ColdStartRatios.ratio(1200, 600), 1e-9);
        assertEquals("2.23x", ColdStartRatios.cell(ColdStartRatios.ratio(1338, 600)));
        assertEquals("1.00x", ColdStartRatios.cell(ColdStartRatios.ratio(600, 600)));
    }

    @Test
    void theHashIsTakenOutOfBothSides() {
        // A sign-up of 1,600 ms against a bare 1,000 ms, both computing a 400 ms hash: 1.6x with it, 2.0x without.
        assertEquals(1.6, ColdStartRatios.ratio(1600, 1000), 1e-9);
        assertEquals(2.0, ColdStartRatios.ratioWithoutHash(1600, 1000, 400), 1e-9);
        assertEquals("2.00x", ColdStartRatios.cell(ColdStartRatios.ratioWithoutHash(1600, 1000, 400)));
    }

    @Test
    void unknownOrDegenerateInputsShowADash() {
        assertTrue(Double.isNaN(ColdStartRatios.ratio(-1, 600)), "ours not measured");
        assertTrue(Double.isNaN(ColdStartRatios.ratio(600, 0)), "bare not measured");
        assertTrue(Double.isNaN(ColdStartRatios.ratioWithoutHash(1600, 1000, -1)), "no hash measured");
        assertTrue(Double.isNaN(ColdStartRatios.ratioWithoutHash(1600, 400, 400)), "bare no longer than its hash");
        assertEquals("-", ColdStartRatios.cell(Double.NaN));
    }
}
