package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static ru.rossgram.it.AccountsContract.bearer;
import static ru.rossgram.it.AccountsContract.refresh;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.signInBody;
import static ru.rossgram.it.TestSettings.unique;
import static ru.rossgram.it.User.createAccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;

/**
 * Sessions under attack and under clumsy clients: a made-up refresh token for a real session, a phone that
 * refreshes twice at once, a rotated token replayed late, and how long a leaked access token lives.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionHardeningTest {
    private static final String REUSE_GRACE = "ROSSGRAM_REFRESH_TOKEN_REUSE_GRACE";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FunctionHosts hosts;

    @BeforeAll
    void start(Backend backend) {
        hosts = new FunctionHosts(() -> backend, "RefreshSessionFunction", Map.of());
    }

    @AfterAll
    void stop() {
        hosts.close();
    }

    /** Signs a new user in through the sign-in function: the tokens it answered. */
    private static JsonNode signedIn(ApiDriver api) {
        String username = unique("sess");
        createAccount(api, username);
        Reply reply = api.post("/v1/sessions", signInBody(username, PASSWORD));
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("tokens");
    }

    /** The claims of an access token, as anyone holding it can read them. */
    private static JsonNode claims(String accessToken) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
    }

    /** A refresh token of the right shape for {@code sessionId} with a secret we never issued. */
    private static String forgedFor(String sessionId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return sessionId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String rotated(ApiDriver api, String refreshToken) {
        Reply reply = api.post("/v1/sessions/refresh", refresh(refreshToken));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().path("refreshToken").asText();
    }

    private static void assertInvalidRefreshToken(Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals("invalid-refresh-token", reply.problemType());
    }

    // --- forged tokens ----------------------------------------------------------------------------------------

    @Test
    void refresh_withAMadeUpSecretForARealSession_isRefused_andTheOwnersTokenKeepsWorking() throws Exception {
        ApiDriver owner = hosts.api();
        JsonNode tokens = signedIn(owner);
        String sessionId = claims(tokens.path("accessToken").asText()).path("sid").asText();

        ApiDriver attacker = hosts.api();
        for (int i = 0; i < 3; i++) {
            assertInvalidRefreshToken(attacker.post("/v1/sessions/refresh", refresh(forgedFor(sessionId))));
        }
        String second = rotated(owner, tokens.path("refreshToken").asText());
        // after a rotation too: a made-up secret is not mistaken for the token just rotated away
        assertInvalidRefreshToken(attacker.post("/v1/sessions/refresh", refresh(forgedFor(sessionId))));
        rotated(owner, second);
    }

    // --- a client racing itself -------------------------------------------------------------------------------

    @Test
    void refresh_tenAtOnceWithOneToken_allGetTheSameNewToken_whichThenRefreshes() throws Exception {
        ApiDriver phone = hosts.api();
        String first = signedIn(phone).path("refreshToken").asText();

        List<Reply> replies = concurrently(10, i -> phone.post("/v1/sessions/refresh", refresh(first)));
        for (Reply reply : replies) {
            assertEquals(200, reply.status(), reply.body());
            assertEquals(200, phone.send("GET", "/v1/me", null, bearer(reply.json().path("accessToken").asText())).status());
        }
        Set<String> handedOut = replies.stream().map(r -> r.json().path("refreshToken").asText()).collect(Collectors.toSet());
        assertEquals(1, handedOut.size(), handedOut.toString());
        String second = handedOut.iterator().next();
        assertNotEquals(first, second);

        String third = rotated(phone, second);
        assertNotEquals(second, third);
        rotated(phone, third);
    }

    @Test
    void refresh_reuseOfTheRotatedToken_afterTheGrace_revokesTheSession() throws Exception {
        FunctionHost shortGrace = hosts.start(Map.of(REUSE_GRACE, "1s"));
        ApiDriver phone = hosts.api(shortGrace);
        String first = signedIn(phone).path("refreshToken").asText();
        String second = rotated(phone, first);

        Thread.sleep(1500);
        assertInvalidRefreshToken(phone.post("/v1/sessions/refresh", refresh(first)));
        // the whole family is gone: the newest token, never reused, no longer works either
        assertInvalidRefreshToken(phone.post("/v1/sessions/refresh", refresh(second)));
    }

    @Test
    void refresh_reuseOfAnOlderRotatedToken_revokesTheSession_evenWithinTheGrace() {
        ApiDriver phone = hosts.api();
        String first = signedIn(phone).path("refreshToken").asText();
        String second = rotated(phone, first);
        String third = rotated(phone, second);

        // the grace covers only the token rotated away last; an older one came from somewhere else
        assertInvalidRefreshToken(phone.post("/v1/sessions/refresh", refresh(first)));
        assertInvalidRefreshToken(phone.post("/v1/sessions/refresh", refresh(third)));
    }

    // --- access tokens ----------------------------------------------------------------------------------------

    @Test
    void signIn_accessTokensLiveFiveMinutes_soARevokedSessionsTokensLapseSoon() throws Exception {
        ApiDriver phone = hosts.api();
        JsonNode tokens = signedIn(phone);
        assertEquals(300, tokens.path("expiresIn").asLong());
        JsonNode claims = claims(tokens.path("accessToken").asText());
        assertEquals(300, claims.path("exp").asLong() - claims.path("iat").asLong());

        String refreshed = phone.post("/v1/sessions/refresh", refresh(tokens.path("refreshToken").asText())).body();
        assertEquals(300, JSON.readTree(refreshed.getBytes(StandardCharsets.UTF_8)).path("expiresIn").asLong());
    }
}
