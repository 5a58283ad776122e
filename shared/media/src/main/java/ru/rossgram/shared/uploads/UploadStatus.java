package ru.rossgram.shared.uploads;

import java.util.Arrays;

/** Where an upload is in processing. Only {@code PENDING} moves, and only once, to one of the others. */
public enum UploadStatus {
    /** URL issued; the object may or may not have arrived; not processed yet. */
    PENDING("pending"),
    /** Processed: thumbnails exist and the {@link ru.rossgram.shared.media.PhotoRecord} is recorded. */
    READY("ready"),
    /** Processing refused the object (not a decodable image, too many pixels, ...). */
    REJECTED("rejected");

    private final String wire;

    UploadStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static UploadStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown upload status " + value));
    }
}
