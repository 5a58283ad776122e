package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * Time moved through the runner ({@link LocalRunner#advanceClock}), as the subscription tests move it to a renewal or
 * past a grace period: every function reads the moved time, here through the tokens of a session (access tokens live
 * five minutes, sessions 30 days), which the sign-up, the profile and the refresh functions each check by their clock.
 */
class MovableTimeEndToEndTest {
    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of());

    private static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    private static String refresh(String token) {
        return "{\"refreshToken\": \"" + token + "\"}";
    }

    @Test
    void movingTheClock_agesTheTokensEveryFunctionChecks_asLivingThroughThatTimeWould() {
        ApiDriver api = RUNNER.api();
        JsonNode tokens = User.createAccount(api, TestSettings.unique("clock")).path("tokens");
        assertEquals(200, api.send("GET", "/v1/me", null, bearer(tokens.path("accessToken").asText())).status());

        Instant moved = RUNNER.advanceClock(Duration.ofMinutes(10));

        Reply expired = api.send("GET", "/v1/me", null, bearer(tokens.path("accessToken").asText()));
        assertEquals(401, expired.status(), "an access token of ten minutes ago: " + expired.body());
        Reply refreshed = api.post("/v1/sessions/refresh", refresh(tokens.path("refreshToken").asText()));
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(200, api.send("GET", "/v1/me", null, bearer(refreshed.json().path("accessToken").asText())).status());
        Instant sessionEnds = Instant.parse(refreshed.json().path("refreshTokenExpiresAt").asText());
        assertTrue(!sessionEnds.isBefore(moved.plus(Duration.ofDays(30)).minusSeconds(60)),
                "the session is renewed for 30 days from the moved time: " + sessionEnds);

        RUNNER.advanceClock(Duration.ofDays(31));

        Reply ended = api.post("/v1/sessions/refresh", refresh(refreshed.json().path("refreshToken").asText()));
        assertEquals(401, ended.status(), "a session a month past its last refresh: " + ended.body());
    }
}
