package ru.rossgram.shared.posts;

import java.util.Arrays;

/** A post is processing until every photo's thumbnails exist, then published; one refused photo fails it. */
public enum PostStatus {
    PROCESSING("processing"),
    PUBLISHED("published"),
    FAILED("failed");

    private final String wire;

    PostStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static PostStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown post status " + value));
    }
}
