package ru.rossgram.shared.activity;

import jakarta.inject.Singleton;
import java.util.ArrayList;
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
import ru.rossgram.shared.engagement.Comment;
import ru.rossgram.shared.engagement.CommentRepository;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.social.BlockRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one round of BatchGets of an activity page: everything its items need to be shown or skipped, whatever they
 * are, in BatchGets of 100 keys sent together. Each repository recognises its own items.
 */
@Singleton
class ActivityPageReads {
    private final BatchReads batchReads;
    private final String table;

    ActivityPageReads(BatchReads batchReads, RossgramConfig config) {
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /**
     * What came back: the actors' profiles, the actors in a block with the reader either way, the posts, the
     * comments, and per post the listed likers who still like it.
     */
    record Found(Map<String, Account> actors, Set<String> blocked, Map<String, Post> posts,
                 Map<String, Comment> comments, Map<String, Set<String>> likers) {
    }

    /**
     * Reads, for {@code items} shown to {@code me}: each actor's profile and the blocks between {@code me} and it
     * both ways, each post, each comment, and for like items the like of each listed liker. At most
     * {@code 1 + 3 × 3 + 3} keys an item (a like item's post, three likers' profiles, blocks and likes).
     */
    Found of(String me, List<Activity> items) {
        Set<String> actorIds = new LinkedHashSet<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Activity item : items) {
            actorIds.addAll(actorsOf(item));
            if (item.postId() != null) {
                keys.add(PostRepository.key(item.postId()));
                if (item.commentId() != null) {
                    keys.add(CommentRepository.key(item.postId(), item.commentId()));
                }
            }
            if (item.kind() == ActivityKind.LIKE) {
                item.recentActorIds().forEach(liker -> keys.add(LikeRepository.key(item.postId(), liker)));
            }
        }
        actorIds.remove(me);
        for (String actor : actorIds) {
            keys.add(AccountRepository.profileKey(actor));
            keys.add(BlockRepository.blockKey(me, actor));
            keys.add(BlockRepository.blockKey(actor, me));
        }
        return fetch(me, keys);
    }

    /** Whom an item names: its actor, and for likes the newest likers. */
    static Set<String> actorsOf(Activity item) {
        Set<String> actors = new LinkedHashSet<>(item.recentActorIds());
        if (item.actorId() != null) {
            actors.add(item.actorId());
        }
        return actors;
    }

    private Found fetch(String me, List<Map<String, AttributeValue>> keys) {
        Map<String, Account> actors = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        Map<String, Post> posts = new HashMap<>();
        Map<String, Comment> comments = new HashMap<>();
        Map<String, Set<String>> likers = new HashMap<>();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (LikeRepository.isLike(item)) {
                likers.computeIfAbsent(LikeRepository.likedPostOf(item), post -> new HashSet<>())
                        .add(LikeRepository.likerOf(item));
            } else if (CommentRepository.isComment(item)) {
                Comment comment = CommentRepository.fromItem(item);
                comments.put(comment.commentId(), comment);
            } else if (BlockRepository.isBlock(item)) {
                blocked.add(BlockRepository.counterpartOf(item, me));
            } else if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                actors.put(account.userId(), account);
            }
        }
        return new Found(actors, blocked, posts, comments, likers);
    }
}
