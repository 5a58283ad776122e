package ru.rossgram.imaging;

import java.util.Arrays;

/**
 * Resizes with a separable Lanczos-3 filter whose support widens with the reduction, so every source pixel
 * counts and nothing aliases (the approach of Pillow and libvips). Callers keep reductions modest by starting
 * from a box-shrunk {@link Pyramid} level: the cost grows with source pixels times the reduction.
 */
final class Resampler {
    private static final double LOBES = 3.0;
    /** Fixed-point weights: 14 bits keep 8-bit results exact, and sums of a few hundred taps inside an int. */
    private static final int BITS = 14;
    private static final int ONE = 1 << BITS;
    private static final int HALF = 1 << (BITS - 1);

    private Resampler() {
    }

    /** The whole image at {@code width x height}. */
    static RgbImage resize(RgbImage source, int width, int height) {
        return resize(source, new Region(0, 0, source.width(), source.height()), width, height);
    }

    /**
     * The {@code region} of {@code source} at {@code width x height}; pixels just outside the region still
     * weigh in, as they would in the whole image.
     */
    static RgbImage resize(RgbImage source, Region region, int width, int height) {
        Weights columns = Weights.of(source.width(), region.x(), region.width(), width);
        Weights rows = Weights.of(source.height(), region.y(), region.height(), height);
        int firstColumn = columns.first[0];
        int columnCount = columns.end() - firstColumn;
        // Both passes filter down columns, where the inner loop runs along memory and vectorises; each writes its
        // result transposed, so the second pass filters the first's columns, and its result is upright again.
        byte[] sideways = filterColumns(source.rgb(), source.width(), rows, firstColumn, columnCount);
        byte[] narrowed = filterColumns(sideways, height, columns.shifted(-firstColumn), 0, height);
        return source.derived(width, height, narrowed);
    }

    /** A rectangle in source pixels; fractional edges are fine. */
    record Region(double x, double y, double width, double height) {
    }

    /**
     * Filters an image {@code width} pixels wide down its columns: each output row is a weighted sum of source
     * rows, over columns {@code [firstColumn, firstColumn + columnCount)}. The result is transposed: output row y
     * becomes column y of a {@code columnCount}-row image, a write as cheap here as anywhere.
     */
    private static byte[] filterColumns(byte[] source, int width, Weights rows, int firstColumn, int columnCount) {
        int span = columnCount * 3;
        int outHeight = rows.first.length;
        byte[] out = new byte[outHeight * span];
        int[] sums = new int[span];
        int[] weights = rows.weights;
        IntRows window = new IntRows(source, width * 3, firstColumn * 3, span, rows.taps + 1);
        for (int y = 0; y < outHeight; y++) {
            Arrays.fill(sums, HALF);
            int w = y * rows.taps;
            int end = w + rows.count[y];
            for (int row = rows.first[y]; w < end; w++, row++) {
                int weight = weights[w];
                int[] samples = window.row(row);
                for (int i = 0; i < span; i++) {
                    sums[i] += weight * samples[i]; // int by int: the JIT vectorises this; byte by int it does not
                }
            }
            int columnStride = outHeight * 3;
            for (int i = 0, o = y * 3; i < span; i += 3, o += columnStride) {
                out[o] = clamp(sums[i]);
                out[o + 1] = clamp(sums[i + 1]);
                out[o + 2] = clamp(sums[i + 2]);
            }
        }
        return out;
    }

    /**
     * The source rows a pass is working through, widened to ints once each: every row feeds several output
     * rows, and an int multiply-add vectorises where a byte one does not (about five times faster).
     */
    private static final class IntRows {
        private final byte[] source;
        private final int stride;
        private final int offset;
        private final int[][] rows;
        private final int[] held;

        IntRows(byte[] source, int stride, int offset, int span, int capacity) {
            this.source = source;
            this.stride = stride;
            this.offset = offset;
            this.rows = new int[capacity][span];
            this.held = new int[capacity];
            Arrays.fill(held, -1);
        }

        /** Row {@code y}; the window slides forwards, and holds more rows than any output row reads. */
        int[] row(int y) {
            int slot = y % rows.length;
            int[] samples = rows[slot];
            if (held[slot] != y) {
                int from = y * stride + offset;
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = source[from + i] & 0xFF;
                }
                held[slot] = y;
            }
            return samples;
        }
    }

    private static byte clamp(int fixed) {
        int v = fixed >> BITS;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    static double lanczos3(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -LOBES || x >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }

    /** For each output pixel along one axis: the first source pixel it reads, how many, and their weights. */
    private static final class Weights {
        final int[] first;
        final int[] count;
        final int[] weights;
        final int taps;

        private Weights(int[] first, int[] count, int[] weights, int taps) {
            this.first = first;
            this.count = count;
            this.weights = weights;
            this.taps = taps;
        }

        /** The same weights, reading source pixels {@code offset} further along. */
        Weights shifted(int offset) {
            int[] moved = first.clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] += offset;
            }
            return new Weights(moved, count, weights, taps);
        }

        int end() {
            int end = 0;
            for (int i = 0; i < first.length; i++) {
                end = Math.max(end, first[i] + count[i]);
            }
            return end;
        }

        static Weights of(int sourceSize, double start, double extent, int outSize) {
            double scale = extent / outSize;
            double stretch = Math.max(scale, 1.0); // the filter widens when reducing, never when enlarging
            double support = LOBES * stretch;
            int taps = (int) Math.ceil(2 * support) + 2;
            int[] first = new int[outSize];
            int[] count = new int[outSize];
            int[] weights = new int[outSize * taps];
            double[] exact = new double[taps];
            for (int o = 0; o < outSize; o++) {
                double centre = start + (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support + 0.5));
                int hi = Math.min(sourceSize, (int) Math.floor(centre + support + 0.5));
                hi = Math.max(hi, lo + 1);
                if (hi - lo > taps) {
                    hi = lo + taps;
                }
                double total = 0;
                for (int i = lo; i < hi; i++) {
                    exact[i - lo] = lanczos3((i + 0.5 - centre) / stretch);
                    total += exact[i - lo];
                }
                first[o] = lo;
                count[o] = hi - lo;
                quantise(exact, hi - lo, total, weights, o * taps, Math.min(sourceSize - 1, Math.max(lo, (int) centre)) - lo);
            }
            return new Weights(first, count, weights, taps);
        }

        /** Rounds to fixed point so the weights sum to exactly one: flat areas keep their exact level. */
        private static void quantise(double[] exact, int n, double total, int[] into, int at, int nearest) {
            if (Math.abs(total) < 1e-9) {
                into[at + Math.max(0, Math.min(n - 1, nearest))] = ONE; // nothing weighs in: take the nearest pixel
                return;
            }
            int sum = 0;
            int largest = 0;
            for (int i = 0; i < n; i++) {
                into[at + i] = (int) Math.round(exact[i] / total * ONE);
                sum += into[at + i];
                if (into[at + i] > into[at + largest]) {
                    largest = i;
                }
            }
            into[at + largest] += ONE - sum;
        }
    }
}
