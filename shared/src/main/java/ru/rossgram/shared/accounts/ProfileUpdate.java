package ru.rossgram.shared.accounts;

/** Body of {@code PATCH /v1/me}: fields left out stay as they are. */
public record ProfileUpdate(String displayName, String bio) {
}
