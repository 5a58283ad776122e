package ru.rossgram.shared.social;

/** A profile's numbers: never negative. */
public record Counts(long followers, long following, long posts) {
    public static final Counts ZERO = new Counts(0, 0, 0);
}
