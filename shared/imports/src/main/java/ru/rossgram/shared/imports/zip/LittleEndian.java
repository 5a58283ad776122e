package ru.rossgram.shared.imports.zip;

/** ZIP's little-endian integers, read from a byte array. */
final class LittleEndian {

    private LittleEndian() {
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    /** An unsigned 64-bit field; values past {@code Long.MAX_VALUE} come out negative and are refused by callers. */
    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
