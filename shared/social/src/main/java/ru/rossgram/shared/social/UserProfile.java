package ru.rossgram.shared.social;

import com.fasterxml.jackson.annotation.JsonProperty;
import ru.rossgram.shared.accounts.AccountView;

/**
 * An account as others see it ({@code GET /v1/users/{username}}).
 *
 * @param privateAccount {@code private} in JSON
 * @param relationship   how the viewer stands with the account; null (left out) on the viewer's own profile
 * @param badges         what a founding member's profile shows beside the name (see {@code AccountView})
 * @param instagramUsername the Instagram name the account linked ("was @name on Instagram"), or null (left out)
 */
public record UserProfile(String id, String username, String displayName, String bio, AccountView.AvatarView avatar,
                          @JsonProperty("private") boolean privateAccount, Counts counts, View relationship,
                          java.util.List<String> badges, Long foundingNumber, boolean verifiedCreator,
                          String instagramUsername) {

    /** The viewer's side of the {@link Relationship}; whether the account blocks the viewer is never shown. */
    public record View(boolean following, boolean followedBy, boolean requested, boolean blocking, boolean muting) {
        static View of(Relationship relationship) {
            return new View(relationship.following(), relationship.followedBy(), relationship.requested(),
                    relationship.blocking(), relationship.muting());
        }
    }
}
