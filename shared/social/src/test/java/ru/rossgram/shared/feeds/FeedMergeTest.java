package ru.rossgram.shared.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostStatus;

/** Which posts make a feed page and where the next starts; post ids here sort as ULIDs do (newer is greater). */
class FeedMergeTest {
    private static final String ME = "me";
    private static final String ANNA = "anna";
    private static final String CELEBRITY = "star";
    private static final Instant NOW = Instant.parse("2026-03-14T09:30:00Z");

    @Test
    void feedItems_showNewestFirst_andAShortFeedHasNoNextPage() {
        var page = FeedMerge.page(ME, 5, found(items(item("P090", ANNA), item("P080", ME), item("P070", ANNA)),
                posts(post("P090", ANNA), post("P080", ME), post("P070", ANNA)), List.of(), Set.of(ANNA), Set.of()));

        assertEquals(List.of("P090", "P080", "P070"), ids(page));
        assertNull(page.next());
    }

    @Test
    void aPageExactlyAtTheFeedsLimit_goesOnBelowItsOldestItem() {
        var page = FeedMerge.page(ME, 3, found(items(item("P090", ANNA), item("P080", ANNA), item("P070", ANNA)),
                posts(post("P090", ANNA), post("P080", ANNA), post("P070", ANNA)), List.of(), Set.of(ANNA), Set.of()));

        assertEquals(List.of("P090", "P080", "P070"), ids(page));
        assertEquals("P070", page.next());
    }

    @Test
    void aCelebritysFullSource_holdsBackOlderFeedItems_untilTheNextPage() {
        // The celebrity's Query stopped at P075: it may hold posts between P075 and P050 not read yet.
        var page = FeedMerge.page(ME, 3, found(items(item("P050", ANNA)), posts(post("P050", ANNA)),
                List.of(celebrity(post("P095", CELEBRITY), post("P085", CELEBRITY), post("P075", CELEBRITY))),
                Set.of(ANNA, CELEBRITY), Set.of()));

        assertEquals(List.of("P095", "P085", "P075"), ids(page));
        assertEquals("P075", page.next());
    }

    @Test
    void aFullFeedSlice_holdsBackOlderCelebrityPosts_evenWhenDeletedItemsLeaveThePageShort() {
        // The feed may hold items between P070 and P060 not read yet (a page of 3 stopped at P070): showing P060
        // now would show them after it, out of order, on the next page.
        var page = FeedMerge.page(ME, 3, found(items(item("P090", ANNA), item("P080", ANNA), item("P070", ANNA)),
                posts(post("P090", ANNA)), List.of(celebrity(post("P085", CELEBRITY), post("P060", CELEBRITY))),
                Set.of(ANNA, CELEBRITY), Set.of()));

        assertEquals(List.of("P090", "P085"), ids(page));
        assertEquals("P070", page.next());
    }

    @Test
    void aPageFilledBeforeItsCandidatesEnd_goesOnAfterTheLastPostShown() {
        var page = FeedMerge.page(ME, 2, found(items(item("P090", ANNA), item("P040", ANNA)),
                posts(post("P090", ANNA), post("P040", ANNA)),
                List.of(celebrity(post("P095", CELEBRITY), post("P085", CELEBRITY))), Set.of(ANNA, CELEBRITY), Set.of()));

        assertEquals(List.of("P095", "P090"), ids(page));
        assertEquals("P090", page.next());
    }

    @Test
    void aCelebrityTheReaderNoLongerFollows_addsNeitherPostsNorABoundary() {
        var page = FeedMerge.page(ME, 3, found(items(item("P050", ANNA)), posts(post("P050", ANNA)),
                List.of(celebrity(post("P095", CELEBRITY), post("P085", CELEBRITY), post("P075", CELEBRITY))),
                Set.of(ANNA), Set.of()));

        assertEquals(List.of("P050"), ids(page));
        assertNull(page.next());
    }

    @Test
    void mutedAuthors_areHidden_butTheCursorMovesPastTheirItems() {
        var page = FeedMerge.page(ME, 3, found(items(item("P090", ANNA), item("P080", "masha"), item("P070", "masha")),
                posts(post("P090", ANNA), post("P080", "masha")), List.of(), Set.of(ANNA, "masha"), Set.of("masha")));

        assertEquals(List.of("P090"), ids(page));
        assertEquals("P070", page.next());
    }

    @Test
    void deletedAndUnpublishedPosts_andAuthorsNoLongerFollowed_areSkipped() {
        Post failed = new Post("P080", ANNA, "", List.of(), List.of(), null, PostStatus.FAILED, "refused", NOW, null,
                List.of(), 0, 1);
        var page = FeedMerge.page(ME, 5, found(
                items(item("P090", ANNA), item("P080", ANNA), item("P070", "ivan"), item("P060", ANNA)),
                posts(failed, post("P070", "ivan"), post("P060", ANNA)), List.of(), Set.of(ANNA), Set.of()));

        assertEquals(List.of("P060"), ids(page));
        assertNull(page.next());
    }

    @Test
    void aPostBothFannedOutAndInItsCelebrityAuthorsQuery_showsOnce() {
        // The post with which its author passed the threshold was fanned out before she became a celebrity.
        var page = FeedMerge.page(ME, 3, found(items(item("P090", CELEBRITY), item("P050", ANNA)),
                posts(post("P090", CELEBRITY), post("P050", ANNA)),
                List.of(celebrity(post("P095", CELEBRITY), post("P090", CELEBRITY))), Set.of(ANNA, CELEBRITY), Set.of()));

        assertEquals(List.of("P095", "P090", "P050"), ids(page));
        assertNull(page.next());
    }

    @Test
    void celebritiesToQuery_leaveOutTheReaderAndWhomSheMutes() {
        var context = new FeedContext(Set.of("masha"), Set.of(CELEBRITY, "masha", ME));

        assertEquals(List.of(CELEBRITY), FeedMerge.celebritiesToQuery(ME, context));
    }

    @Test
    void unmutedItems_keepTheReadersOwn() {
        var items = items(item("P090", "masha"), item("P080", ME), item("P070", ANNA));

        assertEquals(List.of(item("P080", ME), item("P070", ANNA)), FeedMerge.unmuted(ME, items, Set.of("masha", ME)));
    }

    private static FeedMerge.Sources found(List<FeedRepository.FeedItem> items, Map<String, Post> itemPosts,
                                         List<FeedMerge.CelebrityPosts> celebrities, Set<String> followed,
                                         Set<String> muted) {
        return new FeedMerge.Sources(items, itemPosts, celebrities, followed, muted);
    }

    private static FeedMerge.CelebrityPosts celebrity(Post... newest) {
        return new FeedMerge.CelebrityPosts(CELEBRITY, List.of(newest));
    }

    private static List<FeedRepository.FeedItem> items(FeedRepository.FeedItem... items) {
        return List.of(items);
    }

    private static FeedRepository.FeedItem item(String postId, String authorId) {
        return new FeedRepository.FeedItem(postId, authorId, false);
    }

    private static Map<String, Post> posts(Post... posts) {
        Map<String, Post> byId = new HashMap<>();
        Arrays.stream(posts).forEach(post -> byId.put(post.postId(), post));
        return byId;
    }

    private static Post post(String postId, String authorId) {
        return new Post(postId, authorId, "", List.of(), List.of(), null, PostStatus.PUBLISHED, null, NOW, NOW,
                List.of(), 1, 1);
    }

    private static List<String> ids(FeedMerge.Page page) {
        return page.shown().stream().map(Post::postId).toList();
    }
}
