package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads what opens gated posts for a reader ({@link Unlocks}) on its own: one consistent BatchGet, none if needless. */
@Singleton
public class UnlockReads {
    private final BatchReads batchReads;
    private final String table;

    public UnlockReads(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** What opens {@code posts} for {@code viewerId}: {@link Unlocks#NONE} without a request when nothing is gated. */
    public Unlocks of(String viewerId, List<Post> posts) {
        List<Map<String, AttributeValue>> keys = Unlocks.keys(viewerId, posts);
        if (keys.isEmpty()) {
            return Unlocks.NONE;
        }
        Unlocks.Collector collector = new Unlocks.Collector();
        batchReads.consistent(table, keys).forEach(collector::accept);
        return collector.unlocks();
    }
}
