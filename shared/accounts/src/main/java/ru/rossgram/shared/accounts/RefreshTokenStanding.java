package ru.rossgram.shared.accounts;

/** What a presented refresh token is to its session, and so what a refresh does with it. */
public enum RefreshTokenStanding {
    /** The token that may be used next: rotate it. */
    CURRENT,
    /**
     * The token rotated away last, presented again within the grace: the same client racing itself (or a retry after
     * a lost response). Answer with the same successor; change nothing.
     */
    JUST_ROTATED,
    /** A token we issued for this session and rotated away earlier: it leaked, so the session is revoked. */
    ROTATED_EARLIER,
    /** Not a token we issued for this session (a forgery, or older than the history kept): refused, nothing changes. */
    UNKNOWN
}
