package ru.rossgram.imaging;

import static ru.rossgram.imaging.Bytes.hasAscii;
import static ru.rossgram.imaging.Bytes.u32be;
import static ru.rossgram.imaging.Bytes.u8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads a PNG's IHDR and walks its chunks for the EXIF and ICC profile, without touching image data. */
final class PngHeaderReader {
    /** Real ICC profiles are well under a megabyte; a larger one is a zip bomb, not a profile. */
    private static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;
    private static final int COLOR_TYPE_GREY = 0;
    private static final int COLOR_TYPE_GREY_ALPHA = 4;

    private PngHeaderReader() {
    }

    /** @throws ImageRejectedException {@code CORRUPT} when IHDR is missing, short or gives no size */
    static OriginalHeader read(byte[] b) throws ImageRejectedException {
        if (b.length < 8 + 8 + 13 || u32be(b, 8) != 13 || !hasAscii(b, 12, "IHDR")) {
            throw Rejections.corrupt("The PNG has no valid header chunk.");
        }
        long width = u32be(b, 16);
        long height = u32be(b, 20);
        if (width < 1 || height < 1 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw Rejections.corrupt("The PNG's header gives an impossible size.");
        }
        int colorType = u8(b, 25);
        boolean grey = colorType == COLOR_TYPE_GREY || colorType == COLOR_TYPE_GREY_ALPHA;

        byte[] exif = null;
        byte[] icc = null;
        int pos = 8;
        // Chunks that run past the end are left for the decoder to refuse: this walk only looks for metadata.
        while (pos + 12 <= b.length) {
            long length = u32be(b, pos);
            if (length > b.length - pos - 12) {
                break;
            }
            int data = pos + 8;
            if (hasAscii(b, pos + 4, "eXIf") && exif == null) {
                exif = Arrays.copyOfRange(b, data, data + (int) length);
            } else if (hasAscii(b, pos + 4, "iCCP") && icc == null && !grey) {
                icc = inflatedProfile(b, data, (int) length);
            } else if (hasAscii(b, pos + 4, "IEND")) {
                break;
            }
            pos = data + (int) length + 4; // data, then CRC
        }
        return new OriginalHeader(ImageFormat.PNG, (int) width, (int) height, null, exif, icc);
    }

    /** iCCP: a name of up to 79 bytes, a NUL, the method (0 = zlib), then the compressed profile. Null if unusable. */
    private static byte[] inflatedProfile(byte[] b, int data, int length) {
        int nul = data;
        while (nul < data + Math.min(length, 80) && b[nul] != 0) {
            nul++;
        }
        int compressed = nul + 2;
        if (nul >= data + length || compressed > data + length || b[nul + 1] != 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(b, compressed, data + length - compressed);
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                profile.write(buffer, 0, n);
                if (profile.size() > MAX_PROFILE_BYTES) {
                    return null;
                }
            }
            return profile.toByteArray();
        } catch (DataFormatException e) {
            return null; // a broken profile is ignored, as browsers do
        } finally {
            inflater.end();
        }
    }
}
