package ru.rossgram.shared.imports.steps;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/** What the steps ask of the audience side: link the export's owner, keep the export's handle lists. */
public interface AudienceImport {

    /**
     * Links {@code handle} (the export's owner) to {@code userId}; linking an account to the name it holds already
     * is fine.
     *
     * @return why the name was not linked (another account holds it, a reserved creator name), or empty
     */
    Optional<String> link(String userId, String handle);

    /**
     * Stores a part of {@code userId}'s followers or following list from {@code startIndex} on, for about
     * {@code budget}. Idempotent per index: a retried step stores the same handles at the same places.
     *
     * @param handles the list's handles from {@code startIndex} on
     */
    HandlesStored store(String userId, boolean followers, Iterator<String> handles, long startIndex, Duration budget);

    /**
     * @param nextIndex where the next call starts
     * @param finished  the list ended
     * @param linked    false when the account holds no Instagram name, so no list is kept (move on)
     */
    record HandlesStored(long nextIndex, boolean finished, boolean linked) {
    }
}
