package ru.rossgram.shared.imports.steps;

import java.util.Objects;

/**
 * Where the next step of an import starts, as the import item stores it ({@code posts:120}, {@code followers:40000}):
 * the phase and the index of the first post or handle not yet done, in the export's order. No cursor means the
 * export has not been scanned yet.
 */
public record StepCursor(Phase phase, long index) {

    /** The phases, in the order an import goes through them. */
    public enum Phase {
        SCAN, POSTS, FOLLOWERS, FOLLOWING, FINISH;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final StepCursor SCAN = new StepCursor(Phase.SCAN, 0);

    public StepCursor {
        Objects.requireNonNull(phase, "phase");
        if (index < 0) {
            throw new IllegalArgumentException("a negative index");
        }
    }

    public static StepCursor at(Phase phase, long index) {
        return new StepCursor(phase, index);
    }

    /**
     * Reads a stored cursor.
     *
     * @throws IllegalArgumentException for text no step wrote (the item was edited by hand)
     */
    public static StepCursor parse(String stored) {
        if (stored == null) {
            return SCAN;
        }
        int colon = stored.indexOf(':');
        for (Phase phase : Phase.values()) {
            if (colon > 0 && phase.word().equals(stored.substring(0, colon))) {
                return new StepCursor(phase, Long.parseLong(stored.substring(colon + 1)));
            }
        }
        throw new IllegalArgumentException("not a step cursor: " + stored);
    }

    /** The text the import item stores; {@code null} for {@link #SCAN}. */
    public String stored() {
        return phase == Phase.SCAN ? null : phase.word() + ":" + index;
    }
}
