package ru.rossgram.shared.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;

/**
 * Issues and verifies access tokens: short-lived HS256 JWTs whose subject is the user id and whose
 * {@code sid} claim names the session. Verification accepts exactly HS256 with our key, so
 * {@code alg=none}, other algorithms, a wrong key, tampering and expiry are all refused.
 */
@Singleton
public class AccessTokens {
    static final String ISSUER = "rossgram";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;
    private final Duration ttl;

    public AccessTokens(RossgramConfig config, Clock clock) {
        byte[] key = decodeKey(config.accessTokenSecret());
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("ROSSGRAM_ACCESS_TOKEN_SECRET must decode to at least 32 bytes", e);
        }
        this.clock = clock;
        this.ttl = config.accessTokenTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(caller.userId())
                .claim("sid", caller.sessionId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing with a valid key cannot fail", e);
        }
        return jwt.serialize();
    }

    /** The caller a token speaks for, or empty if the token is not one we issued and still valid. */
    public Optional<Caller> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            String sessionId = claims.getStringClaim("sid");
            if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null || sessionId == null
                    || expiry == null || !expiry.toInstant().plus(CLOCK_SKEW).isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Caller(claims.getSubject(), sessionId));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The bytes of {@code ROSSGRAM_ACCESS_TOKEN_SECRET}, which other server-side keys are derived from. */
    public static byte[] decodeKey(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("ROSSGRAM_ACCESS_TOKEN_SECRET is not set");
        }
        try {
            return Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ROSSGRAM_ACCESS_TOKEN_SECRET must be base64", e);
        }
    }
}
