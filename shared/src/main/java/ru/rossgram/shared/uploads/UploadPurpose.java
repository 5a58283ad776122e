package ru.rossgram.shared.uploads;

import java.util.Arrays;
import java.util.Optional;

/** What an upload is for; it decides where the object goes and what may use it. */
public enum UploadPurpose {
    POST("post"),
    AVATAR("avatar");

    private final String wire;

    UploadPurpose(String wire) {
        this.wire = wire;
    }

    /** The name in requests and in storage. */
    public String wire() {
        return wire;
    }

    public static Optional<UploadPurpose> fromWire(String value) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(value)).findFirst();
    }
}
