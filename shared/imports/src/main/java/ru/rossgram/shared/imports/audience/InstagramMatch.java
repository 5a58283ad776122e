package ru.rossgram.shared.imports.audience;

import com.fasterxml.jackson.annotation.JsonProperty;
import ru.rossgram.shared.accounts.AccountView;

/**
 * An account here that the viewer followed, or was followed by, on Instagram ({@code GET /v1/me/instagram/matches}).
 * It names only the account and why it is suggested: never who else's list held whom.
 *
 * @param privateAccount    {@code private} in JSON
 * @param instagramUsername the Instagram name the account linked
 * @param why               the suggestion in words ("You followed @x on Instagram", "@x followed you on Instagram")
 */
public record InstagramMatch(String id, String username, String displayName, AccountView.AvatarView avatar,
                             @JsonProperty("private") boolean privateAccount, String instagramUsername, boolean youFollowedOnInstagram,
                             boolean followedYouOnInstagram, String why) {
}
