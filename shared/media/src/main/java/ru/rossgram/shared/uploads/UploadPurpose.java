package ru.rossgram.shared.uploads;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an upload is for; it decides where the object goes and what may use it. A {@code paid-post} photo is a
 * post photo whose renditions are kept apart from the public ones (never under a CDN's prefix) and get a blurred
 * preview, because only buyers may see it: a paid post takes only such uploads.
 */
public enum UploadPurpose {
    POST("post"),
    PAID_POST("paid-post"),
    AVATAR("avatar");

    private final String wire;

    UploadPurpose(String wire) {
        this.wire = wire;
    }

    /** Whether the upload is a post's photo (paid or not). */
    public boolean forPost() {
        return this != AVATAR;
    }

    /** The name in requests and in storage. */
    public String wire() {
        return wire;
    }

    public static Optional<UploadPurpose> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
