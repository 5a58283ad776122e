package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** The caller's own account: read it, change its username, display name, bio and whether it is private. */
@Singleton
public class ProfileService {
    private final AccountViews views;
    private final AccountRepository accounts;
    private final ReservedNames reservedNames;
    private final TransactionWriter transactions;
    private final List<ProfileSideEffects> sideEffects;

    public ProfileService(AccountRepository accounts, AccountViews views, ReservedNames reservedNames,
                          TransactionWriter transactions, List<ProfileSideEffects> sideEffects) {
        this.sideEffects = sideEffects;
        this.views = views;
        this.accounts = accounts;
        this.reservedNames = reservedNames;
        this.transactions = transactions;
    }

    /** @throws ProblemException 404 when the account behind a valid token no longer exists */
    public AccountView me(Caller caller) {
        return views.of(load(caller));
    }

    /**
     * Changes the fields sent. A new username is taken in one transaction with the profile's change: its claims
     * move from the old name to the new, so the old name is free the moment the new one is taken, and of several
     * accounts renaming to one name at once exactly one gets it. Sessions carry the account's id, not its name, so
     * they stay valid. A change of case only ({@code Anna} to {@code anna}) moves no claim.
     *
     * @throws ProblemException 400 for invalid fields or an empty update; 409 {@code username-taken},
     *         {@code username-lookalike} or {@code username-reserved} for a name that cannot be taken (nothing
     *         changes), {@code concurrent-update} on a concurrent update
     */
    public AccountView update(Caller caller, ProfileUpdate update) {
        if (update.username() == null && update.displayName() == null && update.bio() == null
                && update.privateAccount() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "Send at least one of username, displayName, bio, private.");
        }
        String username = update.username() == null ? null : AccountRules.username(update.username());
        String displayName = update.displayName() == null ? null : AccountRules.displayName(update.displayName());
        String bio = update.bio() == null ? null : AccountRules.bio(update.bio());
        Account current = load(caller);
        Account changed = new Account(current.userId(), username == null ? current.username() : username, current.email(),
                displayName == null ? current.displayName() : displayName,
                bio == null ? current.bio() : bio,
                current.createdAt(), current.version(), current.avatar(),
                update.privateAccount() == null ? current.privateAccount() : update.privateAccount(), current.membership());
        Account written = AccountRules.usernameKey(changed.username()).equals(AccountRules.usernameKey(current.username()))
                ? accounts.updateProfile(changed, current.version())
                : rename(current, changed);
        if (!written.username().equals(current.username())
                || !Objects.equals(written.displayName(), current.displayName())) {
            sideEffects.forEach(effect -> effect.named(written));
        }
        return views.of(written);
    }

    private Account rename(Account current, Account renamed) {
        TransactionPlan plan = new TransactionPlan();
        accounts.addRename(plan, current, renamed.username());
        if (!UsernameSkeleton.alike(current.username(), renamed.username())) {
            // Within one skeleton the account only respells the name it has (existing names stay, reserved or not).
            reservedNames.guard(plan, renamed.username(), null);
        }
        accounts.addProfileUpdate(plan, renamed, current.version());
        plan.commit(transactions).ifPresent(reasons -> {
            throw new IllegalStateException("rename transaction cancelled: " + reasons);
        });
        return renamed.withVersion(current.version() + 1);
    }

    private Account load(Caller caller) {
        return accounts.findById(caller.userId())
                .map(AccountRepository.StoredAccount::account)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "This account no longer exists."));
    }
}
