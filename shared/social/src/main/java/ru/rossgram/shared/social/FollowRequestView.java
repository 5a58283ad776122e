package ru.rossgram.shared.social;

import java.time.Instant;
import ru.rossgram.shared.accounts.AccountView;

/** Someone waiting for the caller's approval to follow. */
public record FollowRequestView(String id, String username, String displayName, AccountView.AvatarView avatar,
                                Instant requestedAt) {
}
