package ru.rossgram.shared.saved;

/** The answer to a save or an unsave: whether the caller has the post saved now. */
public record SaveState(boolean saved) {
}
