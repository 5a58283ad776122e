package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.AccessGrants;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.social.SocialKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The home feed ({@code GET /v1/feed}): the posts of everyone the reader follows, and the reader's own, newest
 * first. Posts of ordinary authors are already in the reader's feed items (fan-out on write); posts of the
 * {@link Celebrities} the reader follows, which her {@link FeedContext} lists, are merged in here (fan-out on read).
 *
 * <p>A first page costs two requests when the reader follows no celebrity, one after the other. Round 1: the Query
 * of the feed, which also returns the reader's context (whom she mutes, which celebrities she follows). Round 2:
 * one round of BatchGets, sent together, of everything needed to show the items of authors she does not mute (the
 * posts, her edges to their authors, her likes and purchases of paid posts, the authors' profiles); a reader who
 * follows celebrities also has her edges to them read there, and one Query of each one's recent posts sent beside
 * it. Only when a celebrity's posts make the page does one more BatchGet (round 3) read what showing them needs.
 * Later pages read the context beside their Query. Items whose author the reader no longer follows (or mutes), and
 * posts since deleted, are left out, so unfollowing and deleting take effect at once whatever the fan-out has done.
 */
@Singleton
public class FeedReader {
    private final BatchReads batchReads;
    private final String table;
    private final FeedRepository feeds;
    private final PostRepository posts;
    private final PostViews views;
    private final CursorCodec cursors;
    private final ConcurrentReads concurrently;

    public FeedReader(BatchReads batchReads, RossgramConfig config, FeedRepository feeds, PostRepository posts,
                      PostViews views, CursorCodec cursors, ConcurrentReads concurrently) {
        this.batchReads = batchReads;
        this.table = config.table();
        this.feeds = feeds;
        this.posts = posts;
        this.views = views;
        this.cursors = cursors;
        this.concurrently = concurrently;
    }

    /** @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor this server did not issue to this reader */
    public Page<PostView> page(Caller caller, PageRequest request) {
        String me = caller.userId();
        String purpose = "feed:" + me;
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        int limit = request.limit();

        // Round 1: the feed items and the reader's context (in the same Query on the first page, beside it after).
        List<FeedRepository.FeedItem> items;
        FeedContext context;
        if (before == null) {
            FeedRepository.Slice slice = feeds.newest(me, null, limit);
            items = slice.items();
            context = slice.context();
        } else {
            var both = concurrently.both(() -> feeds.newest(me, before, limit).items(), () -> feeds.context(me));
            items = both.first();
            context = both.second();
        }
        Set<String> muted = context.muted();
        Set<String> celebrities = new LinkedHashSet<>(context.celebrities());
        celebrities.remove(me);
        celebrities.removeAll(muted);

        // Round 2: everything the items of authors she does not mute need to be shown, her edges to the
        // celebrities she follows, and one Query per such celebrity, all sent at once.
        List<FeedRepository.FeedItem> unmuted = items.stream()
                .filter(item -> item.authorId().equals(me) || !muted.contains(item.authorId())).toList();
        Set<String> authorIds = new LinkedHashSet<>();
        unmuted.forEach(item -> authorIds.add(item.authorId()));
        Set<String> followees = new LinkedHashSet<>(authorIds);
        followees.addAll(celebrities);
        List<String> queried = List.copyOf(celebrities);
        List<String> unmutedIds = unmuted.stream().map(FeedRepository.FeedItem::postId).toList();
        Supplier<Reads> shownItems = () -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            unmutedIds.forEach(id -> keys.add(PostRepository.key(id)));
            keys.addAll(followKeys(me, followees));
            keys.addAll(showingKeys(me, unmutedIds, unmuted.stream().filter(item -> item.paid() && !item.authorId().equals(me))
                    .map(FeedRepository.FeedItem::postId).toList(), authorIds));
            return fetch(keys);
        };
        ConcurrentReads.Both<Reads, List<List<Post>>> round2 = queried.isEmpty()
                ? new ConcurrentReads.Both<>(shownItems.get(), List.of())
                : concurrently.both(shownItems, () -> concurrently.map(queried, celebrity -> posts.newestBy(celebrity, before, limit)));
        Reads first = round2.first();
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(first.posts, items.size() == limit ? lastId(items) : null));
        Map<String, Post> merged = new HashMap<>(first.posts);
        for (int i = 0; i < queried.size(); i++) {
            if (!first.followed.contains(queried.get(i))) { // the context noted a follow that has since ended
                continue;
            }
            List<Post> recent = round2.second().get(i);
            Map<String, Post> byId = new HashMap<>();
            recent.forEach(post -> byId.put(post.postId(), post));
            sources.add(new Source(byId, recent.size() == limit ? recent.get(recent.size() - 1).postId() : null));
            merged.putAll(byId);
        }

        // Items below a source's boundary may have newer neighbours in that source not read yet: stop there.
        String boundary = sources.stream().map(Source::boundary).filter(b -> b != null)
                .max(Comparator.naturalOrder()).orElse(null);
        List<String> candidates = new ArrayList<>();
        items.forEach(item -> candidates.add(item.postId()));
        sources.stream().skip(1).forEach(source -> candidates.addAll(source.posts.keySet()));
        List<String> ordered = candidates.stream().distinct()
                .filter(id -> boundary == null || id.compareTo(boundary) >= 0)
                .sorted(Comparator.reverseOrder()).toList();

        List<Post> shown = new ArrayList<>();
        String last = null;
        boolean cut = false;
        for (String id : ordered) {
            if (shown.size() == limit) {
                cut = true;
                break;
            }
            last = id;
            Post post = merged.get(id);
            if (post != null && visible(post, me, first.followed, muted)) {
                shown.add(post);
            }
        }
        // Cut short: go on after the last item looked at. Else every candidate was looked at: go on below the
        // boundary if a source may hold more, or stop.
        String next = cut ? last : boundary;

        Reads all = first.with(celebrityPostsToShow(me, shown, first));
        List<PostView> page = shown.stream().map(post -> views.of(post, all.authors.get(post.authorId()),
                all.liked.contains(post.postId()), !PostViews.needsGrant(post, me) || all.bought.contains(post.postId()),
                me)).toList();
        return new Page<>(page, next == null ? null : cursors.encode(purpose, Map.of("before", next)));
    }

    private static boolean visible(Post post, String me, Set<String> followed, Set<String> muted) {
        if (post.status() != PostStatus.PUBLISHED) {
            return false;
        }
        String author = post.authorId();
        if (author.equals(me)) {
            return true;
        }
        return followed.contains(author) && !muted.contains(author);
    }

    private static String lastId(List<FeedRepository.FeedItem> items) {
        return items.get(items.size() - 1).postId();
    }

    /** A source of candidates: what it gave, and below which post id it may hold more not read. */
    private record Source(Map<String, Post> posts, String boundary) {
    }

    /** What one BatchGet brought. */
    private record Reads(Map<String, Post> posts, Set<String> followed, Set<String> liked, Set<String> bought,
                         Map<String, Account> authors) {
        static final Reads NONE = new Reads(Map.of(), Set.of(), Set.of(), Set.of(), Map.of());

        /** Both reads' findings. */
        Reads with(Reads other) {
            Map<String, Post> allPosts = new HashMap<>(posts);
            allPosts.putAll(other.posts);
            Map<String, Account> allAuthors = new HashMap<>(authors);
            allAuthors.putAll(other.authors);
            return new Reads(allPosts, union(followed, other.followed), union(liked, other.liked),
                    union(bought, other.bought), allAuthors);
        }

        private static Set<String> union(Set<String> one, Set<String> other) {
            Set<String> all = new HashSet<>(one);
            all.addAll(other);
            return all;
        }
    }

    private Reads celebrityPostsToShow(String me, List<Post> shown, Reads first) {
        List<String> unread = shown.stream().filter(post -> !first.posts.containsKey(post.postId())).map(Post::postId).toList();
        if (unread.isEmpty()) {
            return Reads.NONE;
        }
        Set<String> authors = new LinkedHashSet<>();
        shown.stream().filter(post -> unread.contains(post.postId())).forEach(post -> authors.add(post.authorId()));
        List<String> paid = shown.stream().filter(post -> unread.contains(post.postId()) && PostViews.needsGrant(post, me))
                .map(Post::postId).toList();
        return fetch(showingKeys(me, unread, paid, authors));
    }

    /** What showing {@code postIds} to the reader needs: her likes, her purchases of the paid ones, the authors' profiles. */
    private static List<Map<String, AttributeValue>> showingKeys(String me, Collection<String> postIds,
                                                                 Collection<String> paidPostIds, Set<String> authorIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        postIds.forEach(id -> keys.add(LikeRepository.key(id, me)));
        paidPostIds.forEach(id -> keys.add(AccessGrants.key(me, id)));
        authorIds.forEach(id -> keys.add(SocialKeys.profile(id)));
        return keys;
    }

    /** The reader's follow edges to {@code others} (the reader's own id left out). */
    private static List<Map<String, AttributeValue>> followKeys(String me, Set<String> others) {
        return others.stream().filter(other -> !other.equals(me)).map(other -> SocialKeys.follows(me, other)).toList();
    }

    /** Reads {@code keys} in BatchGets sent together, and sorts what came back by kind. */
    private Reads fetch(List<Map<String, AttributeValue>> keys) {
        Map<String, Post> found = new HashMap<>();
        Set<String> followed = new HashSet<>();
        Set<String> liked = new HashSet<>();
        Set<String> bought = new HashSet<>();
        Map<String, Account> authors = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            String pk = item.get("pk").s();
            String sk = item.get("sk").s();
            if (sk.equals("POST")) {
                Post post = PostRepository.postFrom(item);
                found.put(post.postId(), post);
            } else if (sk.startsWith(LikeRepository.SK_PREFIX)) {
                liked.add(pk.substring(pk.indexOf('#') + 1));
            } else if (AccessGrants.isGrant(item)) {
                if (AccessGrants.grants(item)) {
                    bought.add(Attrs.string(item, "postId"));
                }
            } else if (sk.startsWith("FOLLOWS#")) {
                followed.add(sk.substring("FOLLOWS#".length()));
            } else if (sk.equals("PROFILE")) {
                Account account = AccountRepository.accountFrom(item);
                authors.put(account.userId(), account);
            }
        }
        return new Reads(found, followed, liked, bought, authors);
    }
}
