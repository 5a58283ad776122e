package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.PhotoLikeImage;

/**
 * Damaged uploads, thousands of them: flipped bytes, cuts, overwritten runs, in every format. Each must give
 * thumbnails or our refusal; never a codec's exception, never an error.
 */
class DamagedInputTest {
    private static final int DAMAGES_PER_FILE = 200;
    private final ThumbnailMaker maker = new ThumbnailMaker(ThumbnailSpec.builder().withLockedPreview().build());

    @Test
    void damagedOriginals_giveThumbnailsOrARefusal_nothingElse() {
        List<byte[]> originals = List.of(
                Fixtures.jpeg(PhotoLikeImage.generate(160, 120, 11), 0.9f, false),
                Fixtures.jpeg(PhotoLikeImage.generate(160, 120, 12), 0.9f, true),
                Fixtures.png(PhotoLikeImage.generate(96, 64, 13)),
                Fixtures.resource("cmyk.jpg"),
                Fixtures.resource("ycck.jpg"),
                Fixtures.resource("adobe-rgb.png"),
                Fixtures.resource("lossy.webp"),
                Fixtures.resource("lossless-alpha.webp"),
                Fixtures.resource("with-gps.jpg"),
                Fixtures.resource("orientation-6.jpg"));
        Random random = new Random(20240601);
        int index = 0;
        for (byte[] original : originals) {
            for (int i = 0; i < DAMAGES_PER_FILE; i++) {
                byte[] damaged = damage(original, random);
                try {
                    maker.make(damaged);
                } catch (ImageRejectedException expected) {
                    // a refusal is a fine outcome
                } catch (Throwable unexpected) {
                    AssertionError error = new AssertionError("original " + index + ", damage " + i + ": " + unexpected);
                    error.initCause(unexpected);
                    throw error;
                }
            }
            index++;
        }
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] copy = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> { // flip a few bytes anywhere, headers included
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 1 -> copy = Arrays.copyOf(copy, 1 + random.nextInt(copy.length - 1)); // cut short
            case 2 -> { // overwrite a run with junk
                int start = random.nextInt(copy.length);
                int end = Math.min(copy.length, start + 1 + random.nextInt(64));
                for (int i = start; i < end; i++) {
                    copy[i] = (byte) random.nextInt(256);
                }
            }
            default -> { // damage only the header region, where sizes and tables live
                int limit = Math.min(copy.length, 200);
                copy[random.nextInt(limit)] = (byte) random.nextInt(256);
            }
        }
        if (copy.length == 0) {
            fail("damage left nothing");
        }
        return copy;
    }
}
