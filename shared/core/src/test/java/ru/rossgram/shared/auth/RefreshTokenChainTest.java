package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.RossgramConfig;

class RefreshTokenChainTest {
    private static final String SESSION = "01JSESSION00000000000000AA";

    private static RefreshTokenChain chain(String key) {
        return new RefreshTokenChain(new RossgramConfig("t", "", false, key, Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofSeconds(10)));
    }

    @Test
    void successor_isTheSameForTheSameToken_andParsesAsARefreshToken() {
        RefreshToken first = RefreshToken.create(SESSION);
        RefreshToken next = chain(AccessTokensTest.KEY).successor(first);
        assertEquals(next, chain(AccessTokensTest.KEY).successor(RefreshToken.parse(first.value()).orElseThrow()));
        assertEquals(next, RefreshToken.parse(next.value()).orElseThrow());
        assertEquals(SESSION, next.sessionId());
        assertNotEquals(first.secret(), next.secret());
    }

    @Test
    void successor_differsForAnotherToken_andUnderAnotherKey() {
        RefreshToken first = RefreshToken.create(SESSION);
        RefreshTokenChain ours = chain(AccessTokensTest.KEY);
        assertNotEquals(ours.successor(first), ours.successor(RefreshToken.create(SESSION)));
        assertNotEquals(ours.successor(first), chain(AccessTokensTest.OTHER_KEY).successor(first));
    }

    @Test
    void successor_isNotAKeyedHashUnderTheAccessTokenKeyItself() throws Exception {
        // the chain key is derived under its own label: an access-token signature never equals a successor
        RefreshToken first = RefreshToken.create(SESSION);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(AccessTokens.decodeKey(AccessTokensTest.KEY), "HmacSHA256"));
        String direct = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(first.value().getBytes(StandardCharsets.US_ASCII)));
        assertNotEquals(direct, chain(AccessTokensTest.KEY).successor(first).secret());
    }
}
