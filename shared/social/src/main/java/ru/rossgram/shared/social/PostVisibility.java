package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.List;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;

/**
 * Whether one account may see another's posts (and so like and comment on them): not if either blocks the
 * other; for a private account, only its followers; always its owner. One BatchGet, consistent reads.
 */
@Singleton
public class PostVisibility {
    private final BatchReads batchReads;
    private final String table;

    public PostVisibility(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /**
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} when the table leaves keys unread past
     *         every retry: a partial read could show a private or blocked account's posts
     */
    public boolean canSee(String viewerId, String authorId) {
        if (viewerId.equals(authorId)) {
            return true;
        }
        // Whole items, no projection: a profile is well under the 4 KB a consistent read unit covers, so it costs
        // the same, and the one batch-read path stays one.
        AuthorVisibility.Collector collector = new AuthorVisibility.Collector(viewerId);
        batchReads.consistent(table, AuthorVisibility.keys(viewerId, List.of(authorId))).forEach(collector::accept);
        return collector.canSee(authorId);
    }
}
