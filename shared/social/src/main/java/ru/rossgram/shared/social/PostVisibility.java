package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        List<Map<String, AttributeValue>> keys = List.of(AccountRepository.profileKey(authorId),
                BlockRepository.blockKey(authorId, viewerId), BlockRepository.blockKey(viewerId, authorId),
                FollowRepository.edgeKey(viewerId, authorId));
        boolean privateAccount = false;
        boolean blocked = false;
        boolean follows = false;
        // Whole items, no projection: a profile is well under the 4 KB a consistent read unit covers, so it costs
        // the same, and the one batch-read path stays one.
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (AccountRepository.isProfile(item)) {
                privateAccount = AccountRepository.isPrivate(item);
            } else if (BlockRepository.isBlock(item)) {
                blocked = true;
            } else if (FollowRepository.isFollowEdge(item)) {
                follows = true;
            }
        }
        return !blocked && (!privateAccount || follows);
    }
}
