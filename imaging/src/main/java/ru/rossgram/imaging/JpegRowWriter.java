package ru.rossgram.imaging;

/**
 * Turns decoded rows of MCUs into output rows: each component sampled at the output's resolution (chroma decoded
 * at a larger block size where it can be, repeated where it cannot), YCbCr converted to RGB with libjpeg's
 * fixed-point equations (JFIF: R = Y + 1.402 Cr, G = Y - 0.34414 Cb - 0.71414 Cr, B = Y + 1.772 Cb), and each
 * row handed to the {@link BoxShrinker} as it is ready.
 */
final class JpegRowWriter {
    /** How the file's three components map to RGB. */
    enum Colour { GREY, YCBCR, RGB }

    private static final int[] CR_TO_R = new int[256];
    private static final int[] CB_TO_B = new int[256];
    /** Fixed point, 16 fractional bits. */
    private static final int[] CR_TO_G = new int[256];
    private static final int[] CB_TO_G = new int[256];

    /** {@code CLAMP[v + CLAMP_OFFSET]} is v limited to 0..255, for every v the equations above can produce. */
    private static final int CLAMP_OFFSET = 320;
    private static final byte[] CLAMP = new byte[1024];

    static {
        for (int i = 0; i < CLAMP.length; i++) {
            CLAMP[i] = (byte) Math.max(0, Math.min(255, i - CLAMP_OFFSET));
        }
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_TO_R[i] = (int) Math.round(1.40200 * x);
            CB_TO_B[i] = (int) Math.round(1.77200 * x);
            CR_TO_G[i] = (int) Math.round(-0.71414 * 65536 * x);
            CB_TO_G[i] = (int) Math.round(-0.34414 * 65536 * x) + (1 << 15);
        }
    }

    private final JpegComponent[] components;
    private final Colour colour;
    private final int width;
    private final int height;
    private final int rowsPerMcu;
    private final BoxShrinker shrinker;
    private final byte[] rgb;

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
        this.rgb = colour == Colour.GREY ? null : new byte[width * 3];
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
                convert(r);
                shrinker.accept(top + r, rgb, 0);
            }
        }
    }

    private void convert(int r) {
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
        byte[] out = rgb;
        if (colour == Colour.RGB) {
            for (int x = 0, o = 0; x < width; x++, o += 3) {
                out[o] = a[rowA + (x >> shiftA)];
                out[o + 1] = b[rowB + (x >> shiftB)];
                out[o + 2] = c[rowC + (x >> shiftC)];
            }
            return;
        }
        if (shiftA == 0 && shiftB == 1 && shiftC == 1) {
            chromaPairs(a, rowA, b, rowB, c, rowC, out);
            return;
        }
        for (int x = 0, o = 0; x < width; x++, o += 3) {
            int y = a[rowA + (x >> shiftA)] & 0xFF;
            int cb = b[rowB + (x >> shiftB)] & 0xFF;
            int cr = c[rowC + (x >> shiftC)] & 0xFF;
            int red = CR_TO_R[cr];
            int green = (CB_TO_G[cb] + CR_TO_G[cr]) >> 16;
            int blue = CB_TO_B[cb];
            out[o] = CLAMP[y + red + CLAMP_OFFSET];
            out[o + 1] = CLAMP[y + green + CLAMP_OFFSET];
            out[o + 2] = CLAMP[y + blue + CLAMP_OFFSET];
        }
    }

    /** The usual case, chroma halved across (4:2:0, 4:2:2): each chroma sample serves two luma samples. */
    private void chromaPairs(byte[] a, int rowA, byte[] b, int rowB, byte[] c, int rowC, byte[] out) {
        int o = 0;
        for (int x = 0; x < width; x += 2) {
            int cb = b[rowB + (x >> 1)] & 0xFF;
            int cr = c[rowC + (x >> 1)] & 0xFF;
            int red = CR_TO_R[cr] + CLAMP_OFFSET;
            int green = ((CB_TO_G[cb] + CR_TO_G[cr]) >> 16) + CLAMP_OFFSET;
            int blue = CB_TO_B[cb] + CLAMP_OFFSET;
            int y = a[rowA + x] & 0xFF;
            out[o] = CLAMP[y + red];
            out[o + 1] = CLAMP[y + green];
            out[o + 2] = CLAMP[y + blue];
            o += 3;
            if (x + 1 < width) {
                y = a[rowA + x + 1] & 0xFF;
                out[o] = CLAMP[y + red];
                out[o + 1] = CLAMP[y + green];
                out[o + 2] = CLAMP[y + blue];
                o += 3;
            }
        }
    }
}
