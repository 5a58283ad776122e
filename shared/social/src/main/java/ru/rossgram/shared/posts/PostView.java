package ru.rossgram.shared.posts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post as API responses show it. {@code failureReason} is filled only for the author; photos not processed
 * yet have no dimensions and no URLs.
 *
 * @param likeCount    how many accounts like it
 * @param commentCount how many comments it has
 * @param likedByMe    whether the reader likes it
 * @param price        for a post on sale, what unlocking it costs; null otherwise
 * @param minTierRank  for a post for subscribers, the lowest rank of the author's tiers that opens it; null otherwise
 * @param locked       for a gated post (on sale, for subscribers, or both), whether the reader may not see it yet
 *                     (neither bought it nor subscribes at that rank or above): its photos then carry only a blurred
 *                     {@code preview}; null for a post open to all
 * @param imported     brought over from an Instagram export: {@code createdAt} is the date it was first posted there,
 *                     {@code publishedAt} when it appeared here
 * @param campaign     the crowdfunding campaign the post shares, or null
 */
public record PostView(
        String id,
        Author author,
        String caption,
        List<String> hashtags,
        List<String> mentions,
        String location,
        String status,
        String failureReason,
        Instant createdAt,
        Instant publishedAt,
        long likeCount,
        long commentCount,
        boolean likedByMe,
        Price price,
        Integer minTierRank,
        Boolean locked,
        boolean imported,
        CampaignLink campaign,
        List<PhotoView> photos) {

    /** The campaign a post shares: its id, for {@code GET /v1/campaigns/{campaignId}}. */
    public record CampaignLink(String campaignId) {
    }

    /** An amount in minor units (kopecks) and its currency. */
    public record Price(long amount, String currency) {
    }

    /**
     * Who posted; {@code username}, {@code displayName} and {@code badges} are null if the account no longer exists.
     * {@code badges} and {@code verifiedCreator} as on the author's profile.
     */
    public record Author(String id, String username, String displayName, List<String> badges, Boolean verifiedCreator) {
    }

    /**
     * @param urls rendition name to a URL the client downloads it from
     */
    public record PhotoView(Integer width, Integer height, String dominantColor, String placeholder, String altText,
                            Map<String, URI> urls) {
    }
}
