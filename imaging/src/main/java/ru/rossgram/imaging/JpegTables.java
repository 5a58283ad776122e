package ru.rossgram.imaging;

import static ru.rossgram.imaging.Bytes.hasAscii;
import static ru.rossgram.imaging.Bytes.u16be;
import static ru.rossgram.imaging.Bytes.u8;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * What a JPEG's marker segments define for {@link DctJpegDecoder} before and between its scans: Huffman and
 * quantisation tables, the restart interval, and the JFIF, Adobe and ICC markers that decide its colours.
 */
final class JpegTables {
    private final int[][] quantisation = new int[4][];
    private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
    private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
    private final TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
    /** MCUs between restart markers; 0 for none. */
    int restartInterval;
    private boolean jfif;
    private int adobeTransform = -1;

    /** A DHT segment, {@code data[at..end)}: one or more tables. */
    void huffman(byte[] data, int at, int end) throws ImageRejectedException {
        while (at < end) {
            if (at + 17 > end) {
                throw Rejections.corrupt("The JPEG's Huffman table is cut short.");
            }
            int kind = u8(data, at) >> 4;
            int id = u8(data, at) & 15;
            int[] counts = new int[17];
            int total = 0;
            for (int length = 1; length <= 16; length++) {
                counts[length] = u8(data, at + length);
                total += counts[length];
            }
            if (kind > 1 || id > 3 || total > 256 || at + 17 + total > end) {
                throw Rejections.corrupt("The JPEG's Huffman table is malformed.");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = u8(data, at + 17 + i);
            }
            (kind == 0 ? dcTables : acTables)[id] = new JpegHuffmanTable(counts, symbols);
            at += 17 + total;
        }
    }

    /** A DQT segment: one or more tables, 8- or 16-bit, kept in zig-zag order. */
    void quantisation(byte[] data, int at, int end) throws ImageRejectedException {
        while (at < end) {
            int precision = u8(data, at) >> 4;
            int id = u8(data, at) & 15;
            int size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || at + 1 + size > end) {
                throw Rejections.corrupt("The JPEG's quantisation table is malformed.");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[k] = precision == 0 ? u8(data, at + 1 + k) : u16be(data, at + 1 + 2 * k);
            }
            quantisation[id] = table;
            at += 1 + size;
        }
    }

    void restartInterval(byte[] data, int at, int end) {
        restartInterval = end - at < 2 ? 0 : u16be(data, at);
    }

    void jfif(byte[] data, int at) {
        jfif |= hasAscii(data, at, "JFIF\0");
    }

    /** An APP2 segment: one chunk of an embedded ICC profile, numbered. */
    void iccChunk(byte[] data, int at, int end) {
        if (end - at > 14 && hasAscii(data, at, "ICC_PROFILE\0")) {
            iccChunks.put(u8(data, at + 12), Arrays.copyOfRange(data, at + 14, end));
        }
    }

    /** An APP14 segment: Adobe's colour transform flag. */
    void adobe(byte[] data, int at, int end) {
        if (end - at >= 12 && hasAscii(data, at, "Adobe")) {
            adobeTransform = u8(data, at + 11);
        }
    }

    /** The Huffman tables a scan names by id (the low two bits); null when never defined. */
    JpegHuffmanTable dc(int id) {
        return dcTables[id & 3];
    }

    JpegHuffmanTable ac(int id) {
        return acTables[id & 3];
    }

    /** The quantisation table {@code id} in zig-zag order; null when never defined. */
    int[] quantisation(int id) {
        return quantisation[id];
    }

    /** libjpeg's rule: JFIF means YCbCr; else Adobe's transform flag; else component ids 'R', 'G', 'B' mean RGB. */
    JpegRowWriter.Colour colour(JpegComponent[] components) {
        if (components.length == 1) {
            return JpegRowWriter.Colour.GREY;
        }
        if (jfif) {
            return JpegRowWriter.Colour.YCBCR;
        }
        if (adobeTransform >= 0) {
            return adobeTransform == 0 ? JpegRowWriter.Colour.RGB : JpegRowWriter.Colour.YCBCR;
        }
        boolean rgbIds = components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B';
        return rgbIds ? JpegRowWriter.Colour.RGB : JpegRowWriter.Colour.YCBCR;
    }

    /** The embedded RGB profile the renditions are converted from, or null (sRGB). */
    ICC_Profile profile(int componentCount) {
        if (componentCount != 3 || iccChunks.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        iccChunks.values().forEach(joined::writeBytes);
        try {
            ICC_Profile profile = ICC_Profile.getInstance(joined.toByteArray());
            return profile.getColorSpaceType() == ColorSpace.TYPE_RGB && profile.getNumComponents() == 3 ? profile : null;
        } catch (IllegalArgumentException e) {
            return null; // an unusable profile is ignored, as browsers and the JDK's reader do
        }
    }
}
