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
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.posts.AccessGrants;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.SocialKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The home feed ({@code GET /v1/feed}): the posts of everyone the reader follows, and the reader's own, newest
 * first. Posts of ordinary authors are already in the reader's feed items (fan-out on write); posts of
 * {@link Celebrities} the reader follows are merged in here (fan-out on read).
 *
 * <p>A page costs two round trips when the reader follows no celebrity: one Query of the feed items, then one
 * round of BatchGets, sent together, of everything needed to show them (the posts, the reader's follow edges to
 * their authors and to every celebrity, the reader's set of muted accounts, the reader's likes and purchases of
 * paid posts, the authors' profiles). Followed celebrities add one
 * Query each of their posts, sent together (one round trip), and one more BatchGet shows the ones that make
 * the page: four round trips in all. Items whose author the reader
 * no longer follows (or mutes), and posts since deleted, are left out, so unfollowing and deleting take effect
 * at once whatever the fan-out has done.
 */
@Singleton
public class FeedReader {
    /** A page's keys go out in requests of up to this many (BatchGetItem's limit), sent at once. */
    private static final int KEYS_PER_REQUEST = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final FeedRepository feeds;
    private final Celebrities celebrities;
    private final PostRepository posts;
    private final PostViews views;
    private final CursorCodec cursors;
    private final ConcurrentReads concurrently;

    public FeedReader(DynamoDbClient dynamo, RossgramConfig config, FeedRepository feeds, Celebrities celebrities,
                      PostRepository posts, PostViews views, CursorCodec cursors, ConcurrentReads concurrently) {
        this.dynamo = dynamo;
        this.table = config.table();
        this.feeds = feeds;
        this.celebrities = celebrities;
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

        List<FeedRepository.FeedItem> items = feeds.newest(me, before, limit);
        Set<String> celebrityIds = new HashSet<>(celebrities.ids());
        celebrityIds.remove(me);
        Set<String> authorIds = new LinkedHashSet<>();
        items.forEach(item -> authorIds.add(item.authorId()));

        Reads first = read(me, items.stream().map(FeedRepository.FeedItem::postId).toList(),
                items.stream().filter(item -> item.paid() && !item.authorId().equals(me)).map(FeedRepository.FeedItem::postId).toList(),
                authorIds, celebrityIds, true);
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(first.posts, items.size() == limit ? lastId(items) : null));

        Set<String> followedCelebrities = new HashSet<>(celebrityIds);
        followedCelebrities.retainAll(first.followed);
        followedCelebrities.removeAll(first.muted);
        Map<String, Post> merged = new HashMap<>(first.posts);
        // One Query per followed celebrity, all sent at once: one more round trip however many they are.
        List<List<Post>> recentByCelebrity = concurrently.map(List.copyOf(followedCelebrities),
                celebrity -> posts.newestBy(celebrity, before, limit));
        for (List<Post> recent : recentByCelebrity) {
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
            if (post != null && visible(post, me, first, followedCelebrities)) {
                shown.add(post);
            }
        }
        // Cut short: go on after the last item looked at. Else every candidate was looked at: go on below the
        // boundary if a source may hold more, or stop.
        String next = cut ? last : boundary;

        Reads extra = celebrityPostsToShow(me, shown, first);
        List<PostView> page = shown.stream().map(post -> views.of(post, extra.authors.getOrDefault(post.authorId(),
                first.authors.get(post.authorId())), extra.liked.contains(post.postId()) || first.liked.contains(post.postId()),
                !PostViews.needsGrant(post, me) || extra.bought.contains(post.postId()) || first.bought.contains(post.postId()),
                me)).toList();
        return new Page<>(page, next == null ? null : cursors.encode(purpose, Map.of("before", next)));
    }

    private static boolean visible(Post post, String me, Reads reads, Set<String> followedCelebrities) {
        if (post.status() != PostStatus.PUBLISHED) {
            return false;
        }
        String author = post.authorId();
        if (author.equals(me)) {
            return true;
        }
        return (reads.followed.contains(author) || followedCelebrities.contains(author)) && !reads.muted.contains(author);
    }

    private static String lastId(List<FeedRepository.FeedItem> items) {
        return items.get(items.size() - 1).postId();
    }

    /** A source of candidates: what it gave, and below which post id it may hold more not read. */
    private record Source(Map<String, Post> posts, String boundary) {
    }

    /** What one BatchGet brought. */
    private record Reads(Map<String, Post> posts, Set<String> followed, Set<String> muted, Set<String> liked,
                         Set<String> bought, Map<String, Account> authors) {
    }

    private Reads celebrityPostsToShow(String me, List<Post> shown, Reads first) {
        List<String> unread = shown.stream().filter(post -> !first.posts.containsKey(post.postId())).map(Post::postId).toList();
        if (unread.isEmpty()) {
            return new Reads(Map.of(), Set.of(), Set.of(), Set.of(), Set.of(), Map.of());
        }
        Set<String> authors = new LinkedHashSet<>();
        shown.stream().filter(post -> unread.contains(post.postId())).forEach(post -> authors.add(post.authorId()));
        List<String> paid = shown.stream().filter(post -> unread.contains(post.postId()) && PostViews.needsGrant(post, me))
                .map(Post::postId).toList();
        return read(me, unread, paid, authors, Set.of(), false);
    }

    /**
     * One round of BatchGets, sent together, of everything a page of posts needs.
     *
     * @param paidPostIds the posts among {@code postIds} whose photos the reader sees only if bought
     * @param firstRound  the page's first round: also reads the posts themselves and the reader's muted set
     */
    private Reads read(String me, Collection<String> postIds, Collection<String> paidPostIds, Set<String> authorIds,
                       Set<String> celebrityIds, boolean firstRound) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        if (firstRound) {
            postIds.forEach(id -> keys.add(PostRepository.key(id)));
            keys.add(SocialKeys.mutedSet(me));
        }
        postIds.forEach(id -> keys.add(LikeRepository.key(id, me)));
        paidPostIds.forEach(id -> keys.add(AccessGrants.key(me, id)));
        Set<String> people = new LinkedHashSet<>(authorIds);
        people.addAll(celebrityIds);
        people.remove(me);
        people.forEach(other -> keys.add(SocialKeys.follows(me, other)));
        authorIds.forEach(id -> keys.add(SocialKeys.profile(id)));

        Map<String, Post> found = new HashMap<>();
        Set<String> followed = new HashSet<>();
        Set<String> muted = new HashSet<>();
        Set<String> liked = new HashSet<>();
        Set<String> bought = new HashSet<>();
        Map<String, Account> authors = new HashMap<>();
        for (Map<String, AttributeValue> item : concurrently.batchGet(dynamo, table, keys, KEYS_PER_REQUEST)) {
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
            } else if (sk.equals("MUTED")) {
                muted.addAll(BlockRepository.mutedIds(item));
            } else if (sk.equals("PROFILE")) {
                Account account = AccountRepository.accountFrom(item);
                authors.put(account.userId(), account);
            }
        }
        return new Reads(found, followed, muted, liked, bought, authors);
    }
}
