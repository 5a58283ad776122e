package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How much an original shrinks while it loads, for the default renditions (w1080 the largest). */
class RenditionPlanTest {
    @ParameterizedTest(name = "{0} x {1}: 1/{2} in the DCT, then a box of {3}")
    @CsvSource({
        // A 12 MP phone photo is 3.7x its w1080: 1/2 leaves the final filter 1.85x; 1/4 would enlarge.
        "4000, 3000, 2, 1",
        // 48 MP, 7.4x: 1/4 leaves 1.85x; 1/8 would enlarge.
        "8000, 6000, 4, 1",
        // 20 MP, 5.1x: 1/4 leaves 1.27x.
        "5472, 3648, 4, 1",
        // 8 MP, 3.0x: 1/2 leaves 1.5x.
        "3264, 2448, 2, 1",
        // 100 MP, 10.7x: 1/8 leaves 1.34x.
        "11547, 8660, 8, 1",
        // Small originals decode at full size.
        "1600, 1200, 1, 1",
        "1080, 1080, 1, 1",
        // A panorama 11x its w1080: 1/8 leaves 1.39x.
        "12000, 2222, 8, 1",
    })
    void jpegLoad_scalesInTheDct_leavingTheFinalFilterAtLeastAQuarter(int width, int height, int scale, int box) {
        RenditionPlan plan = RenditionPlan.of(ThumbnailSpec.defaults(), width, height);
        assertEquals(new RenditionPlan.JpegLoad(scale, box), plan.jpegLoad(width, height));
    }
}
