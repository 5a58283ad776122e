package ru.rossgram.shared.auth;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * The one place every authenticated function learns who is calling. The token comes from
 * {@code Authorization: Bearer <token>}, or, because some domestic gateways strip {@code Authorization}
 * on direct calls, from {@value #FALLBACK_HEADER} carrying the bare token (or {@code Bearer <token>}).
 */
@Singleton
public class Authenticator {
    public static final String FALLBACK_HEADER = "x-rossgram-token";

    private final AccessTokens tokens;

    public Authenticator(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * @throws ProblemException 401 when no token is presented or it is invalid, tampered or expired
     */
    public Caller authenticate(ApiRequest request) {
        String token = bearerToken(request)
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                        "Send an access token as 'Authorization: Bearer <token>'."));
        Caller caller = tokens.verify(token)
                .orElseThrow(() -> new ProblemException(ProblemType.UNAUTHORIZED,
                        "The access token is invalid or expired; refresh it or sign in again."));
        InvocationLog.caller(caller.userId()); // the access line and every later line name the caller
        return caller;
    }

    static Optional<String> bearerToken(ApiRequest request) {
        Optional<String> authorization = request.header("authorization").map(String::trim);
        if (authorization.isPresent() && !authorization.get().isEmpty()) {
            return stripScheme(authorization.get(), true);
        }
        return request.header(FALLBACK_HEADER).map(String::trim).filter(s -> !s.isEmpty())
                .flatMap(value -> stripScheme(value, false));
    }

    private static Optional<String> stripScheme(String value, boolean schemeRequired) {
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            String token = value.substring("bearer ".length()).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return schemeRequired ? Optional.empty() : Optional.of(value);
    }
}
