package ru.rossgram.imaging;

import static ru.rossgram.imaging.Bytes.hasAscii;
import static ru.rossgram.imaging.Bytes.u16be;
import static ru.rossgram.imaging.Bytes.u8;

import java.util.Arrays;

/** Walks a JPEG's marker segments up to its first scan: size, frame type and EXIF. */
final class JpegHeaderReader {
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;

    private JpegHeaderReader() {
    }

    /** @throws ImageRejectedException {@code CORRUPT} when the header is cut short or has no frame before its first scan */
    static OriginalHeader read(byte[] b) throws ImageRejectedException {
        byte[] exif = null;
        OriginalHeader.JpegFrame frame = null;
        int width = 0;
        int height = 0;
        int pos = 2; // after SOI
        while (true) {
            // Some writers leave junk between segments; libjpeg skips to the next 0xFF, and so do we.
            while (pos < b.length && u8(b, pos) != 0xFF) {
                pos++;
            }
            while (pos < b.length && u8(b, pos) == 0xFF) {
                pos++;
            }
            if (pos >= b.length) {
                throw Rejections.corrupt("The JPEG ends before its image data.");
            }
            int marker = u8(b, pos++);
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == EOI) {
                throw Rejections.corrupt("The JPEG has no image data.");
            }
            if (pos + 2 > b.length || u16be(b, pos) < 2 || pos + u16be(b, pos) > b.length) {
                throw Rejections.corrupt("The JPEG's header is cut short.");
            }
            int length = u16be(b, pos);
            int data = pos + 2;
            int dataLength = length - 2;
            if (marker == SOS) {
                if (frame == null) {
                    throw Rejections.corrupt("The JPEG has no frame header before its image data.");
                }
                if (width == 0 || height == 0) {
                    throw Rejections.corrupt("The JPEG's frame header gives no size.");
                }
                return new OriginalHeader(ImageFormat.JPEG, width, height, frame, exif, null);
            } else if (isStartOfFrame(marker) && frame == null) {
                int components = dataLength < 6 ? 0 : u8(b, data + 5);
                if (components == 0 || dataLength < 6 + 3 * components) {
                    throw Rejections.corrupt("The JPEG's frame header is cut short.");
                }
                int[] sampling = new int[components];
                for (int c = 0; c < components; c++) {
                    sampling[c] = u8(b, data + 7 + 3 * c);
                }
                frame = new OriginalHeader.JpegFrame(marker, u8(b, data), components, sampling);
                height = u16be(b, data + 1);
                width = u16be(b, data + 3);
            } else if (marker == APP1 && exif == null && hasAscii(b, data, "Exif\0\0")) {
                exif = Arrays.copyOfRange(b, data + 6, data + dataLength);
            }
            pos += length;
        }
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }
}
