package ru.rossgram.imaging;

/**
 * JFIF YCbCr to RGB with libjpeg's fixed-point equations (R = Y + 1.402 Cr, G = Y - 0.34414 Cb - 0.71414 Cr,
 * B = Y + 1.772 Cb, chroma centred on 128), for a JPEG's working image once it has been resampled small.
 */
final class YccToRgb {
    private static final int[] CR_TO_R = new int[256];
    private static final int[] CB_TO_B = new int[256];
    /** Fixed point, 16 fractional bits. */
    private static final int[] CR_TO_G = new int[256];
    private static final int[] CB_TO_G = new int[256];
    /** {@code CLAMP[v + CLAMP_OFFSET]} is v limited to 0..255, for every v the equations can produce. */
    private static final int CLAMP_OFFSET = 320;
    private static final byte[] CLAMP = new byte[1024];

    static {
        for (int i = 0; i < CLAMP.length; i++) {
            CLAMP[i] = (byte) Math.max(0, Math.min(255, i - CLAMP_OFFSET));
        }
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_TO_R[i] = (int) Math.round(1.40200 * x) + CLAMP_OFFSET;
            CB_TO_B[i] = (int) Math.round(1.77200 * x) + CLAMP_OFFSET;
            CR_TO_G[i] = (int) Math.round(-0.71414 * 65536 * x);
            CB_TO_G[i] = (int) Math.round(-0.34414 * 65536 * x) + (1 << 15) + (CLAMP_OFFSET << 16);
        }
    }

    private YccToRgb() {
    }

    /** The same pixels as RGB, in the same (ICC) colour space. */
    static RgbImage convert(RgbImage ycc) {
        byte[] in = ycc.rgb();
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i += 3) {
            int y = in[i] & 0xFF;
            int cb = in[i + 1] & 0xFF;
            int cr = in[i + 2] & 0xFF;
            out[i] = CLAMP[y + CR_TO_R[cr]];
            out[i + 1] = CLAMP[y + ((CB_TO_G[cb] + CR_TO_G[cr]) >> 16)];
            out[i + 2] = CLAMP[y + CB_TO_B[cb]];
        }
        return new RgbImage(ycc.width(), ycc.height(), out, ycc.profile());
    }
}
