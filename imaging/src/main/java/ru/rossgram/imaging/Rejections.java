package ru.rossgram.imaging;

import static ru.rossgram.imaging.ImageRejectedException.Reason.CORRUPT;

/** The refusals raised from more than one place, worded once. */
final class Rejections {
    private Rejections() {
    }

    static ImageRejectedException corrupt(String message) {
        return new ImageRejectedException(CORRUPT, message);
    }

    /** A codec failed on the original: it is damaged or in a variant no codec here reads. */
    static ImageRejectedException unreadable(ImageFormat format, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ImageRejectedException(CORRUPT,
                "The " + format + " image is damaged or cannot be read (" + detail + ").", cause);
    }
}
