package ru.rossgram.imaging;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Listens to a reader's warnings for signs of damaged data. libjpeg does not fail on a truncated or garbled
 * file: it warns, fills the rest with grey, and returns. We refuse such files instead of publishing half a photo.
 * Harmless warnings (padding between segments, an unusable ICC profile, an odd JFIF version) are ignored.
 */
final class CorruptDataWarnings implements IIOReadWarningListener {
    private String first;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        if (first == null && isDamage(warning)) {
            first = warning;
        }
    }

    /** @throws ImageRejectedException {@code CORRUPT} if a warning said the data is damaged */
    void throwIfDamaged(ImageFormat format) throws ImageRejectedException {
        if (first != null) {
            throw Rejections.corrupt("The " + format + " image is truncated or damaged (" + first + ").");
        }
    }

    boolean sawDamage() {
        return first != null;
    }

    /** libjpeg's JWRN_JPEG_EOF and the "Corrupt JPEG data" family, except the benign extraneous-bytes one. */
    static boolean isDamage(String warning) {
        if (warning == null) {
            return false;
        }
        if (warning.startsWith("Premature end of JPEG file")) {
            return true;
        }
        return warning.startsWith("Corrupt JPEG data") && !warning.contains("extraneous bytes");
    }
}
