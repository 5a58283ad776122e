package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How much an original shrinks while it loads, for the default renditions (w1080 the largest). */
class RenditionPlanTest {
    @ParameterizedTest(name = "{0} x {1}: 1/{2} in the DCT, then a box of {3}")
    @CsvSource({
        // A 12 MP phone photo is 3.7x its w1080: 1/2 leaves the final filter 1.85x.
        "4000, 3000, 2, 1",
        // 48 MP, 7.4x: 1/4 leaves 1.85x; 1/8 would leave less than the filter needs.
        "8000, 6000, 4, 1",
        // 20 MP, 5.1x: 1/4 would leave 1.27x, too little; 1/2 and no box (the box rule asks for 2, 1/2 gives it).
        "5472, 3648, 2, 1",
        // 100 MP, 10.7x: 1/4 and a box of 1.
        "11547, 8660, 4, 1",
        // Small originals decode at full size.
        "1600, 1200, 1, 1",
        "1080, 1080, 1, 1",
        // A panorama 11x its w1080: 1/8 would leave 1.39x, so 1/4, then the box rule's 5 / 4 = 1.
        "12000, 2222, 4, 1",
    })
    void jpegLoad_scalesInTheDct_leavingTheFinalFilterAtLeastOneAndAHalf(int width, int height, int scale, int box) {
        RenditionPlan plan = RenditionPlan.of(ThumbnailSpec.defaults(), width, height);
        assertEquals(new RenditionPlan.JpegLoad(scale, box), plan.jpegLoad(width, height));
    }
}
