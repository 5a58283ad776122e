package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return viewerId.equals(authorId) || !whoCanSee(authorId, List.of(viewerId), authorId).isEmpty();
    }

    /**
     * Those of {@code viewerIds} (in their order) who may see {@code authorId}'s posts and, besides, stand with
     * {@code actorId} under no block either way: whom an @mention by {@code actorId} on the author's post may
     * reach. One consistent BatchGet (a request per 100 keys: 5 keys a viewer).
     *
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} as {@link #canSee}
     */
    public List<String> whoCanSee(String authorId, Collection<String> viewerIds, String actorId) {
        Set<Map<String, AttributeValue>> keys = new LinkedHashSet<>();
        keys.add(AccountRepository.profileKey(authorId));
        for (String viewer : viewerIds) {
            keys.addAll(blocksBothWays(viewer, authorId));
            keys.addAll(blocksBothWays(viewer, actorId));
            keys.add(FollowRepository.edgeKey(viewer, authorId));
        }
        boolean privateAccount = false;
        Set<Map<String, AttributeValue>> present = new HashSet<>();
        // Whole items, no projection: a profile is well under the 4 KB a consistent read unit covers, so it costs
        // the same, and the one batch-read path stays one.
        for (Map<String, AttributeValue> item : batchReads.consistent(table, new ArrayList<>(keys))) {
            if (AccountRepository.isProfile(item)) {
                privateAccount = AccountRepository.isPrivate(item);
            }
            present.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
        }
        List<String> reached = new ArrayList<>();
        for (String viewer : viewerIds) {
            boolean blocked = blocksBothWays(viewer, authorId).stream().anyMatch(present::contains)
                    || blocksBothWays(viewer, actorId).stream().anyMatch(present::contains);
            boolean follows = viewer.equals(authorId) || present.contains(FollowRepository.edgeKey(viewer, authorId));
            if (!blocked && (!privateAccount || follows)) {
                reached.add(viewer);
            }
        }
        return reached;
    }

    private static List<Map<String, AttributeValue>> blocksBothWays(String one, String other) {
        return one.equals(other) ? List.of()
                : List.of(BlockRepository.blockKey(one, other), BlockRepository.blockKey(other, one));
    }
}
