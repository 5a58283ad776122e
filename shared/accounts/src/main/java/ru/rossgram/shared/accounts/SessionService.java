package ru.rossgram.shared.accounts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.auth.RefreshToken;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
@Singleton
public class SessionService {
    /** A round that loses the race reads the winner's rotation in the next, so two settle it; one more to spare. */
    private static final int REFRESH_ROUNDS = 3;

    private final AccountViews views;
    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final SessionIssuer issuer;
    private final PasswordHasher passwordHasher;
    private final SignInThrottle throttle;
    private final Clock clock;
    private final Duration reuseGrace;

    public SessionService(AccountRepository accounts, SessionRepository sessions, SessionIssuer issuer,
                          PasswordHasher passwordHasher, SignInThrottle throttle, Clock clock, AccountViews views,
                          RossgramConfig config) {
        this.views = views;
        this.accounts = accounts;
        this.sessions = sessions;
        this.issuer = issuer;
        this.passwordHasher = passwordHasher;
        this.throttle = throttle;
        this.clock = clock;
        this.reuseGrace = config.refreshTokenReuseGrace();
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
     * Exchanges a refresh token for new tokens. The current token rotates into its successor; the token rotated
     * away last, presented again within the reuse grace, gets that same successor (a client refreshing twice at
     * once, or retrying a lost response, keeps its session); any older token of this session means it leaked, so
     * the session is revoked; anything else is refused and changes nothing (a session id is public in every access
     * token, so a made-up secret must not be able to sign its owner out).
     *
     * <p>The rotation is conditional on the session read; a refresh that loses the race reads again and so sees
     * the winner's rotation, within the grace.
     *
     * @throws ProblemException 401 {@code invalid-refresh-token}; 503 {@code busy} if every round lost a race
     */
    public SessionTokens refresh(RefreshRequest request) {
        RefreshToken presented = RefreshToken.parse(AccountRules.required("refreshToken", request.refreshToken()))
                .orElseThrow(SessionService::invalidRefreshToken);
        RefreshToken successor = issuer.successor(presented);
        return Contention.retry(REFRESH_ROUNDS, "The session is being refreshed elsewhere; retry shortly.",
                () -> refreshOnce(presented, successor));
    }

    private Optional<SessionTokens> refreshOnce(RefreshToken presented, RefreshToken successor) {
        Session session = sessions.find(presented.sessionId()).orElseThrow(SessionService::invalidRefreshToken);
        Instant now = clock.instant();
        if (!session.usableAt(now)) {
            throw invalidRefreshToken();
        }
        return switch (session.standingOf(presented.secretHash(), successor.secretHash(), now, reuseGrace)) {
            case CURRENT -> {
                SessionIssuer.NewSession next = issuer.rotate(session, successor);
                yield sessions.rotate(session, next.session()) ? Optional.of(next.tokens()) : Optional.empty();
            }
            case JUST_ROTATED -> Optional.of(issuer.reissue(session, successor));
            case ROTATED_EARLIER -> {
                sessions.revoke(session.sessionId(), now, "refresh-token-reuse");
                throw new ProblemException(ProblemType.INVALID_REFRESH_TOKEN,
                        "This refresh token was already used; the session is revoked. Sign in again.");
            }
            case UNKNOWN -> throw invalidRefreshToken();
        };
    }

    /** Ends the caller's session: its refresh token stops working; access tokens lapse within their short TTL. */
    public void signOut(Caller caller) {
        sessions.revoke(caller.sessionId(), clock.instant(), "sign-out");
    }

    private static ProblemException invalidRefreshToken() {
        return new ProblemException(ProblemType.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked.");
    }
}
