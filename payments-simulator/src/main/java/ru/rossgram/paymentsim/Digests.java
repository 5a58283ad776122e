package ru.rossgram.paymentsim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The simulator's own signing code, written apart from the gateways' on purpose. */
final class Digests {
    private Digests() {
    }

    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(algorithm, e);
        }
    }

    static String hmacSha256Base64(String key, byte[] data) {
        return Base64.getEncoder().encodeToString(hmacSha256(key, data));
    }

    /** Unpadded base64url, as a JWT's signature is written. */
    static String hmacSha256Base64Url(String key, byte[] data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmacSha256(key, data));
    }

    private static byte[] hmacSha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean same(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
