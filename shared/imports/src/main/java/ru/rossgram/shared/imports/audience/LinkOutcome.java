package ru.rossgram.shared.imports.audience;

/**
 * What linking an Instagram name to an account did.
 *
 * @param handle the lowercase Instagram name asked for
 * @param reason why a {@link Status#CONFLICT} was refused, in words the import report shows; null otherwise
 */
public record LinkOutcome(Status status, String handle, String reason) {

    public enum Status {
        /** The account now holds the name. */
        LINKED,
        /** The account held the name already (a repeated import, or a step run again). */
        ALREADY_LINKED,
        /** Refused: another account holds the name, it is a creator's reserved name, or this account holds another. */
        CONFLICT
    }

    /** Whether the account holds the name after the call (its lists may be stored). */
    public boolean linked() {
        return status != Status.CONFLICT;
    }

    static LinkOutcome linked(String handle) {
        return new LinkOutcome(Status.LINKED, handle, null);
    }

    static LinkOutcome alreadyLinked(String handle) {
        return new LinkOutcome(Status.ALREADY_LINKED, handle, null);
    }

    static LinkOutcome conflict(String handle, String reason) {
        return new LinkOutcome(Status.CONFLICT, handle, reason);
    }
}
