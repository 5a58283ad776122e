package ru.rossgram.shared.accounts;

/**
 * What follows an account's creation or a change of the names it is known by, beyond the profile itself: the search
 * index. Implementations are beans (in modules that know the index); every one that exists is called.
 *
 * <p>Each call happens after the profile's own write committed and must not undo it: an implementation that cannot
 * finish records why and leaves the account as committed (the next change catches up).
 */
public interface ProfileSideEffects {
    /** {@code account} was created, or its username or display name changed; it is as written. */
    void named(Account account);
}
