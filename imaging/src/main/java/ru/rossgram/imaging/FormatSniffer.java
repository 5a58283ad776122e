package ru.rossgram.imaging;

import static ru.rossgram.imaging.ImageRejectedException.Reason.EMPTY;
import static ru.rossgram.imaging.ImageRejectedException.Reason.NOT_AN_IMAGE;
import static ru.rossgram.imaging.ImageRejectedException.Reason.UNSUPPORTED_FORMAT;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Tells what an original really is from its first bytes (magic numbers), whatever it was called or declared as. */
final class FormatSniffer {
    /** ISO-BMFF brands of HEIF stills and sequences (HEVC-coded, generic) and AVIF. */
    private static final Set<String> HEIF_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1", "avif", "avis");

    private FormatSniffer() {
    }

    /**
     * @throws ImageRejectedException {@code EMPTY} for no bytes; {@code UNSUPPORTED_FORMAT} for HEIC/HEIF/AVIF;
     *         {@code NOT_AN_IMAGE} for anything else that is not JPEG, PNG or WebP
     */
    static ImageFormat sniff(byte[] bytes) throws ImageRejectedException {
        if (bytes.length == 0) {
            throw new ImageRejectedException(EMPTY, "The file is empty.");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageFormat.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageFormat.PNG;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return ImageFormat.WEBP;
        }
        if (isHeif(bytes)) {
            throw new ImageRejectedException(UNSUPPORTED_FORMAT,
                    "HEIC/HEIF/AVIF photos are not accepted: convert the photo to JPEG on the device and upload that.");
        }
        throw new ImageRejectedException(NOT_AN_IMAGE,
                "Not a JPEG, PNG or WebP image" + describe(bytes) + ".");
    }

    /** An ISO-BMFF file whose {@code ftyp} box names a HEIF or AVIF brand, as major or compatible brand. */
    private static boolean isHeif(byte[] bytes) {
        if (!ascii(bytes, 4, "ftyp") || bytes.length < 12) {
            return false;
        }
        if (HEIF_BRANDS.contains(text(bytes, 8, 4))) {
            return true;
        }
        long boxSize = Bytes.u32be(bytes, 0);
        int end = (int) Math.min(bytes.length, Math.min(boxSize, 4096));
        for (int offset = 16; offset + 4 <= end; offset += 4) { // compatible brands follow the minor version
            if (HEIF_BRANDS.contains(text(bytes, offset, 4))) {
                return true;
            }
        }
        return false;
    }

    /** A few common lookalikes, named only to make the message useful. */
    private static String describe(byte[] bytes) {
        if (ascii(bytes, 0, "GIF8")) {
            return " (it is a GIF)";
        }
        if (ascii(bytes, 0, "%PDF")) {
            return " (it is a PDF)";
        }
        if (ascii(bytes, 0, "BM")) {
            return " (it looks like a BMP)";
        }
        if (ascii(bytes, 0, "II*\0") || ascii(bytes, 0, "MM\0*")) {
            return " (it is a TIFF)";
        }
        if (ascii(bytes, 4, "ftyp")) {
            return " (it is a video or another ISO media file)";
        }
        return "";
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int offset, String expected) {
        return bytes.length >= offset + expected.length() && text(bytes, offset, expected.length()).equals(expected);
    }

    private static String text(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
}
