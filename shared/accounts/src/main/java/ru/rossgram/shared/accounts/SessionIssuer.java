package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import ru.rossgram.shared.auth.AccessTokens;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.auth.RefreshToken;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;

/** Makes a new session and the tokens for it; the caller decides how the session is written. */
@Singleton
public class SessionIssuer {
    private final AccessTokens accessTokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration sessionTtl;

    public SessionIssuer(AccessTokens accessTokens, IdGenerator ids, Clock clock, RossgramConfig config) {
        this.accessTokens = accessTokens;
        this.ids = ids;
        this.clock = clock;
        this.sessionTtl = config.refreshTokenTtl();
    }

    public NewSession open(String userId) {
        Instant now = clock.instant();
        String sessionId = ids.newId();
        RefreshToken refresh = RefreshToken.create(sessionId);
        Session session = new Session(sessionId, userId, refresh.secretHash(), 0, now, now.plus(sessionTtl), null);
        return new NewSession(session, tokens(session, refresh));
    }

    /** Tokens for the next generation of an existing session, after its refresh token rotated. */
    public NewSession rotate(Session session) {
        Instant expiry = clock.instant().plus(sessionTtl);
        RefreshToken refresh = RefreshToken.create(session.sessionId());
        Session next = new Session(session.sessionId(), session.userId(), refresh.secretHash(),
                session.generation() + 1, session.createdAt(), expiry, null);
        return new NewSession(next, tokens(next, refresh));
    }

    private SessionTokens tokens(Session session, RefreshToken refresh) {
        String access = accessTokens.issue(new Caller(session.userId(), session.sessionId()));
        return new SessionTokens(access, "Bearer", accessTokens.ttl().toSeconds(), refresh.value(), session.expiresAt());
    }

    /** A session not yet written, with the tokens that will work once it is. */
    public record NewSession(Session session, SessionTokens tokens) {
    }
}
