package ru.rossgram.shared.auth;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.rossgram.shared.config.RossgramConfig;

/**
 * The token a refresh token rotates into: {@code HMAC-SHA256(chainKey, sessionId + "." + secret)}, where the chain
 * key is derived from the access-token secret under a label of its own (so neither key can stand in for the other).
 *
 * <p>Deriving the successor, rather than drawing it at random, lets a client that presents the same token twice
 * within the reuse grace get the <em>same</em> successor again, while the table still holds only hashes: computing
 * a successor takes the presented token and the server's key. A session's first token is random, so every chain
 * starts from a secret only its device ever held. The price of the grace: a thief replaying a stolen token within
 * it gets the same successor as the owner; whichever of the two refreshes second, after the grace, then presents a
 * rotated token and the session is revoked, as without the grace.
 *
 * <p>Changing the access-token secret changes the successors: current tokens keep working (their hashes are
 * stored), and only a token rotated away just before the change loses its grace.
 */
@Singleton
public class RefreshTokenChain {
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] LABEL = "rossgram refresh-token successor v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec chainKey;

    public RefreshTokenChain(RossgramConfig config) {
        this.chainKey = new SecretKeySpec(hmac(new SecretKeySpec(AccessTokens.decodeKey(config.accessTokenSecret()), ALGORITHM), LABEL), ALGORITHM);
    }

    /** The token {@code presented} rotates into: the same for the same token, unguessable without our key. */
    public RefreshToken successor(RefreshToken presented) {
        byte[] secret = hmac(chainKey, presented.value().getBytes(StandardCharsets.US_ASCII));
        return new RefreshToken(presented.sessionId(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe, and cheap to make
            mac.init(key);
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256 and takes any non-empty key", e);
        }
    }
}
