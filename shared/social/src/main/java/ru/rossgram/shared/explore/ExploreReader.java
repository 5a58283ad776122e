package ru.rossgram.shared.explore;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;

/**
 * The explore page ({@code GET /v1/explore}): the job's snapshot walked in its order from the cursor's position,
 * leaving out the reader's own posts, authors she follows, blocks, is blocked by or mutes, and anything that stopped
 * being showable since the job ran (a deleted post, an account turned private).
 *
 * <p>Two requests, one after the other: a GetItem of the snapshot, then one BatchGet ({@link ExplorePageReads}) of
 * what the page's window of at most {@link #LOOKED_AT_PER_SHOWN} x limit candidates needs. A page may come out
 * shorter than the limit (even empty) with a cursor when many candidates were left out: the next page goes on.
 *
 * <p>The cursor holds the snapshot's time and the position after the last candidate looked at. A cursor of an older
 * snapshot goes on at the same position in the current one: a scrolling reader neither starts over at the top
 * nor misses the rest (a post that moved across that position may show twice or not at all).
 */
@Singleton
public class ExploreReader {
    /** How many candidates a page looks at for each post it may show: bounds the page's reads. */
    public static final int LOOKED_AT_PER_SHOWN = 3;

    private final ExploreRepository explore;
    private final ExplorePageReads reads;
    private final PostViews views;
    private final CursorCodec cursors;

    ExploreReader(ExploreRepository explore, ExplorePageReads reads, PostViews views, CursorCodec cursors) {
        this.explore = explore;
        this.reads = reads;
        this.views = views;
        this.cursors = cursors;
    }

    /** @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor this server did not issue to this reader */
    public Page<PostView> page(Caller caller, PageRequest request) {
        String me = caller.userId();
        String purpose = "explore:" + me;
        int from = request.cursor() == null ? 0 : position(cursors.decode(purpose, request.cursor()));
        ExploreRepository.Snapshot snapshot = explore.current().orElse(null);
        if (snapshot == null || from >= snapshot.candidates().size()) {
            return new Page<>(List.of(), null);
        }
        List<ExploreRanking.Candidate> all = snapshot.candidates();
        int to = Math.min(all.size(), from + LOOKED_AT_PER_SHOWN * request.limit());
        List<ExploreRanking.Candidate> window = all.subList(from, to).stream()
                .filter(candidate -> !candidate.authorId().equals(me)).toList();
        ExplorePageReads.Found found = window.isEmpty() ? null : reads.of(me, window);

        List<PostView> shown = new ArrayList<>();
        int next = to;
        for (int i = from; i < to && shown.size() < request.limit(); i++) {
            ExploreRanking.Candidate candidate = all.get(i);
            if (candidate.authorId().equals(me) || found.hidden().contains(candidate.authorId())) {
                continue;
            }
            Post post = found.posts().get(candidate.postId());
            Account author = found.authors().get(candidate.authorId());
            if (showable(post, author)) {
                shown.add(views.of(post, author, found.liked().contains(post.postId()), true, me));
                next = i + 1;
            }
        }
        if (shown.size() < request.limit()) {
            next = to; // every candidate of the window was looked at
        }
        String cursor = next >= all.size() ? null : cursors.encode(purpose,
                Map.of("computedAt", snapshot.computedAt().toString(), "offset", Integer.toString(next)));
        return new Page<>(shown, cursor);
    }

    /** Whether a candidate the job listed may still be shown to anyone: it may have changed since the job ran. */
    private static boolean showable(Post post, Account author) {
        return post != null && post.status() == PostStatus.PUBLISHED && !post.gated() && !post.imported()
                && author != null && !author.privateAccount();
    }

    private static int position(Map<String, String> cursor) {
        try {
            return Math.max(0, Integer.parseInt(cursor.getOrDefault("offset", "0")));
        } catch (NumberFormatException e) {
            return 0; // never: the cursor is signed, and only this class writes it
        }
    }
}
