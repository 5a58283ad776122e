package ru.rossgram.shared.activity;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostSideEffects;
import ru.rossgram.shared.social.PostVisibility;

/**
 * The inbox items a post's caption writes: a {@code mention} (subject: the post) to each of the first
 * {@value #MAX_MENTIONS} accounts it @mentions, but not its author, and only those that may see the post (which
 * also means no block either way); and, when the post goes, those and the author's like item of it.
 *
 * <p>Written outside any transaction, after the post's own write, with fixed keys and activity ids derived from
 * (moment, post, recipient), so a retried step rewrites the same items: the publication's moment for a published
 * post, the edit's for mentions an edit adds.
 */
@Singleton
public class MentionNotices implements PostSideEffects {
    /** The first accounts a caption mentions that are notified; later mentions are only text. */
    static final int MAX_MENTIONS = 20;

    private final AccountRepository accounts;
    private final PostVisibility visibility;
    private final ActivityRepository activity;
    private final Clock clock;

    public MentionNotices(AccountRepository accounts, PostVisibility visibility, ActivityRepository activity, Clock clock) {
        this.accounts = accounts;
        this.visibility = visibility;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public void published(Post post) {
        notify(post, names(post), post.publishedAt() == null ? clock.instant() : post.publishedAt());
    }

    /** Mentions the edit added are notified, those it dropped taken back; the others keep their items as they are. */
    @Override
    public void edited(Post before, Post after) {
        List<String> was = names(before);
        List<String> is = names(after);
        notify(after, is.stream().filter(name -> !was.contains(name)).toList(), clock.instant());
        List<String> dropped = was.stream().filter(name -> !is.contains(name)).toList();
        activity.deleteAll(mentionKeys(after.postId(), accounts.idsByUsername(dropped)));
    }

    @Override
    public void deleted(Post post) {
        List<ActivityKey> keys = new ArrayList<>(mentionKeys(post.postId(), accounts.idsByUsername(names(post))));
        keys.add(new ActivityKey(post.authorId(), ActivityKind.LIKE, post.postId()));
        activity.deleteAll(keys);
    }

    private void notify(Post post, List<String> names, Instant at) {
        List<String> candidates = accounts.idsByUsername(names).stream().filter(id -> !post.isAuthor(id)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        // The author is the actor: whoever may see the author's post stands under no block with the author.
        List<String> reached = visibility.whoCanSee(post.authorId(), candidates, post.authorId());
        activity.putAll(reached.stream().map(recipient -> Activity.of(recipient, ActivityKind.MENTION, post.postId(),
                IdGenerator.derivedId(at, post.postId(), recipient), post.authorId(), post.postId(), null,
                Activity.preview(post.caption()), null, at)).toList());
    }

    private static List<ActivityKey> mentionKeys(String postId, Collection<String> recipients) {
        return recipients.stream().map(id -> new ActivityKey(id, ActivityKind.MENTION, postId)).toList();
    }

    private static List<String> names(Post post) {
        return post.mentions().stream().limit(MAX_MENTIONS).toList();
    }
}
