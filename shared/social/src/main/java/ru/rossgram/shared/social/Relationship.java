package ru.rossgram.shared.social;

/**
 * What the graph says between a viewer and another account, from the viewer's side.
 *
 * @param following   the viewer follows the other
 * @param followedBy  the other follows the viewer
 * @param requested   the viewer asked to follow the other (a private account) and is waiting
 * @param requestedBy the other asked to follow the viewer and is waiting
 * @param blocking    the viewer blocks the other
 * @param blockedBy   the other blocks the viewer
 * @param muting      the viewer mutes the other
 */
public record Relationship(boolean following, boolean followedBy, boolean requested, boolean requestedBy,
                           boolean blocking, boolean blockedBy, boolean muting) {

    public boolean blockedEitherWay() {
        return blocking || blockedBy;
    }
}
