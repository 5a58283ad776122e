package ru.rossgram.imaging;

import java.nio.charset.StandardCharsets;

/** Reading numbers and tags out of container headers held in a byte array. Callers check bounds first. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16be(byte[] b, int at) {
        return (u8(b, at) << 8) | u8(b, at + 1);
    }

    static long u32be(byte[] b, int at) {
        return ((long) u16be(b, at) << 16) | u16be(b, at + 2);
    }

    static int u16le(byte[] b, int at) {
        return u8(b, at) | (u8(b, at + 1) << 8);
    }

    static int u24le(byte[] b, int at) {
        return u16le(b, at) | (u8(b, at + 2) << 16);
    }

    static long u32le(byte[] b, int at) {
        return u24le(b, at) | ((long) u8(b, at + 3) << 24);
    }

    /** Whether {@code b} holds exactly {@code tag} (ASCII) at {@code at}; false when it is too short. */
    static boolean hasAscii(byte[] b, int at, String tag) {
        if (at < 0 || b.length < at + tag.length()) {
            return false;
        }
        return new String(b, at, tag.length(), StandardCharsets.ISO_8859_1).equals(tag);
    }
}
