package ru.rossgram.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartRatiosTest {
    @Test
    void medianIsTheNearestRankNeverAnInterpolation() {
        assertEquals(30, Percentiles.of(List.of(50L, 10L, 30L)).median());
        assertEquals(20, Percentiles.of(List.of(40L, 10L, 20L, 30L)).median(), "the lower middle of an even count");
        assertEquals(7, Percentiles.of(List.of(7L)).median());
        assertEquals(-1, Percentiles.of(List.of()).median());
        assertEquals("-", Percentiles.of(List.of()).cell(), "nothing measured shows a dash");
        assertEquals("30 / 50 / 10", Percentiles.of(List.of(50L, 10L, 30L)).cell(), "median / p90 / min");
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
