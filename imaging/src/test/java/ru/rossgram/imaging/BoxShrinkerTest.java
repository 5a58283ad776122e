package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxShrinkerTest {

    @Test
    void averagesEachBlock_andEdgeBlocksOverThePixelsTheyHave() {
        // 5 x 4 grey ramp 0, 10, 20, ... by column; factor 2 gives 3 x 2, the last column from one source column.
        BoxShrinker shrinker = new BoxShrinker(5, 4, 2, 1);
        byte[] row = {0, 10, 20, 30, 40};
        for (int y = 0; y < 4; y++) {
            shrinker.accept(y, row, 0);
        }
        RgbImage out = shrinker.image(null);

        assertEquals(3, out.width());
        assertEquals(2, out.height());
        assertEquals(0x050505, out.rgbAt(0, 0));
        assertEquals(0x191919, out.rgbAt(1, 1));
        assertEquals(0x282828, out.rgbAt(2, 1));
    }

    @Test
    void startsOver_whenAProgressiveJpegDeliversItsNextScan() {
        BoxShrinker shrinker = new BoxShrinker(2, 2, 2, 3);
        byte[] dark = new byte[6];
        byte[] light = {(byte) 200, (byte) 200, (byte) 200, (byte) 200, (byte) 200, (byte) 200};
        shrinker.accept(0, dark, 0);
        shrinker.accept(1, dark, 0);
        shrinker.accept(0, light, 0);
        shrinker.accept(1, light, 0);

        assertEquals(0xC8C8C8, shrinker.image(null).rgbAt(0, 0));
    }

    @Test
    void refusesMissingRows() {
        BoxShrinker shrinker = new BoxShrinker(4, 4, 2, 3);
        shrinker.accept(0, new byte[12], 0);

        assertThrows(IllegalStateException.class, () -> shrinker.accept(2, new byte[12], 0));
        assertFalse(shrinker.isComplete());
        assertThrows(IllegalStateException.class, () -> shrinker.image(null));
    }
}
