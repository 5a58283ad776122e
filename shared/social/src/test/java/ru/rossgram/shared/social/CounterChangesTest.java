package ru.rossgram.shared.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CounterChangesTest {
    @Test
    void changesForOneUser_mergeIntoOneUpdate_soATransactionNeverTouchesAShardTwice() {
        CounterChanges changes = new CounterChanges()
                .add("masha", Counter.FOLLOWING, -1).add("ivan", Counter.FOLLOWERS, -1)
                .add("ivan", Counter.FOLLOWING, -1).add("masha", Counter.FOLLOWERS, -1);
        assertEquals(Map.of("masha", Map.of(Counter.FOLLOWING, -1L, Counter.FOLLOWERS, -1L),
                "ivan", Map.of(Counter.FOLLOWERS, -1L, Counter.FOLLOWING, -1L)), changes.byUser());
    }

    @Test
    void deltasThatCancel_leaveNoWrite() {
        CounterChanges changes = new CounterChanges().add("masha", Counter.POSTS, 1).add("masha", Counter.POSTS, -1)
                .add("ivan", Counter.FOLLOWERS, 2);
        assertEquals(Map.of("ivan", Map.of(Counter.FOLLOWERS, 2L)), changes.byUser());
    }

    @Test
    void counts_sumTheShards_absentAttributesAreZero_andTheTotalNeverShowsNegative() {
        Map<String, AttributeValue> one = Map.of("followers", AttributeValue.fromN("5"), "posts", AttributeValue.fromN("-1"));
        Map<String, AttributeValue> two = Map.of("followers", AttributeValue.fromN("-2"), "following", AttributeValue.fromN("3"));
        assertEquals(new Counts(3, 3, 0), ProfileCounters.sum(List.of(one, two)));
        assertEquals(Counts.ZERO, ProfileCounters.sum(List.of()));
    }

    @Test
    void shardKeys_nameEveryShardOfOneUser() {
        List<Map<String, AttributeValue>> keys = ProfileCounters.shardKeys("01JD3Z6Q0V8X2K4M6N8P0R2T4W");
        assertEquals(ProfileCounters.SHARDS, keys.size());
        assertEquals("COUNT#01JD3Z6Q0V8X2K4M6N8P0R2T4W#7", keys.get(7).get("pk").s());
        assertEquals("COUNTS", keys.get(0).get("sk").s());
    }
}
