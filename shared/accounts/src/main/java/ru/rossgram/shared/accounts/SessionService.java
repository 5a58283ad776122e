package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.auth.RefreshToken;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
@Singleton
public class SessionService {
    private final AccountViews views;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SessionIssuer issuer;
    private final PasswordHasher passwordHasher;
    private final SignInThrottle throttle;
    private final Clock clock;

    public SessionService(AccountRepository accounts, SessionRepository sessions, SessionIssuer issuer,
                          PasswordHasher passwordHasher, SignInThrottle throttle, Clock clock, AccountViews views) {
        this.views = views;
        this.accounts = accounts;
        this.sessions = sessions;
        this.issuer = issuer;
        this.passwordHasher = passwordHasher;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 401 {@code invalid-credentials} (the same for an unknown login and a wrong
     *         password), 429 when this account (by username or email alike) or address failed too often
     */
    public SignedInAccount signIn(SignInRequest request, String sourceAddress) {
        String login = AccountRules.required("login", request.login()).trim();
        String password = AccountRules.required("password", request.password());
        if (login.isEmpty() || login.length() > 254 || password.length() > 1024) {
            throw ProblemException.invalid(login.isEmpty() || login.length() > 254 ? "login" : "password", "out of range");
        }
        var stored = accounts.findByLogin(login);
        // Counted before the check, so racing attempts cannot all pass a count read before any of them failed.
        var attempt = throttle.reserve(stored.map(found -> found.account().userId()), login, sourceAddress);
        if (!passwordHasher.matches(password, stored.map(AccountRepository.StoredAccount::passwordHash).orElse(null))) {
            throw new ProblemException(ProblemType.INVALID_CREDENTIALS, "The username or password is wrong.");
        }
        throttle.release(attempt);
        Account account = stored.get().account();
        SessionIssuer.NewSession session = issuer.open(account.userId());
        sessions.create(session.session());
        return new SignedInAccount(views.of(account), session.tokens());
    }

    /**
     * Exchanges a refresh token for new tokens; the presented token stops working. Presenting a token that
     * was already rotated means it leaked (or a client raced itself), so the whole session is revoked.
     *
     * @throws ProblemException 401 {@code invalid-refresh-token}
     */
    public SessionTokens refresh(RefreshRequest request) {
        RefreshToken presented = RefreshToken.parse(AccountRules.required("refreshToken", request.refreshToken()))
                .orElseThrow(SessionService::invalidRefreshToken);
        Session session = sessions.find(presented.sessionId()).orElseThrow(SessionService::invalidRefreshToken);
        Instant now = clock.instant();
        if (!session.usableAt(now)) {
            throw invalidRefreshToken();
        }
        if (!presented.matches(session.secretHash())) {
            sessions.revoke(session.sessionId(), now, "refresh-token-reuse");
            throw new ProblemException(ProblemType.INVALID_REFRESH_TOKEN,
                    "This refresh token was already used; the session is revoked. Sign in again.");
        }
        SessionIssuer.NewSession next = issuer.rotate(session);
        if (!sessions.rotate(session, next.session().secretHash(), next.session().expiresAt())) {
            // Someone rotated this same token a moment ago: the same reuse, seen from the other side.
            sessions.revoke(session.sessionId(), now, "refresh-token-reuse");
            throw new ProblemException(ProblemType.INVALID_REFRESH_TOKEN,
                    "This refresh token was already used; the session is revoked. Sign in again.");
        }
        return next.tokens();
    }

    /** Ends the caller's session: its refresh token stops working; access tokens lapse within their short TTL. */
    public void signOut(Caller caller) {
        sessions.revoke(caller.sessionId(), clock.instant(), "sign-out");
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(ProblemType.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked.");
    }
}
