package ru.rossgram.shared.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;

class UnlocksTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final String AUTHOR = "01JD0AUTHOR000000000000000";
    private static final String READER = "01JD0READER000000000000000";
    private static final CreatorTiers TIERS = new CreatorTiers(AUTHOR, List.of(tier("bronze", 1, Tier.State.ACTIVE),
            tier("silver", 2, Tier.State.HIDDEN), tier("gold", 3, Tier.State.ACTIVE), tier("old", 2, Tier.State.ARCHIVED)), 5);

    @Test
    void aPostForRankTwo_opensToSubscribersOfRankTwoAndAbove_only() {
        Post post = post(null, 2);
        assertFalse(subscribedTo("bronze", NOW.plus(Duration.ofDays(3))).opens(post, READER, NOW));
        assertTrue(subscribedTo("silver", NOW.plus(Duration.ofDays(3))).opens(post, READER, NOW));
        assertTrue(subscribedTo("gold", NOW.plus(Duration.ofDays(3))).opens(post, READER, NOW));
        assertTrue(subscribedTo("old", NOW.plus(Duration.ofDays(3))).opens(post, READER, NOW), "an archived tier keeps its rank");
        assertFalse(Unlocks.NONE.opens(post, READER, NOW));
        assertTrue(Unlocks.NONE.opens(post, AUTHOR, NOW), "the author");
    }

    @Test
    void access_endsAtAccessUntil_andWithATierTheCreatorNoLongerHas() {
        Post post = post(null, 1);
        assertFalse(subscribedTo("gold", NOW).opens(post, READER, NOW));
        assertTrue(subscribedTo("gold", NOW.plusSeconds(1)).opens(post, READER, NOW));
        assertFalse(subscribedTo("deleted", NOW.plus(Duration.ofDays(3))).opens(post, READER, NOW));
    }

    @Test
    void aPostBothForSaleAndForSubscribers_opensToItsBuyers_too() {
        Post post = post(Money.rub(19_900), 3);
        Unlocks bought = new Unlocks(Set.of(post.postId()), Map.of(), Map.of());
        assertTrue(bought.opens(post, READER, NOW));
        assertFalse(subscribedTo("silver", NOW.plus(Duration.ofDays(1))).opens(post, READER, NOW));
        // A purchase opens only a post for sale: a grant for a subscriber-only post (none can be made) would not.
        assertFalse(bought.opens(post(null, 3), READER, NOW));
    }

    @Test
    void keys_askAGrantForSale_andAccessAndTiersForSubscribers_eachOnce() {
        List<Post> posts = List.of(post(Money.rub(100), null), post(null, 2), post(null, 3));
        var keys = Unlocks.keys(READER, posts);
        assertEquals(3, keys.size(), keys.toString()); // the grant, the access, the tiers (asked once for two posts)
        assertTrue(keys.contains(TierRepository.key(AUTHOR)));
        assertTrue(keys.contains(SubscriptionAccess.key(READER, AUTHOR)));
        assertTrue(Unlocks.keys(AUTHOR, posts).isEmpty(), "the author needs nothing read");
    }

    private static Unlocks subscribedTo(String tierId, Instant until) {
        return new Unlocks(Set.of(), Map.of(AUTHOR, new SubscriptionAccess.Access(READER, AUTHOR, tierId, until)),
                Map.of(AUTHOR, TIERS));
    }

    private static int sequence;

    private static Post post(Money price, Integer minTierRank) {
        String id = String.format("01JD0POST%017d", ++sequence);
        return new Post(id, AUTHOR, "", List.of(), List.of(), null, PostStatus.PUBLISHED, null, NOW, NOW, List.of(), 0,
                1, 0, 0, price, false, minTierRank);
    }

    private static Tier tier(String id, int rank, Tier.State state) {
        return new Tier(id, id, "", Money.rub(10_000), NOW, rank, state, NOW);
    }
}
