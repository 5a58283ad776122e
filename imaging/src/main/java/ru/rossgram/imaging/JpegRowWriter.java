package ru.rossgram.imaging;

/**
 * Turns decoded rows of MCUs into output rows: each component sampled at the output's resolution (subsampled
 * chroma repeated over the pixels it covers), interleaved, and handed to the {@link BoxShrinker} as each row is
 * ready. YCbCr stays YCbCr ({@link #keepsYcc()}): converting the small renditions instead of the working image
 * saves most of that arithmetic.
 */
final class JpegRowWriter {
    /** How the file's components map to the working image's three channels. */
    enum Colour { GREY, YCBCR, RGB }

    private final JpegComponent[] components;
    private final Colour colour;
    private final int width;
    private final int height;
    private final int rowsPerMcu;
    private final BoxShrinker shrinker;
    private final byte[] interleaved;

    /**
     * @param rowsPerMcu output rows one row of MCUs decodes to
     * @param width      output size, before the box shrink
     */
    JpegRowWriter(JpegComponent[] components, Colour colour, int width, int height, int rowsPerMcu,
            BoxShrinker shrinker) {
        this.components = components;
        this.colour = colour;
        this.width = width;
        this.height = height;
        this.rowsPerMcu = rowsPerMcu;
        this.shrinker = shrinker;
        this.interleaved = colour == Colour.GREY ? null : new byte[width * 3];
    }

    /** Whether the rows written are YCbCr, for {@link YccToRgb} to convert later. */
    boolean keepsYcc() {
        return colour == Colour.YCBCR;
    }

    /** Writes the output rows of MCU row {@code mcuRow}, whose pixels the components' row buffers now hold. */
    void write(int mcuRow) {
        int top = mcuRow * rowsPerMcu;
        int rows = Math.min(rowsPerMcu, height - top);
        for (int r = 0; r < rows; r++) {
            if (colour == Colour.GREY) {
                JpegComponent grey = components[0];
                shrinker.accept(top + r, grey.rows, (r >> grey.upsampleShiftY) * grey.rowStride);
            } else {
                interleave(r);
                shrinker.accept(top + r, interleaved, 0);
            }
        }
    }

    private void interleave(int r) {
        JpegComponent c0 = components[0];
        JpegComponent c1 = components[1];
        JpegComponent c2 = components[2];
        byte[] a = c0.rows;
        byte[] b = c1.rows;
        byte[] c = c2.rows;
        int rowA = (r >> c0.upsampleShiftY) * c0.rowStride;
        int rowB = (r >> c1.upsampleShiftY) * c1.rowStride;
        int rowC = (r >> c2.upsampleShiftY) * c2.rowStride;
        int shiftA = c0.upsampleShiftX;
        int shiftB = c1.upsampleShiftX;
        int shiftC = c2.upsampleShiftX;
        byte[] out = interleaved;
        if (shiftA == 0 && shiftB == 1 && shiftC == 1) {
            // The usual case, chroma halved across (4:2:0, 4:2:2): each chroma sample serves two pixels.
            int o = 0;
            for (int x = 0; x < width; x += 2) {
                byte cb = b[rowB + (x >> 1)];
                byte cr = c[rowC + (x >> 1)];
                out[o] = a[rowA + x];
                out[o + 1] = cb;
                out[o + 2] = cr;
                if (x + 1 < width) {
                    out[o + 3] = a[rowA + x + 1];
                    out[o + 4] = cb;
                    out[o + 5] = cr;
                }
                o += 6;
            }
            return;
        }
        for (int x = 0, o = 0; x < width; x++, o += 3) {
            out[o] = a[rowA + (x >> shiftA)];
            out[o + 1] = b[rowB + (x >> shiftB)];
            out[o + 2] = c[rowC + (x >> shiftC)];
        }
    }
}
