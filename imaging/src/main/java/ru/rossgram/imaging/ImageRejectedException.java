package ru.rossgram.imaging;

/**
 * The original is not a photo we can make thumbnails of. An expected outcome, not a bug: the upload is
 * refused with {@link #reason()}, which clients may switch on, and {@link #getMessage()}, which people read.
 */
public final class ImageRejectedException extends Exception {

    /** Why an original was refused. The names are stable: clients and stored records use them. */
    public enum Reason {
        /** Zero bytes. */
        EMPTY,
        /** More bytes than {@link ThumbnailSpec#maxSourceBytes()}. */
        TOO_LARGE,
        /** Not a JPEG, PNG or WebP by its bytes: text, PDF, GIF, BMP, TIFF, video, anything else. */
        NOT_AN_IMAGE,
        /** A HEIC, HEIF or AVIF photo: recognised, but not decoded here. The app should send JPEG instead. */
        UNSUPPORTED_FORMAT,
        /** Its header claims more pixels than {@link ThumbnailSpec#maxPixels()} (a decompression bomb, or simply too big). */
        TOO_MANY_PIXELS,
        /** A JPEG, PNG or WebP that is truncated or damaged, or one the codecs cannot read. */
        CORRUPT
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        // No stack trace of our own: a refusal is a result. A codec's failure stays readable as the cause.
        super(message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "ImageRejectedException[" + reason + "]: " + getMessage();
    }
}
