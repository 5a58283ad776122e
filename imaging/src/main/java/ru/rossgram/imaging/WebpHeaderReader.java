package ru.rossgram.imaging;

import static ru.rossgram.imaging.Bytes.hasAscii;
import static ru.rossgram.imaging.Bytes.u16le;
import static ru.rossgram.imaging.Bytes.u24le;
import static ru.rossgram.imaging.Bytes.u32le;
import static ru.rossgram.imaging.Bytes.u8;
import static ru.rossgram.imaging.ImageRejectedException.Reason.NOT_AN_IMAGE;

import java.util.Arrays;

/** Reads a WebP's size from its first chunk and walks its RIFF chunks for the EXIF. */
final class WebpHeaderReader {
    private static final int VP8X_ANIMATION = 0x02;

    private WebpHeaderReader() {
    }

    /**
     * @throws ImageRejectedException {@code CORRUPT} when the first chunk is missing or malformed;
     *         {@code NOT_AN_IMAGE} for an animation
     */
    static OriginalHeader read(byte[] b) throws ImageRejectedException {
        if (b.length < 30) {
            throw Rejections.corrupt("The WebP is too short to hold an image.");
        }
        int data = 20;
        int width;
        int height;
        if (hasAscii(b, 12, "VP8 ")) {
            // Lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height.
            if (u8(b, data + 3) != 0x9D || u8(b, data + 4) != 0x01 || u8(b, data + 5) != 0x2A) {
                throw Rejections.corrupt("The WebP's lossy frame header is damaged.");
            }
            width = u16le(b, data + 6) & 0x3FFF;
            height = u16le(b, data + 8) & 0x3FFF;
        } else if (hasAscii(b, 12, "VP8L")) {
            // Lossless: the signature 0x2f, then 14-bit width-1 and height-1.
            if (u8(b, data) != 0x2F) {
                throw Rejections.corrupt("The WebP's lossless header is damaged.");
            }
            long bits = u32le(b, data + 1);
            width = (int) (bits & 0x3FFF) + 1;
            height = (int) ((bits >> 14) & 0x3FFF) + 1;
        } else if (hasAscii(b, 12, "VP8X")) {
            if ((u8(b, data) & VP8X_ANIMATION) != 0) {
                throw new ImageRejectedException(NOT_AN_IMAGE, "Animated WebP is not accepted: upload a still photo.");
            }
            width = u24le(b, data + 4) + 1;
            height = u24le(b, data + 7) + 1;
        } else {
            throw Rejections.corrupt("The WebP has no image chunk.");
        }
        if (width < 1 || height < 1) {
            throw Rejections.corrupt("The WebP's header gives no size.");
        }

        byte[] exif = null;
        int pos = 12;
        while (pos + 8 <= b.length) {
            long length = u32le(b, pos + 4);
            if (length > b.length - pos - 8) {
                break; // cut short: the decoder will say so
            }
            int start = pos + 8;
            if (hasAscii(b, pos, "EXIF") && exif == null) {
                // Some writers keep JPEG's "Exif\0\0" preamble in front of the TIFF block.
                int skip = hasAscii(b, start, "Exif\0\0") ? 6 : 0;
                exif = Arrays.copyOfRange(b, start + skip, start + (int) length);
            }
            pos = start + (int) length + (int) (length & 1); // chunks are padded to even lengths
        }
        return new OriginalHeader(ImageFormat.WEBP, width, height, null, exif, null);
    }
}
