package ru.rossgram.shared.hashtags;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostSideEffects;
import ru.rossgram.shared.search.SearchText;

/**
 * Keeps the hashtag index in step with published posts: a post is filed under each of its first
 * {@value #MAX_TAGS_PER_POST} hashtags when published, moved between tags when its caption is edited, and taken off
 * them all when deleted. Each tag costs one transaction (the post's item and the count) and one consistent read of
 * the count, after which the tag's search items are moved if its rank is not the one they are written at. Every call
 * may come again (a retried fan-out step, a repeated delete) and changes nothing the second time.
 */
@Singleton
public class HashtagIndex implements PostSideEffects {
    /**
     * The most tags of one post that are indexed (Instagram's limit): a caption may carry more, which stay in its
     * text but find no page, so one post's indexing stays a bounded number of writes.
     */
    public static final int MAX_TAGS_PER_POST = 30;
    /** What a tag is made of ({@code CaptionTags}' hashtag letters), at most 100 of them. */
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}_]+");
    private static final int TAG_MAX = 100;

    private final HashtagRepository hashtags;

    public HashtagIndex(HashtagRepository hashtags) {
        this.hashtags = hashtags;
    }

    /** The tags {@code post} is filed under: its first {@value #MAX_TAGS_PER_POST} distinct tags, by {@link SearchText#tag}. */
    public static List<String> tagsOf(Post post) {
        return post.hashtags().stream().map(SearchText::tag).filter(HashtagIndex::isTag).distinct()
                .limit(MAX_TAGS_PER_POST).toList();
    }

    /** Whether {@code tag} (already {@link SearchText#tag}) can be a hashtag at all. */
    public static boolean isTag(String tag) {
        return TAG.matcher(tag).matches() && tag.codePointCount(0, tag.length()) <= TAG_MAX;
    }

    @Override
    public void published(Post post) {
        tagsOf(post).forEach(tag -> add(tag, post));
    }

    @Override
    public void edited(Post before, Post after) {
        List<String> was = tagsOf(before);
        List<String> is = tagsOf(after);
        is.stream().filter(tag -> !was.contains(tag)).forEach(tag -> add(tag, after));
        was.stream().filter(tag -> !is.contains(tag)).forEach(tag -> remove(tag, after));
    }

    @Override
    public void deleted(Post post) {
        tagsOf(post).forEach(tag -> remove(tag, post));
    }

    private void add(String tag, Post post) {
        hashtags.add(tag, post.postId(), post.authorId());
        rerank(tag); // also when it was filed already: the step that filed it may have died before this
    }

    private void remove(String tag, Post post) {
        hashtags.remove(tag, post.postId());
        rerank(tag);
    }

    /** Moves the tag's search items when its count's order of magnitude is no longer the one they are at. */
    private void rerank(String tag) {
        HashtagRepository.Counted counted = hashtags.counted(tag);
        Integer rank = HashtagRepository.rank(counted.posts());
        if (!Objects.equals(rank, counted.indexedRank())) {
            hashtags.reindex(tag, counted.indexedRank(), rank);
        }
    }
}
