package ru.rossgram.shared.social;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a follow ended: following at once, or waiting for a private account to approve. */
public enum FollowState {
    FOLLOWING("following"),
    REQUESTED("requested");

    private final String wire;

    FollowState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
