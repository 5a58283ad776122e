package ru.rossgram.shared.posts;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.money.Money;

/**
 * A post as stored: one item with everything a reader needs (photos included), so showing a post, a grid or a
 * feed page never joins.
 *
 * @param location      place name, or null
 * @param failureReason why the post failed, or null
 * @param publishedAt   null until published
 * @param readyCount    how many photos are processed; the post publishes when it reaches the photo count
 * @param version       optimistic-locking counter of the author's edits
 * @param likeCount     how many accounts like the post (moves in the transaction that adds or removes a like)
 * @param commentCount  how many comments it has (likewise)
 * @param price         what unlocking its photos costs, fixed at creation; null for a free post
 * @param imported      brought over from another service (an Instagram export): {@code createdAt} is its original
 *                      date, and it is never pushed into followers' feeds
 * @param minTierRank   the lowest rank of the author's subscription tiers whose subscribers see its photos, fixed at
 *                      creation (a rank, not a tier, so reordering or archiving tiers never breaks it); null for a
 *                      post not for subscribers
 * @param campaignId    the author's crowdfunding campaign the post shares, fixed at creation; null for none (a post
 *                      knows only the id: the campaign is crowdfunding's)
 */
public record Post(
        String postId,
        String authorId,
        String caption,
        List<String> hashtags,
        List<String> mentions,
        String location,
        PostStatus status,
        String failureReason,
        Instant createdAt,
        Instant publishedAt,
        List<Photo> photos,
        int readyCount,
        long version,
        long likeCount,
        long commentCount,
        Money price,
        boolean imported,
        Integer minTierRank,
        String campaignId) {

    public Post {
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        photos = List.copyOf(photos);
    }

    /** A post that shares no campaign. */
    public Post(String postId, String authorId, String caption, List<String> hashtags, List<String> mentions,
                String location, PostStatus status, String failureReason, Instant createdAt, Instant publishedAt,
                List<Photo> photos, int readyCount, long version, long likeCount, long commentCount, Money price,
                boolean imported, Integer minTierRank) {
        this(postId, authorId, caption, hashtags, mentions, location, status, failureReason, createdAt, publishedAt,
                photos, readyCount, version, likeCount, commentCount, price, imported, minTierRank, null);
    }

    /** A post nobody has liked or commented on yet, such as a new one. */
    public Post(String postId, String authorId, String caption, List<String> hashtags, List<String> mentions,
                String location, PostStatus status, String failureReason, Instant createdAt, Instant publishedAt,
                List<Photo> photos, int readyCount, long version) {
        this(postId, authorId, caption, hashtags, mentions, location, status, failureReason, createdAt, publishedAt,
                photos, readyCount, version, 0, 0, null, false, null);
    }

    /** Whether it is for sale: its photos are shown to buyers (and to subscribers, if it is also for them). */
    public boolean paid() {
        return price != null;
    }

    /** Whether it is for subscribers of rank {@link #minTierRank} and above. */
    public boolean forSubscribers() {
        return minTierRank != null;
    }

    /** Whether its photos are locked for some readers: it is for sale, for subscribers, or both. */
    public boolean gated() {
        return paid() || forSubscribers();
    }

    /** The same post with its caption, tags and photos replaced (an edit), everything else kept. */
    public Post withText(String newCaption, List<String> newHashtags, List<String> newMentions, List<Photo> newPhotos) {
        return new Post(postId, authorId, newCaption, newHashtags, newMentions, location, status, failureReason,
                createdAt, publishedAt, newPhotos, readyCount, version, likeCount, commentCount, price, imported, minTierRank,
                campaignId);
    }

    /** The same post at {@code newVersion}. */
    public Post atVersion(long newVersion) {
        return new Post(postId, authorId, caption, hashtags, mentions, location, status, failureReason,
                createdAt, publishedAt, photos, readyCount, newVersion, likeCount, commentCount, price, imported, minTierRank,
                campaignId);
    }

    public boolean isAuthor(String userId) {
        return authorId.equals(userId);
    }
}
