package ru.rossgram.imaging;

/**
 * Reads a scan's entropy-coded bits: undoes the 0xFF 0x00 stuffing, stops at the next marker, and feeds zero bits
 * after it as libjpeg does. Unlike libjpeg, it remembers whether the decoder ever consumed those made-up bits: that
 * means the data ran out (a truncated or damaged file), which we refuse instead of publishing a grey half.
 */
final class JpegBitReader {
    private final byte[] data;
    private int position;
    /** The next bits, most significant first; read directly by {@link JpegScanDecoder#sequential}'s inner loop. */
    long buffer;
    int bits;
    private boolean atMarker;
    /** Zero bits fed after the data ended that are still in the buffer or were consumed. */
    private int padding;

    JpegBitReader(byte[] data, int position) {
        this.data = data;
        this.position = position;
    }

    /** Where reading stopped: at a marker, or after the last byte the buffer took. */
    int position() {
        return position;
    }

    /** Tops the buffer up to at least 57 bits. */
    void fill() {
        while (bits <= 56) {
            int next = 0;
            if (atMarker || position >= data.length) {
                atMarker = true;
                padding += 8;
            } else {
                next = data[position] & 0xFF;
                if (next != 0xFF) {
                    position++;
                } else {
                    int after = position + 1 < data.length ? data[position + 1] & 0xFF : -1;
                    if (after == 0) {
                        position += 2;
                    } else if (after == 0xFF) {
                        position++; // fill byte before a marker
                        continue;
                    } else {
                        atMarker = true; // stay on the marker
                        next = 0;
                        padding += 8;
                    }
                }
            }
            buffer |= (long) next << (56 - bits);
            bits += 8;
        }
    }

    /** The next LOOKAHEAD bits, with at least 32 bits buffered: room for a code and its coefficient bits. */
    int peekLookahead() {
        if (bits < 32) {
            fill();
        }
        return (int) (buffer >>> (64 - JpegHuffmanTable.LOOKAHEAD));
    }

    /** One Huffman-coded symbol. */
    int decode(JpegHuffmanTable table) throws ImageRejectedException {
        if (bits < 16) {
            fill();
        }
        int entry = table.lookup[(int) (buffer >>> (64 - JpegHuffmanTable.LOOKAHEAD))];
        if (entry != 0) {
            skip(entry >>> 8);
            return entry & 0xFF;
        }
        for (int length = JpegHuffmanTable.LOOKAHEAD + 1; length <= 16; length++) {
            int code = (int) (buffer >>> (64 - length));
            if (code <= table.maxCode[length]) {
                skip(length);
                return table.symbols[table.valueOffset[length] + code];
            }
        }
        throw Rejections.corrupt("The JPEG's data holds a code its Huffman table does not have.");
    }

    /** {@code count} (0 to 16) raw bits as an unsigned number. */
    int bits(int count) {
        if (count == 0) {
            return 0;
        }
        if (bits < count) {
            fill();
        }
        int value = (int) (buffer >>> (64 - count));
        skip(count);
        return value;
    }

    /** One raw bit: progressive refinement scans read them one at a time. */
    int bit() {
        if (bits == 0) {
            fill();
        }
        int value = (int) (buffer >>> 63);
        buffer <<= 1;
        bits--;
        return value;
    }

    /** {@code count} bits as JPEG's signed magnitude category: 0..2^(count-1)-1 stand for negative numbers. */
    int signed(int count) {
        if (count == 0) {
            return 0;
        }
        int value = bits(count);
        return value < 1 << (count - 1) ? value - (1 << count) + 1 : value;
    }

    void skip(int count) {
        buffer <<= count;
        bits -= count;
    }

    /** Whether the decoder has used bits past the end of the data: it was cut short or damaged. */
    boolean ranOut() {
        return padding > bits;
    }

    /**
     * Ends a restart interval: drops the bits left in the last byte, expects restart marker {@code number} (0-7)
     * next, and steps past it.
     *
     * @throws ImageRejectedException {@code CORRUPT} when the data ran out or the marker is missing or misnumbered
     */
    void restart(int number) throws ImageRejectedException {
        if (ranOut()) {
            throw truncated();
        }
        int marker = skipToMarker();
        if (marker != 0xD0 + number) {
            throw Rejections.corrupt("The JPEG's restart markers are missing or out of order.");
        }
        position += 2;
        buffer = 0;
        bits = 0;
        padding = 0;
        atMarker = false;
    }

    /**
     * Ends the scan: checks the data sufficed and returns the position of the marker that follows, after any stray
     * bytes (libjpeg warns of those and goes on, and so do we).
     */
    int finish() throws ImageRejectedException {
        if (ranOut()) {
            throw truncated();
        }
        skipToMarker();
        return position;
    }

    /** Moves to the next real marker (not a stuffed 0xFF 0x00) and returns its code, or -1 at the end of the data. */
    private int skipToMarker() {
        while (position + 1 < data.length) {
            if ((data[position] & 0xFF) == 0xFF) {
                int code = data[position + 1] & 0xFF;
                if (code != 0 && code != 0xFF) {
                    return code;
                }
                position += code == 0 ? 2 : 1;
            } else {
                position++;
            }
        }
        position = data.length;
        return -1;
    }

    static ImageRejectedException truncated() {
        return Rejections.corrupt("The JPEG is truncated or damaged (its image data ends too soon).");
    }
}
