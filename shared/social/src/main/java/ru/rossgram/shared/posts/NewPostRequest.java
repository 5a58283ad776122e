package ru.rossgram.shared.posts;

import java.util.List;

/**
 * Body of {@code POST /v1/posts}: upload ids in display order; the rest is optional. {@code price} (kopecks) puts
 * the post on sale: its photos are then shown only to buyers. {@code minTierRank} (1 to 5) makes it a post for the
 * author's subscribers of that rank and above. A post may have both; either needs photos uploaded as
 * {@code paid-post}. {@code campaignId} shares one of the author's launched crowdfunding campaigns: the post's views
 * then name it.
 */
public record NewPostRequest(List<String> uploads, String caption, List<String> altTexts, String location, Long price,
                             Integer minTierRank, String campaignId) {

    /** A request that shares no campaign. */
    public NewPostRequest(List<String> uploads, String caption, List<String> altTexts, String location, Long price,
                          Integer minTierRank) {
        this(uploads, caption, altTexts, location, price, minTierRank, null);
    }
}
