package ru.rossgram.imaging;

import java.util.Arrays;

/** A growing JPEG byte buffer: marker segments written as they are, entropy-coded bits with 0xFF stuffing. */
final class JpegByteWriter {
    private byte[] bytes;
    private int length;
    private long bitBuffer;
    private int bitCount;

    JpegByteWriter(int capacity) {
        bytes = new byte[Math.max(capacity, 1024)];
    }

    void writeByte(int b) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, length * 2);
        }
        bytes[length++] = (byte) b;
    }

    void writeShort(int s) {
        writeByte(s >> 8);
        writeByte(s);
    }

    void writeBytes(int... values) {
        for (int v : values) {
            writeByte(v);
        }
    }

    /** Appends the low {@code size} bits of {@code code}, most significant first; size at most 16. */
    void writeBits(int code, int size) {
        bitBuffer = (bitBuffer << size) | code;
        bitCount += size;
        if (bitCount >= 32) { // a whole word at a time: one capacity check for up to eight bytes
            bitCount -= 32;
            int word = (int) (bitBuffer >>> bitCount);
            if (length + 8 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            for (int shift = 24; shift >= 0; shift -= 8) {
                byte b = (byte) (word >>> shift);
                bytes[length++] = b;
                if (b == (byte) 0xFF) {
                    bytes[length++] = 0; // stuffing: a coded 0xFF must not read as a marker
                }
            }
        }
    }

    /** Writes the bits still buffered, the last byte padded with one bits as T.81 requires. */
    void padBits() {
        int padding = (8 - bitCount % 8) % 8;
        bitBuffer = (bitBuffer << padding) | ((1 << padding) - 1);
        bitCount += padding;
        while (bitCount > 0) {
            bitCount -= 8;
            int b = (int) (bitBuffer >>> bitCount) & 0xFF;
            writeByte(b);
            if (b == 0xFF) {
                writeByte(0);
            }
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }
}
