package ru.rossgram.imaging;

/**
 * What an original's container says before any pixel is decoded.
 *
 * @param format     what its bytes say it is
 * @param width      stored width, before orientation
 * @param height     stored height, before orientation
 * @param jpegFrame  for JPEG, which decoder suits it; null for other formats
 * @param exif       the raw EXIF (TIFF) block, or null
 * @param iccProfile the raw embedded ICC profile where our code must apply it (PNG: the JDK's reader ignores
 *                   iCCP), else null: the JPEG and WebP readers apply their own
 */
record OriginalHeader(ImageFormat format, int width, int height, JpegFrame jpegFrame, byte[] exif, byte[] iccProfile) {

    long pixels() {
        return (long) width * height;
    }

    /**
     * The JPEG start-of-frame facts that decide the decoder.
     *
     * @param marker     the SOF marker's second byte: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...
     * @param precision  bits per sample
     * @param components 1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK
     * @param sampling   each component's sampling factors, horizontal in the high nibble (0x22 for 4:2:0 luma)
     */
    record JpegFrame(int marker, int precision, int components, int[] sampling) {

        /** Plain 8-bit Huffman-coded grey or colour: what the JDK's native reader streams row by row. */
        boolean isPlainHuffman8Bit() {
            boolean huffman = marker == 0xC0 || marker == 0xC1 || marker == 0xC2;
            return huffman && precision == 8 && (components == 1 || components == 3);
        }

        boolean isProgressive() {
            return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        }

        /**
         * What libjpeg allocates, outside the Java heap, to hold every DCT coefficient of a progressive image
         * while its scans arrive: 64 two-byte coefficients per 8x8 block of every component.
         */
        long coefficientBytes(int width, int height) {
            int maxH = 1;
            int maxV = 1;
            for (int factors : sampling) {
                maxH = Math.max(maxH, factors >> 4);
                maxV = Math.max(maxV, factors & 0xF);
            }
            long bytes = 0;
            for (int factors : sampling) {
                long blocksAcross = ceilDiv(ceilDiv(width * (long) Math.max(1, factors >> 4), maxH), 8);
                long blocksDown = ceilDiv(ceilDiv(height * (long) Math.max(1, factors & 0xF), maxV), 8);
                bytes += blocksAcross * blocksDown * 128;
            }
            return bytes;
        }

        private static long ceilDiv(long a, long b) {
            return (a + b - 1) / b;
        }
    }
}
