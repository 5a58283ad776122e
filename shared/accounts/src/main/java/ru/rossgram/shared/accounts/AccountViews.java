package ru.rossgram.shared.accounts;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import ru.rossgram.shared.media.MediaStore;

/**
 * Turns a stored account into what API responses show, with download URLs for its avatar. The media store
 * is looked up only for an account that has an avatar, so sign-up, whose accounts never do, never builds
 * S3 clients at cold start.
 */
@Singleton
public class AccountViews {
    private final Provider<MediaStore> media;

    public AccountViews(Provider<MediaStore> media) {
        this.media = media;
    }

    public AccountView of(Account account) {
        return new AccountView(account.userId(), account.username(), account.email(), account.displayName(),
                account.bio(), account.createdAt(), avatar(account.avatar()), account.privateAccount(),
                account.membership().badgeNames(), account.membership().foundingNumber(),
                account.membership().verifiedCreator());
    }

    /** The avatar as clients load it, or null for none. */
    public AccountView.AvatarView avatar(Avatar avatar) {
        if (avatar == null) {
            return null;
        }
        return new AccountView.AvatarView(avatar.photo().dominantColor(), avatar.photo().placeholder(),
                media.get().thumbnailUrls(avatar.photo()));
    }
}
