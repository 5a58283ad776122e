package ru.rossgram.shared.imports.posts;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * What an exported media file is, told by its first bytes and never by its name: Instagram's exports hold WebP photos
 * named {@code .jpg}, HEIC photos, and videos without an extension (research §4.6). The thumbnail pipeline sniffs
 * again and decides for itself; this only says what to send it and what to report as left out.
 */
enum PhotoType {
    JPEG("image/jpeg", null),
    PNG("image/png", null),
    WEBP("image/webp", null),
    /** HEIC/HEIF stills: no well-kept pure-Java decoder exists, and the thumbnail pipeline refuses them. */
    HEIC(null, "heic-unsupported"),
    /** MP4, QuickTime, 3GP and other ISO media files, WebM/Matroska, AVI. */
    VIDEO(null, "video"),
    OTHER(null, "unsupported-type");

    /** Bytes enough to tell every type here (a {@code ftyp} box's brands included). */
    static final int HEADER_BYTES = 64;

    /** HEIF brands of HEVC-coded stills and sequences and the generic image brands. AVIF is not HEIC: OTHER. */
    private static final Set<String> HEIF_BRANDS = Set.of(
            "heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "mif1", "msf1");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private final String contentType;
    private final String leftOutReason;

    PhotoType(String contentType, String leftOutReason) {
        this.contentType = contentType;
        this.leftOutReason = leftOutReason;
    }

    /** Whether Rossgram imports it (JPEG, PNG, WebP). */
    boolean importable() {
        return contentType != null;
    }

    /** The upload's content type; null unless {@link #importable()}. */
    String contentType() {
        return contentType;
    }

    /** Why the report leaves it out; null for an importable photo. */
    String leftOutReason() {
        return leftOutReason;
    }

    /** The type of a file that starts with {@code bytes} (its first {@link #HEADER_BYTES} suffice). */
    static PhotoType of(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
            return WEBP;
        }
        if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "AVI ")) {
            return VIDEO;
        }
        if (startsWith(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3)) { // EBML: WebM, Matroska
            return VIDEO;
        }
        if (ascii(bytes, 4, "ftyp") && bytes.length >= 12) {
            return isoMedia(bytes);
        }
        return OTHER;
    }

    /**
     * An ISO base media file: HEIF when its major brand, or failing that a compatible brand, is a HEIF image brand;
     * AVIF likewise; any other ({@code isom}, {@code mp42}, {@code qt  }, {@code 3gp5}, ...) is a video.
     */
    private static PhotoType isoMedia(byte[] bytes) {
        String major = text(bytes, 8, 4);
        if (HEIF_BRANDS.contains(major) && !hasBrand(bytes, AVIF_BRANDS)) {
            return HEIC;
        }
        if (AVIF_BRANDS.contains(major) || hasBrand(bytes, AVIF_BRANDS)) {
            return OTHER;
        }
        return hasBrand(bytes, HEIF_BRANDS) ? HEIC : VIDEO;
    }

    /** Whether the {@code ftyp} box lists one of {@code brands} among its compatible brands. */
    private static boolean hasBrand(byte[] bytes, Set<String> brands) {
        long boxSize = ((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        int end = (int) Math.min(bytes.length, Math.min(boxSize, HEADER_BYTES));
        for (int offset = 16; offset + 4 <= end; offset += 4) { // compatible brands follow the minor version
            if (brands.contains(text(bytes, offset, 4))) {
                return true;
            }
        }
        return false;
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
