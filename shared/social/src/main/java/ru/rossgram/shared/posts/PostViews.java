package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.engagement.LikeRepository;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;

/**
 * Turns a stored post into what a given reader may see, with download URLs for its thumbnails and whether the
 * reader likes it. A post whose {@code likeCount} was 0 when read is liked by nobody (the count moves in the
 * like's own transaction), so only posts with likes cost a lookup of the reader's like. A gated post by someone
 * else costs a read of what may open it (her purchase, her subscription to its author and the author's tiers), in
 * one BatchGet whatever the number of posts.
 */
@Singleton
public class PostViews {
    private final AccountRepository accounts;
    private final MediaStore media;
    private final LikeRepository likes;
    private final UnlockReads unlocks;
    private final Clock clock;

    public PostViews(AccountRepository accounts, MediaStore media, LikeRepository likes, UnlockReads unlocks,
                     Clock clock) {
        this.accounts = accounts;
        this.media = media;
        this.likes = likes;
        this.unlocks = unlocks;
        this.clock = clock;
    }

    /**
     * The post as {@code viewerId} sees it: a failure reason only for its author; one read of the viewer's like,
     * and for a gated post by someone else one BatchGet of what may open it.
     */
    public PostView of(Post post, String viewerId) {
        boolean liked = post.likeCount() > 0 && likes.likes(viewerId, post.postId());
        boolean unlocked = unlocks.of(viewerId, List.of(post)).opens(post, viewerId, clock.instant());
        return view(post, author(post, accounts.findById(post.authorId()).map(AccountRepository.StoredAccount::account)),
                post.isAuthor(viewerId), liked, unlocked);
    }

    /**
     * Several posts as {@code viewerId} sees them, in the same order: their authors and the viewer's likes come
     * from one BatchGet each.
     */
    public List<PostView> of(List<Post> posts, String viewerId) {
        Set<String> liked = likes.likedAmong(viewerId,
                posts.stream().filter(post -> post.likeCount() > 0).map(Post::postId).toList());
        Unlocks open = unlocks.of(viewerId, posts);
        java.time.Instant now = clock.instant();
        Map<String, Account> authors = accounts.findAllById(posts.stream().map(Post::authorId).toList());
        return posts.stream().map(post -> view(post, author(post, Optional.ofNullable(authors.get(post.authorId()))),
                post.isAuthor(viewerId), liked.contains(post.postId()), open.opens(post, viewerId, now))).toList();
    }

    /**
     * The post as its author sees it, for the author's own answers (create, edit), with the author's account as the
     * caller read it already (empty if it no longer exists). One read of the author's like if the post has likes.
     */
    public PostView forAuthor(Post post, Optional<Account> author) {
        boolean liked = post.likeCount() > 0 && likes.likes(post.authorId(), post.postId());
        return view(post, author(post, author), true, liked, true);
    }

    /**
     * The post as {@code viewerId} sees it, from what the caller has read already (a feed page reads authors
     * and likes in the same batch as the posts).
     *
     * @param author   the author's account, or null if it no longer exists
     * @param unlocked whether the viewer may see the photos: {@link Unlocks#opens}
     */
    public PostView of(Post post, Account author, boolean likedByMe, boolean unlocked, String viewerId) {
        return view(post, author(post, Optional.ofNullable(author)), post.isAuthor(viewerId), likedByMe, unlocked);
    }

    /**
     * The post's first photo, small, for a row that points at the post (an activity item): every rendition if
     * {@code unlocked}, else the preview only, as in {@link #of}; null for a post without photos.
     */
    public PostView.PhotoView thumbnail(Post post, boolean unlocked) {
        return post.photos().isEmpty() ? null : photo(post.photos().get(0), unlocked);
    }

    private static PostView.Author author(Post post, Optional<Account> account) {
        return account.map(found -> new PostView.Author(post.authorId(), found.username(), found.displayName(),
                        found.membership().badgeNames(), found.membership().verifiedCreator()))
                .orElse(new PostView.Author(post.authorId(), null, null, null, null));
    }

    private PostView view(Post post, PostView.Author author, boolean forAuthor, boolean likedByMe, boolean unlocked) {
        List<PostView.PhotoView> photos = post.photos().stream().map(photo -> photo(photo, unlocked)).toList();
        PostView.Price price = post.paid() ? new PostView.Price(post.price().minor(), post.price().currency()) : null;
        return new PostView(post.postId(), author, post.caption(), post.hashtags(), post.mentions(), post.location(),
                post.status().wire(), forAuthor ? post.failureReason() : null, post.createdAt(), post.publishedAt(),
                post.likeCount(), post.commentCount(), likedByMe, price, post.minTierRank(),
                post.gated() ? !unlocked : null, post.imported(),
                post.campaignId() == null ? null : new PostView.CampaignLink(post.campaignId()), photos);
    }

    /** A photo with the URLs the viewer may have: every rendition but the preview if unlocked, else the preview only. */
    private PostView.PhotoView photo(Photo photo, boolean unlocked) {
        String altText = photo.altText().isEmpty() ? null : photo.altText();
        PhotoRecord result = photo.result();
        if (result == null) {
            return new PostView.PhotoView(null, null, null, null, altText, Map.of());
        }
        Map<String, java.net.URI> urls = new java.util.LinkedHashMap<>();
        for (PhotoRecord.Rendition rendition : result.renditions()) {
            if (rendition.name().equals(MediaKeys.PREVIEW) != unlocked) { // the preview only, before buying
                urls.put(rendition.name(), media.thumbnailUrl(rendition.key()));
            }
        }
        return new PostView.PhotoView(result.width(), result.height(), result.dominantColor(), result.placeholder(),
                altText, urls);
    }
}
