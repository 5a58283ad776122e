package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ru.rossgram.shared.auth.AccessTokens;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.auth.RefreshToken;
import ru.rossgram.shared.auth.RefreshTokenChain;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;

/** Makes a new session and the tokens for it; the caller decides how the session is written. */
@Singleton
public class SessionIssuer {
    private final AccessTokens accessTokens;
    private final RefreshTokenChain chain;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration sessionTtl;

    public SessionIssuer(AccessTokens accessTokens, RefreshTokenChain chain, IdGenerator ids, Clock clock, RossgramConfig config) {
        this.accessTokens = accessTokens;
        this.chain = chain;
        this.ids = ids;
        this.clock = clock;
        this.sessionTtl = config.refreshTokenTtl();
    }

    public NewSession open(String userId) {
        Instant now = clock.instant();
        String sessionId = ids.newId();
        RefreshToken refresh = RefreshToken.create(sessionId);
        Session session = Session.opened(sessionId, userId, refresh.secretHash(), now, now.plus(sessionTtl));
        return new NewSession(session, tokens(session, refresh));
    }

    /** The token {@code presented} rotates into (see {@link RefreshTokenChain}). */
    public RefreshToken successor(RefreshToken presented) {
        return chain.successor(presented);
    }

    /** The session after its current token rotated into {@code successor}, with the tokens for it. */
    public NewSession rotate(Session session, RefreshToken successor) {
        Instant now = clock.instant();
        Session next = session.rotatedTo(successor.secretHash(), now, now.plus(sessionTtl));
        return new NewSession(next, tokens(next, successor));
    }

    /** The tokens a just-rotated session already handed out, again: the same refresh token, a fresh access token. */
    public SessionTokens reissue(Session session, RefreshToken successor) {
        return tokens(session, successor);
    }

    private SessionTokens tokens(Session session, RefreshToken refresh) {
        String access = accessTokens.issue(new Caller(session.userId(), session.sessionId()));
        return new SessionTokens(access, "Bearer", accessTokens.ttl().toSeconds(), refresh.value(), session.expiresAt());
    }

    /** A session not yet written, with the tokens that will work once it is. */
    public record NewSession(Session session, SessionTokens tokens) {
    }
}
