package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** The caller's own account: read it, change its display name, bio and whether it is private. */
@Singleton
public class ProfileService {
    private final AccountViews views;
    private final AccountRepository accounts;

    public ProfileService(AccountRepository accounts, AccountViews views) {
        this.views = views;
        this.accounts = accounts;
    }

    /** @throws ProblemException 404 when the account behind a valid token no longer exists */
    public AccountView me(Caller caller) {
        return views.of(load(caller));
    }

    /**
     * @throws ProblemException 400 for invalid fields or an empty update; 409 on a concurrent update
     */
    public AccountView update(Caller caller, ProfileUpdate update) {
        if (update.displayName() == null && update.bio() == null && update.privateAccount() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Send at least one of displayName, bio, private.");
        }
        String displayName = update.displayName() == null ? null : AccountRules.displayName(update.displayName());
        String bio = update.bio() == null ? null : AccountRules.bio(update.bio());
        Account current = load(caller);
        Account changed = new Account(current.userId(), current.username(), current.email(),
                displayName == null ? current.displayName() : displayName,
                bio == null ? current.bio() : bio,
                current.createdAt(), current.version(), current.avatar(),
                update.privateAccount() == null ? current.privateAccount() : update.privateAccount(), current.membership());
        return views.of(accounts.updateProfile(changed, current.version()));
    }

    private Account load(Caller caller) {
        return accounts.findById(caller.userId())
                .map(AccountRepository.StoredAccount::account)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This account no longer exists."));
    }
}
