package ru.rossgram.shared.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The account as its owner sees it in API responses. Never carries the password hash.
 *
 * @param avatar         the profile picture, or null when none was set; see {@link AccountViews}
 * @param privateAccount {@code private} in JSON: followers need the owner's approval
 * @param badges          {@code partner}, {@code creator}, {@code early}: how a founding member joined
 * @param foundingNumber  order of arrival among the accounts created before sign-up opened; null (left out) after
 * @param verifiedCreator a creator Rossgram vouches for
 */
public record AccountView(
        String id,
        String username,
        String email,
        String displayName,
        String bio,
        Instant createdAt,
        AvatarView avatar,
        @JsonProperty("private") boolean privateAccount,
        List<String> badges,
        Long foundingNumber,
        boolean verifiedCreator) {

    /**
     * A profile picture as clients load it: paint {@code dominantColor} or decode {@code placeholder} (a
     * BlurHash) while the image loads.
     *
     * @param urls rendition name (such as {@code square320}) to a URL the client downloads it from
     */
    public record AvatarView(String dominantColor, String placeholder, Map<String, URI> urls) {
    }
}
