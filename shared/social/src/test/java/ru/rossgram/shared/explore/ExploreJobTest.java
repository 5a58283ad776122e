package ru.rossgram.shared.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.explore.ExploreJob.Outcome;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostStatus;

/** Which ranked posts the explore job lists: what anyone may open, by a public account. */
class ExploreJobTest {
    private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

    @Test
    void aPublishedFreePostOfAPublicAccount_isListed() {
        assertEquals(Outcome.LISTED, ExploreJob.judge(post(PostStatus.PUBLISHED, null, false, null), false));
    }

    @Test
    void aGonePostOrOneNotPublished_isLeftOut() {
        assertEquals(Outcome.NOT_PUBLISHED, ExploreJob.judge(null, false));
        assertEquals(Outcome.NOT_PUBLISHED, ExploreJob.judge(post(PostStatus.PROCESSING, null, false, null), false));
    }

    @Test
    void paidAndSubscriberOnlyPosts_areLeftOut() {
        assertEquals(Outcome.GATED, ExploreJob.judge(post(PostStatus.PUBLISHED, Money.rub(9900), false, null), false));
        assertEquals(Outcome.GATED, ExploreJob.judge(post(PostStatus.PUBLISHED, null, false, 1), false));
    }

    @Test
    void importedPosts_areLeftOut() {
        assertEquals(Outcome.IMPORTED, ExploreJob.judge(post(PostStatus.PUBLISHED, null, true, null), false));
    }

    @Test
    void postsOfPrivateOrDeletedAccounts_areLeftOut() {
        assertEquals(Outcome.NOT_PUBLIC, ExploreJob.judge(post(PostStatus.PUBLISHED, null, false, null), true));
        assertEquals(Outcome.NOT_PUBLIC, ExploreJob.judge(post(PostStatus.PUBLISHED, null, false, null), null));
    }

    private static Post post(PostStatus status, Money price, boolean imported, Integer minTierRank) {
        return new Post("P1", "anna", "", List.of(), List.of(), null, status, null, NOW, NOW, List.of(), 1, 1, 0, 0,
                price, imported, minTierRank);
    }
}
