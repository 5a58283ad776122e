package ru.rossgram.imaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The working image and its halvings (each a 2x2 box average of the one before), built only as far as asked.
 * Every rendition starts from the smallest level that still leaves at least a factor of two for the Lanczos
 * filter, so a 150-pixel square does not convolve a 12-megapixel image, and the levels are shared.
 */
final class Pyramid {
    private final List<RgbImage> levels = new ArrayList<>();

    Pyramid(RgbImage base) {
        levels.add(base);
    }

    RgbImage base() {
        return levels.get(0);
    }

    /** The {@code region} of the base image at {@code width x height}, through the best level. */
    RgbImage resize(Resampler.Region region, int width, int height) {
        double reduction = Math.min(region.width() / width, region.height() / height);
        int level = 0;
        // Level n is 2^n times smaller; step down while the filter would still have 2x or more to do.
        while ((2 << level) * 2 <= reduction && base().width() >> (level + 1) > 0 && base().height() >> (level + 1) > 0) {
            level++;
        }
        RgbImage source = level(level);
        double scaleX = (double) source.width() / base().width();
        double scaleY = (double) source.height() / base().height();
        Resampler.Region scaled = new Resampler.Region(region.x() * scaleX, region.y() * scaleY,
                region.width() * scaleX, region.height() * scaleY);
        return Resampler.resize(source, scaled, width, height);
    }

    RgbImage resize(int width, int height) {
        return resize(new Resampler.Region(0, 0, base().width(), base().height()), width, height);
    }

    private RgbImage level(int index) {
        while (levels.size() <= index) {
            levels.add(halve(levels.get(levels.size() - 1)));
        }
        return levels.get(index);
    }

    /** Each 2x2 block averaged; an odd last row or column averages with itself, which is what it has. */
    static RgbImage halve(RgbImage image) {
        int w = image.width();
        int h = image.height();
        RgbImage half = image.blankLike((w + 1) / 2, (h + 1) / 2);
        byte[] in = image.rgb();
        byte[] out = half.rgb();
        int stride = w * 3;
        int o = 0;
        for (int y = 0; y < half.height(); y++) {
            int top = 2 * y * stride;
            int bottom = Math.min(2 * y + 1, h - 1) * stride;
            for (int x = 0; x < half.width(); x++) {
                int left = 6 * x;
                int right = Math.min(2 * x + 1, w - 1) * 3;
                for (int c = 0; c < 3; c++) {
                    int sum = (in[top + left + c] & 0xFF) + (in[top + right + c] & 0xFF)
                            + (in[bottom + left + c] & 0xFF) + (in[bottom + right + c] & 0xFF);
                    out[o++] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return half;
    }
}
