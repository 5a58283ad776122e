package ru.rossgram.imaging;

/** Blurs by repeated box averages: three passes look like a Gaussian of about the radius, at a tiny cost. */
final class BoxBlur {
    private BoxBlur() {
    }

    /** A blurred copy; edges repeat the border pixels, so the blur does not darken them. */
    static RgbImage blur(RgbImage image, int radius, int passes) {
        int w = image.width();
        int h = image.height();
        int[] channels = new int[w * h * 3];
        byte[] rgb = image.rgb();
        for (int i = 0; i < channels.length; i++) {
            channels[i] = rgb[i] & 0xFF;
        }
        int[] scratch = new int[channels.length];
        for (int pass = 0; pass < passes; pass++) {
            along(channels, scratch, w, h, radius, 3, w * 3);     // each row
            along(scratch, channels, h, w, radius, w * 3, 3);     // each column
        }
        RgbImage blurred = image.blankLike(w, h);
        byte[] out = blurred.rgb();
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) channels[i];
        }
        return blurred;
    }

    /**
     * One box pass along lines of {@code length} samples {@code step} apart, {@code lines} of them {@code lineStep}
     * apart (per channel), as a running sum.
     */
    private static void along(int[] from, int[] to, int length, int lines, int radius, int step, int lineStep) {
        int window = 2 * radius + 1;
        for (int line = 0; line < lines; line++) {
            for (int c = 0; c < 3; c++) {
                int base = line * lineStep + c;
                int sum = 0;
                for (int i = -radius; i <= radius; i++) {
                    sum += from[base + clamp(i, length) * step];
                }
                for (int i = 0; i < length; i++) {
                    to[base + i * step] = (sum + window / 2) / window;
                    sum += from[base + clamp(i + radius + 1, length) * step] - from[base + clamp(i - radius, length) * step];
                }
            }
        }
    }

    private static int clamp(int i, int length) {
        return i < 0 ? 0 : Math.min(i, length - 1);
    }
}
