package ru.rossgram.shared.hashtags;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.ConcurrentReads;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.posts.PostViews;
import ru.rossgram.shared.posts.UnlockReads;
import ru.rossgram.shared.posts.Unlocks;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.search.SearchText;
import ru.rossgram.shared.social.BlockRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A hashtag's page ({@code GET /v1/hashtags/{tag}/posts}): the public posts carrying it, newest first, as the reader
 * may see them. At most three requests a page, whatever its length: (1) one Query of the tag's posts below the
 * cursor, with the tag's count read beside it; (2) one BatchGet of the posts, their authors' profiles, the reader's
 * blocks of them and theirs of her, and her likes; (3) only when a shown post is gated by someone else, one BatchGet of
 * what may open it. Posts of private accounts, of accounts blocked either way, deleted ones and ones whose caption no
 * longer carries the tag (an edit racing the index) are left out, so a page may be short while more follow.
 */
@Singleton
public class HashtagPage {
    private final HashtagRepository hashtags;
    private final BatchReads batchReads;
    private final UnlockReads unlocks;
    private final PostViews views;
    private final CursorCodec cursors;
    private final ConcurrentReads concurrently;
    private final Clock clock;
    private final String table;

    public HashtagPage(HashtagRepository hashtags, BatchReads batchReads, UnlockReads unlocks, PostViews views,
                       CursorCodec cursors, ConcurrentReads concurrently, Clock clock, RossgramConfig config) {
        this.hashtags = hashtags;
        this.batchReads = batchReads;
        this.unlocks = unlocks;
        this.views = views;
        this.cursors = cursors;
        this.concurrently = concurrently;
        this.clock = clock;
        this.table = config.table();
    }

    /**
     * @param rawTag the tag as the client named it ({@code #Москва}, {@code мОсквА}: one page)
     * @throws ProblemException 400 naming {@code tag} for one that cannot be a hashtag; 400 {@code invalid-cursor} for a
     *         cursor this server did not issue for this tag
     */
    public HashtagPosts page(Caller caller, String rawTag, PageRequest request) {
        String tag = SearchText.tag(rawTag);
        if (!HashtagIndex.isTag(tag)) {
            throw ProblemException.invalid("tag", "letters, digits and _ (at most 100), with or without a leading #");
        }
        String me = caller.userId();
        String purpose = "hashtag:" + tag;
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        int limit = request.limit();

        var round1 = concurrently.both(() -> hashtags.newest(tag, before, limit + 1), () -> hashtags.counted(tag));
        List<HashtagRepository.Tagged> found = round1.first();
        boolean more = found.size() > limit;
        List<HashtagRepository.Tagged> tagged = more ? found.subList(0, limit) : found;

        Found read = read(me, tagged);
        List<Post> shown = tagged.stream().map(t -> read.posts().get(t.postId()))
                .filter(post -> post != null && read.showable(post, tag, me)).toList();
        Unlocks open = unlocks.of(me, shown);
        Instant now = clock.instant();
        List<PostView> items = shown.stream().map(post -> views.of(post, read.authors().get(post.authorId()),
                read.liked().contains(post.postId()), open.opens(post, me, now), me)).toList();
        String next = more ? cursors.encode(purpose, Map.of("before", tagged.get(tagged.size() - 1).postId())) : null;
        return new HashtagPosts(tag, Math.max(0, round1.second().posts()), items, next);
    }

    /** What one BatchGet brought: posts, their authors' profiles (public ones only), blocks either way, her likes. */
    private record Found(Map<String, Post> posts, Map<String, Account> authors,
                         Set<String> publicAuthors, Set<Map<String, AttributeValue>> blocks, Set<String> liked) {
        /** Published, by a public account not blocked either way, and still carrying the tag. */
        boolean showable(Post post, String tag, String me) {
            String author = post.authorId();
            return post.status() == PostStatus.PUBLISHED && publicAuthors.contains(author)
                    && !blocks.contains(BlockRepository.blockKey(me, author))
                    && !blocks.contains(BlockRepository.blockKey(author, me))
                    && HashtagIndex.tagsOf(post).contains(tag);
        }
    }

    private Found read(String me, List<HashtagRepository.Tagged> tagged) {
        Set<String> authorIds = new LinkedHashSet<>();
        tagged.forEach(t -> authorIds.add(t.authorId()));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        tagged.forEach(t -> keys.add(PostRepository.key(t.postId())));
        tagged.forEach(t -> keys.add(LikeRepository.key(t.postId(), me)));
        for (String author : authorIds) {
            keys.add(AccountRepository.profileKey(author));
            if (!author.equals(me)) {
                keys.add(BlockRepository.blockKey(me, author));
                keys.add(BlockRepository.blockKey(author, me));
            }
        }
        Map<String, Post> posts = new HashMap<>();
        Map<String, Account> authors = new HashMap<>();
        Set<String> publicAuthors = new HashSet<>();
        Set<Map<String, AttributeValue>> blocks = new HashSet<>();
        Set<String> liked = new HashSet<>();
        for (Map<String, AttributeValue> item : keys.isEmpty() ? List.<Map<String, AttributeValue>>of()
                : batchReads.consistent(table, keys)) {
            if (PostRepository.isPost(item)) {
                Post post = PostRepository.postFrom(item);
                posts.put(post.postId(), post);
            } else if (LikeRepository.isLike(item)) {
                liked.add(LikeRepository.likedPostOf(item));
            } else if (BlockRepository.isBlock(item)) {
                blocks.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
            } else if (AccountRepository.isProfile(item)) {
                Account account = AccountRepository.accountFrom(item);
                authors.put(account.userId(), account);
                if (!AccountRepository.isPrivate(item)) {
                    publicAuthors.add(account.userId());
                }
            }
        }
        return new Found(posts, authors, publicAuthors, blocks, liked);
    }
}
