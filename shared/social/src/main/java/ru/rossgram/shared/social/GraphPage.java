package ru.rossgram.shared.social;

import java.time.Instant;
import java.util.List;

/**
 * One page of accounts from the graph (followers, followed accounts, follow requests) as stored, before profiles
 * are attached.
 *
 * @param after the position the next page starts after (to be signed into a cursor); null on the last page
 */
record GraphPage(List<Entry> entries, String after) {
    GraphPage {
        entries = List.copyOf(entries);
    }

    /** @param since when the follow (or the request) was made */
    record Entry(String userId, Instant since) {
    }
}
