package ru.rossgram.shared.feeds;

import java.util.Arrays;
import java.util.Optional;

/** What a fan-out does to the followers' feeds. */
public enum FanOutAction {
    /** A post was published: put it into every follower's feed. */
    ADD("add"),
    /** A post was deleted: take it out again. */
    REMOVE("remove"),
    /**
     * The author has just passed the fan-out threshold: mark them a {@link Celebrities celebrity}, then note them
     * in every follower's {@link FeedContext}, so that readers merge their posts in from now on.
     */
    MARK("mark");

    private final String wire;

    FanOutAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<FanOutAction> fromWire(String value) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(value)).findFirst();
    }
}
