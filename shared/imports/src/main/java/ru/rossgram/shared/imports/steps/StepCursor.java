package ru.rossgram.shared.imports.steps;

import java.util.Objects;

/**
 * Where the next step of an import starts, as the import item stores it ({@code posts:120}, {@code followers:40000},
 * {@code followers:600000:1:140000}): the phase and the index of the first post or handle not yet done, in the
 * export's order, and for a handle list split over files ({@code followers_1.json}, {@code followers_2.json}, ...) the
 * file it is in and its place there, so a step opens that file and skips within it only, never the files before it
 * (a 23.3M-follower list is dozens of files; skipping from the list's start made each step slower than the last).
 * No cursor means the export has not been scanned yet.
 *
 * @param index  posts or handles done, counted from the phase's start (the handle lists' items are keyed by it)
 * @param file   for the handle phases, which of the list's files holds the next handle
 * @param inFile the next handle's place within that file
 */
public record StepCursor(Phase phase, long index, int file, long inFile) {

    /** The phases, in the order an import goes through them. */
    public enum Phase {
        SCAN, POSTS, FOLLOWERS, FOLLOWING, FINISH;

        String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final StepCursor SCAN = at(Phase.SCAN, 0);

    public StepCursor {
        Objects.requireNonNull(phase, "phase");
        if (index < 0 || file < 0 || inFile < 0 || inFile > index) {
            throw new IllegalArgumentException("not a place in an export: " + index + ", file " + file + " at " + inFile);
        }
    }

    /** The {@code index}th post or handle of a phase whose items are in one file (or the phase's first file). */
    public static StepCursor at(Phase phase, long index) {
        return new StepCursor(phase, index, 0, index);
    }

    /** The {@code index}th handle of a list, the {@code inFile}th of its file number {@code file}. */
    public static StepCursor inList(Phase phase, long index, int file, long inFile) {
        return new StepCursor(phase, index, file, inFile);
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
                String[] place = stored.substring(colon + 1).split(":", -1);
                long index = Long.parseLong(place[0]);
                if (place.length == 1) {
                    return at(phase, index);
                }
                if (place.length == 3) {
                    return inList(phase, index, Integer.parseInt(place[1]), Long.parseLong(place[2]));
                }
            }
        }
        throw new IllegalArgumentException("not a step cursor: " + stored);
    }

    /** The text the import item stores; {@code null} for {@link #SCAN}. */
    public String stored() {
        if (phase == Phase.SCAN) {
            return null;
        }
        String place = file == 0 && inFile == index ? "" : ":" + file + ":" + inFile;
        return phase.word() + ":" + index + place;
    }
}
