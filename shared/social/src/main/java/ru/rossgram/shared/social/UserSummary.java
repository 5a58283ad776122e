package ru.rossgram.shared.social;

import ru.rossgram.shared.accounts.AccountView;

/** An account in a list (followers, following): enough to show a row and open the profile. */
public record UserSummary(String id, String username, String displayName, AccountView.AvatarView avatar) {
}
