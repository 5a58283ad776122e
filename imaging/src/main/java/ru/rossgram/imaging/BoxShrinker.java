package ru.rossgram.imaging;

import java.awt.color.ICC_Profile;
import java.util.Arrays;

/**
 * Averages each {@code factor x factor} block of incoming rows into one pixel, a row at a time, so an original
 * far larger than its thumbnails never sits in memory whole. Edge blocks average the pixels they have.
 * Box averaging only comes first: a proper filter ({@link Resampler}) always does the last factor of two or more.
 */
final class BoxShrinker {
    private final int sourceWidth;
    private final int sourceHeight;
    private final int factor;
    private final int bands;
    private final int width;
    private final int height;
    private final ColumnSums columnSums;
    /** The block's column sums as ints: carried over when a block is taller than the lanes hold, and at flush. */
    private final int[] totals;
    private final byte[] out;
    private final long fullBlockReciprocal;
    private int nextRow;

    /** @param bands of the incoming rows: 1 (grey, widened to RGB) or 3 (RGB) */
    BoxShrinker(int sourceWidth, int sourceHeight, int factor, int bands) {
        if (factor < 1 || (bands != 1 && bands != 3)) {
            throw new IllegalArgumentException("factor " + factor + ", bands " + bands);
        }
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.factor = factor;
        this.bands = bands;
        this.width = ceilDiv(sourceWidth, factor);
        this.height = ceilDiv(sourceHeight, factor);
        this.columnSums = new ColumnSums(sourceWidth * bands);
        this.totals = new int[sourceWidth * bands];
        this.out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)];
        this.fullBlockReciprocal = reciprocal(factor * factor);
    }

    /** Shrinks an image already in memory. */
    static RgbImage shrink(RgbImage image, int factor) {
        BoxShrinker shrinker = new BoxShrinker(image.width(), image.height(), factor, 3);
        int stride = image.width() * 3;
        for (int y = 0; y < image.height(); y++) {
            shrinker.accept(y, image.rgb(), y * stride);
        }
        return shrinker.image(image.profile(), image.isYcc());
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Takes source row {@code y} ({@code sourceWidth * bands} bytes from {@code offset}). Rows come in order; a
     * row 0 after others starts over, because a progressive JPEG is delivered once per scan.
     *
     * @throws IllegalStateException when rows are skipped or repeated
     */
    void accept(int y, byte[] row, int offset) {
        if (y != nextRow) {
            if (y != 0) {
                throw new IllegalStateException("row " + y + " arrived when " + nextRow + " was due");
            }
            clearSums();
        }
        nextRow = y + 1;
        if (factor == 1) {
            copy(y, row, offset);
            return;
        }
        add(row, offset);
        int rowsInBlock = y % factor + 1;
        if (rowsInBlock == factor || y == sourceHeight - 1) {
            flush(y / factor, rowsInBlock);
        }
    }

    boolean isComplete() {
        return nextRow == sourceHeight;
    }

    /** @throws IllegalStateException when some rows never arrived */
    RgbImage image(ICC_Profile profile) {
        return image(profile, false);
    }

    /** @param ycc the rows were YCbCr (see {@link RgbImage#isYcc()}) */
    RgbImage image(ICC_Profile profile, boolean ycc) {
        if (!isComplete()) {
            throw new IllegalStateException("only " + nextRow + " of " + sourceHeight + " rows arrived");
        }
        return new RgbImage(width, height, out, profile, ycc);
    }

    private void copy(int y, byte[] row, int offset) {
        int o = y * width * 3;
        if (bands == 3) {
            System.arraycopy(row, offset, out, o, width * 3);
            return;
        }
        for (int x = 0; x < width; x++) {
            byte v = row[offset + x];
            out[o++] = v;
            out[o++] = v;
            out[o++] = v;
        }
    }

    private void add(byte[] row, int offset) {
        if (columnSums.rows() == ColumnSums.MAX_ROWS) {
            columnSums.addTo(totals);
            columnSums.clear();
        }
        columnSums.add(row, offset);
    }

    private void clearSums() {
        columnSums.clear();
        Arrays.fill(totals, 0);
    }

    /** Sums each block's columns, divides by the pixels it holds, writes an output row, and starts afresh. */
    private void flush(int outY, int rowsInBlock) {
        columnSums.addTo(totals);
        int[] sums = totals;
        int lastColumns = sourceWidth - (width - 1) * factor;
        int o = outY * width * 3;
        int c = 0;
        for (int bx = 0; bx < width; bx++) {
            int columns = bx == width - 1 ? lastColumns : factor;
            long reciprocal = columns == factor && rowsInBlock == factor
                    ? fullBlockReciprocal : reciprocal(columns * rowsInBlock);
            if (bands == 3) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = 0; i < columns; i++, c += 3) {
                    r += sums[c];
                    g += sums[c + 1];
                    b += sums[c + 2];
                }
                out[o++] = average(r, reciprocal);
                out[o++] = average(g, reciprocal);
                out[o++] = average(b, reciprocal);
            } else {
                int v = 0;
                for (int i = 0; i < columns; i++) {
                    v += sums[c++];
                }
                byte grey = average(v, reciprocal);
                out[o++] = grey;
                out[o++] = grey;
                out[o++] = grey;
            }
        }
        clearSums();
    }

    private static byte average(int sum, long reciprocal) {
        return (byte) ((sum * reciprocal + (1L << 39)) >>> 40);
    }

    /** Division by multiplication, as the flush runs once per output sample: 2^40 / divisor, rounded up. */
    private static long reciprocal(int divisor) {
        return ((1L << 40) + divisor - 1) / divisor;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
