package ru.rossgram.imaging;

/**
 * One Huffman table of a JPEG (a DHT entry), built for decoding: codes up to {@link #LOOKAHEAD} bits long are
 * found with one table lookup on the next bits, longer ones by the canonical-code limits per length.
 */
final class JpegHuffmanTable {
    /** Nearly every code in a photo, with its coefficient bits, fits in 11 bits; a 2048-entry table stays in L1. */
    static final int LOOKAHEAD = 11;

    /** {@code (length << 8) | symbol} for a code of at most LOOKAHEAD bits starting the index; 0 for longer codes. */
    final int[] lookup = new int[1 << LOOKAHEAD];
    /** The largest code of each length 1..16, or -1 when that length has none. */
    final int[] maxCode = new int[17];
    /** Added to a code of each length to find its symbol's index. */
    final int[] valueOffset = new int[17];
    final int[] symbols;
    /**
     * For an AC table: when the next LOOKAHEAD bits hold a whole code and the coefficient bits after it, that
     * coefficient's {@code (value << 8) | (run << 4) | bits used}; else 0. Most coefficients of a photo are small
     * and decode with this one lookup (stb_image's trick).
     */
    final int[] fastAc = new int[1 << LOOKAHEAD];

    /**
     * @param counts  how many codes have each length 1..16 ({@code counts[0]} unused)
     * @param symbols the symbols in code order
     * @throws ImageRejectedException {@code CORRUPT} when the counts describe more codes than fit their lengths
     */
    JpegHuffmanTable(int[] counts, int[] symbols) throws ImageRejectedException {
        this.symbols = symbols;
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++) {
            valueOffset[length] = index - code;
            for (int i = 0; i < counts[length]; i++, index++, code++) {
                if (code >= 1 << length) {
                    throw Rejections.corrupt("The JPEG has a Huffman table with more codes than its lengths allow.");
                }
                if (length <= LOOKAHEAD) {
                    int spread = LOOKAHEAD - length;
                    int first = code << spread;
                    for (int j = 0; j < 1 << spread; j++) {
                        lookup[first + j] = (length << 8) | symbols[index];
                    }
                }
            }
            maxCode[length] = counts[length] == 0 ? -1 : code - 1;
            code <<= 1;
        }
        for (int bits = 0; bits < lookup.length; bits++) {
            int entry = lookup[bits];
            int length = entry >>> 8;
            int run = (entry >> 4) & 15;
            int size = entry & 15;
            if (entry != 0 && size != 0 && length + size <= LOOKAHEAD) {
                int raw = (bits >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
                int value = raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
                fastAc[bits] = (value << 8) | (run << 4) | (length + size);
            }
        }
    }
}
