package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class AuthenticatorTest {
    private final AccessTokens tokens = AccessTokensTest.tokens(AccessTokensTest.KEY, java.time.Instant.now());
    private final Authenticator authenticator = new Authenticator(tokens);

    private static ApiRequest withHeaders(Map<String, String> headers) {
        return new ApiRequest("GET /v1/me", "GET", "/v1/me", headers, Map.of(), Map.of(), null, "127.0.0.1", "r1");
    }

    @Test
    void authenticate_readsBearerAuthorization() {
        String token = tokens.issue(AccessTokensTest.ALICE);
        assertEquals(AccessTokensTest.ALICE, authenticator.authenticate(withHeaders(Map.of("authorization", "Bearer " + token))));
    }

    @Test
    void authenticate_readsFallbackHeader_whenGatewayStripsAuthorization() {
        String token = tokens.issue(AccessTokensTest.ALICE);
        assertEquals(AccessTokensTest.ALICE, authenticator.authenticate(withHeaders(Map.of("x-rossgram-token", token))));
        assertEquals(AccessTokensTest.ALICE, authenticator.authenticate(withHeaders(Map.of("x-rossgram-token", "Bearer " + token))));
    }

    @Test
    void authenticate_refusesMissingOrNonBearerCredentials() {
        for (var headers : java.util.List.of(Map.<String, String>of(), Map.of("authorization", "Basic YWxpY2U6cHc="),
                Map.of("authorization", "Bearer "), Map.of("authorization", "Bearer garbage"))) {
            ProblemException e = assertThrows(ProblemException.class, () -> authenticator.authenticate(withHeaders(headers)));
            assertEquals(ProblemType.UNAUTHORIZED, e.type());
        }
    }
}
