package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.Unlocks;
import ru.rossgram.shared.social.FollowRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The BatchGets of a home feed page: one for its feed items (round 2) and one for the celebrities' posts that made
 * it (round 3). Each mixes several aggregates' items in one call, and each repository recognises its own.
 */
@Singleton
class FeedPageReads {
    private final BatchReads batchReads;
    private final String table;

    FeedPageReads(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /**
     * What one BatchGet brought: posts, the reader's edges (by followee), her likes, what opens gated posts for her
     * (purchases, subscriptions, the creators' tiers), profiles.
     */
    record Found(Map<String, Post> posts, Set<String> followed, Set<String> liked, Unlocks unlocks,
                 Map<String, Account> authors) {
        static final Found NONE = new Found(Map.of(), Set.of(), Set.of(), Unlocks.NONE, Map.of());

        /** Both reads' findings. */
        Found with(Found other) {
            Map<String, Post> allPosts = new HashMap<>(posts);
            allPosts.putAll(other.posts);
            Map<String, Account> allAuthors = new HashMap<>(authors);
            allAuthors.putAll(other.authors);
            return new Found(allPosts, union(followed, other.followed), union(liked, other.liked),
                    unlocks.with(other.unlocks), allAuthors);
        }

        private static Set<String> union(Set<String> one, Set<String> other) {
            Set<String> all = new HashSet<>(one);
            all.addAll(other);
            return all;
        }
    }

    /**
     * Round 2: the posts of {@code items}, the reader's edges to their authors and to {@code celebrities}, and
     * what showing the items needs (her likes, what may open the gated ones by others, the authors' profiles).
     */
    Found items(String me, List<FeedRepository.FeedItem> items, Collection<String> celebrities) {
        Set<String> authorIds = new LinkedHashSet<>();
        items.forEach(item -> authorIds.add(item.authorId()));
        Set<String> followees = new LinkedHashSet<>(authorIds);
        followees.addAll(celebrities);
        List<String> postIds = items.stream().map(FeedRepository.FeedItem::postId).toList();
        // An item knows only that its post is gated (on sale, for subscribers or both): both kinds are asked.
        List<Map<String, AttributeValue>> unlockKeys = new ArrayList<>();
        items.stream().filter(item -> item.gated() && !item.authorId().equals(me)).forEach(item ->
                unlockKeys.addAll(Unlocks.keys(me, item.postId(), item.authorId(), true, true)));

        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        postIds.forEach(id -> keys.add(PostRepository.key(id)));
        followees.stream().filter(other -> !other.equals(me)).forEach(other -> keys.add(FollowRepository.edgeKey(me, other)));
        keys.addAll(showingKeys(me, postIds, unlockKeys, authorIds));
        return fetch(keys);
    }

    /** Round 3: what showing {@code shown}'s posts that round 2 did not read needs; no request if none. */
    Found showing(String me, List<Post> shown, Found round2) {
        List<Post> unread = shown.stream().filter(post -> !round2.posts().containsKey(post.postId())).toList();
        if (unread.isEmpty()) {
            return Found.NONE;
        }
        Set<String> authors = new LinkedHashSet<>();
        unread.forEach(post -> authors.add(post.authorId()));
        return fetch(showingKeys(me, unread.stream().map(Post::postId).toList(), Unlocks.keys(me, unread), authors));
    }

    /** What showing {@code postIds} to the reader needs: her likes, what may open the gated ones, the authors' profiles. */
    private static List<Map<String, AttributeValue>> showingKeys(String me, Collection<String> postIds,
                                                                 List<Map<String, AttributeValue>> unlockKeys,
                                                                 Set<String> authorIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        postIds.forEach(id -> keys.add(LikeRepository.key(id, me)));
        keys.addAll(unlockKeys); // repeated keys (one author's tiers for several posts) BatchReads sends once
        authorIds.forEach(id -> keys.add(AccountRepository.profileKey(id)));
        return keys;
    }

    /** Reads {@code keys} in BatchGets sent together, and sorts what came back by kind. */
    private Found fetch(List<Map<String, AttributeValue>> keys) {
        Map<String, Post> posts = new HashMap<>();
        Set<String> followed = new HashSet<>();
        Set<String> liked = new HashSet<>();
        Unlocks.Collector unlocks = new Unlocks.Collector();
        Map<String, Account> authors = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (LikeRepository.isLike(item)) {
                liked.add(LikeRepository.likedPostOf(item));
            } else if (unlocks.accept(item)) {
                // a purchase, a subscription or a creator's tiers: the collector keeps it
            } else if (FollowRepository.isFollowEdge(item)) {
                followed.add(FollowRepository.followeeOf(item));
            } else if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                authors.put(account.userId(), account);
            }
        }
        return new Found(posts, followed, liked, unlocks.unlocks(), authors);
    }
}
