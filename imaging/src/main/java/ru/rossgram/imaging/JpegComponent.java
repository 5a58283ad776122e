package ru.rossgram.imaging;

/**
 * One colour component of a JPEG frame and what decoding it needs: its sampling, the size its blocks decode to,
 * where each coefficient goes, and the buffers for one row of its blocks (and for a progressive image, all its
 * coefficients).
 */
final class JpegComponent {
    /** Zig-zag order: {@code NATURAL[k]} is the row-major position of the k-th coefficient in the file. */
    static final int[] NATURAL = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60,
        61, 54, 47, 55, 62, 63};

    final int id;
    final int horizontal;
    final int vertical;
    final int quantTable;

    /** Pixels across (and down) one decoded block: 8, 4, 2 or 1. */
    int blockSize;
    /** log2 of how many output pixels share one of this component's samples, across and down. */
    int upsampleShiftX;
    int upsampleShiftY;
    /** For the k-th coefficient in zig-zag order, its index in a {@code blockSize x blockSize} block, or -1. */
    final int[] keptIndex = new int[64];
    /** The quantisation table, zig-zag order, latched when the component's first scan starts. */
    int[] quantisation;

    /** Blocks per row and column, padded to whole MCUs, as interleaved scans and the output see them. */
    int blocksAcross;
    int blocksDown;
    /** Blocks a scan of this component alone covers: only those with pixels in the image. */
    int scanBlocksAcross;
    int scanBlocksDown;

    /** Decoded pixels of one row of MCUs: {@code vertical} block rows. */
    byte[] rows;
    int rowStride;

    /** Every block's kept coefficients, not dequantised, when the image must be whole before output. */
    short[] coefficients;
    /** Per block, a bit for each zig-zag position whose coefficient is non-zero: progressive refinement needs it. */
    long[] nonZero;

    JpegHuffmanTable dcTable;
    JpegHuffmanTable acTable;
    int dcPredictor;

    JpegComponent(int id, int horizontal, int vertical, int quantTable) {
        this.id = id;
        this.horizontal = horizontal;
        this.vertical = vertical;
        this.quantTable = quantTable;
    }

    /**
     * Sizes the component for a decode at {@code 1/scale}.
     *
     * @param maxH     the frame's largest horizontal sampling factor
     * @param mcusAcross MCUs per row
     */
    void layout(int scale, int maxH, int maxV, int mcusAcross, int mcusDown, int width, int height) {
        // Subsampled chroma decodes at the same scale as luma and is repeated across the pixels it covers. libjpeg
        // decodes it at a larger size instead; that costs a full 8x8 transform per chroma block for detail that the
        // renditions, themselves 4:2:0 and smaller still, would throw away.
        blockSize = 8 / scale;
        upsampleShiftX = Integer.numberOfTrailingZeros(maxH / horizontal);
        upsampleShiftY = Integer.numberOfTrailingZeros(maxV / vertical);
        for (int k = 0; k < 64; k++) {
            int row = NATURAL[k] >> 3;
            int column = NATURAL[k] & 7;
            keptIndex[k] = row < blockSize && column < blockSize ? row * blockSize + column : -1;
        }
        blocksAcross = mcusAcross * horizontal;
        blocksDown = mcusDown * vertical;
        scanBlocksAcross = ceilDiv(ceilDiv(width * horizontal, maxH), 8);
        scanBlocksDown = ceilDiv(ceilDiv(height * vertical, maxV), 8);
        rowStride = blocksAcross * blockSize;
        rows = new byte[rowStride * vertical * blockSize];
    }

    /** Bytes {@link #store} would take for this component's coefficients. */
    long storedBytes() {
        return (long) blocksAcross * blocksDown * (blockSize * blockSize * 2L + 8);
    }

    /** Keeps every block's coefficients, for images whose scans must all arrive before any output. */
    void store() {
        coefficients = new short[blocksAcross * blocksDown * blockSize * blockSize];
        nonZero = new long[blocksAcross * blocksDown];
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
