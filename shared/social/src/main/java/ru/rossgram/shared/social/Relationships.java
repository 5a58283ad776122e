package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the {@link Relationship} between two accounts: edges and follow requests both ways, blocks both ways and
 * the viewer's mute, in one consistent BatchGet (with the other's counter shards, for a profile, in the same call).
 */
@Singleton
public class Relationships {
    private final BatchReads batchReads;
    private final String table;

    public Relationships(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** A profile's numbers and how the viewer stands with it. */
    public record WithCounts(Relationship relationship, Counts counts) {
    }

    public Relationship between(String viewerId, String otherId) {
        return relationship(viewerId, otherId, batchReads.consistent(table, keys(viewerId, otherId)));
    }

    /** {@link #between} and the other's counts, read together. */
    public WithCounts withCounts(String viewerId, String otherId) {
        return withCountsOf(viewerId, otherId, otherId);
    }

    /** {@link #between} and the counts of {@code countedId} (the viewer or the other), read together. */
    public WithCounts withCountsOf(String viewerId, String otherId, String countedId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(keys(viewerId, otherId));
        keys.addAll(ProfileCounters.shardKeys(countedId));
        List<Map<String, AttributeValue>> items = batchReads.consistent(table, keys);
        List<Map<String, AttributeValue>> shards = items.stream().filter(ProfileCounters::isShard).toList();
        return new WithCounts(relationship(viewerId, otherId, items), ProfileCounters.sum(shards));
    }

    private static List<Map<String, AttributeValue>> keys(String viewerId, String otherId) {
        return List.of(FollowRepository.edgeKey(viewerId, otherId), FollowRepository.edgeKey(otherId, viewerId),
                FollowRepository.requestKey(otherId, viewerId), FollowRepository.requestKey(viewerId, otherId),
                BlockRepository.blockKey(viewerId, otherId), BlockRepository.blockKey(otherId, viewerId),
                BlockRepository.muteKey(viewerId, otherId));
    }

    private static Relationship relationship(String viewerId, String otherId, List<Map<String, AttributeValue>> items) {
        var present = items.stream().map(i -> Map.of("pk", i.get("pk"), "sk", i.get("sk"))).toList();
        return new Relationship(
                present.contains(FollowRepository.edgeKey(viewerId, otherId)),
                present.contains(FollowRepository.edgeKey(otherId, viewerId)),
                present.contains(FollowRepository.requestKey(otherId, viewerId)),
                present.contains(FollowRepository.requestKey(viewerId, otherId)),
                present.contains(BlockRepository.blockKey(viewerId, otherId)),
                present.contains(BlockRepository.blockKey(otherId, viewerId)),
                present.contains(BlockRepository.muteKey(viewerId, otherId)));
    }
}
