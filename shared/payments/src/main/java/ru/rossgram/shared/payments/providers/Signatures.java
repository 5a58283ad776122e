package ru.rossgram.shared.payments.providers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The digests providers sign with, and the one way we compare what they sent: in constant time. */
public final class Signatures {
    private Signatures() {
    }

    /** Lower-case hex of {@code algorithm} ("MD5", "SHA-256", ...) over the UTF-8 bytes of {@code text}. */
    public static String digestHex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no digest " + algorithm, e);
        }
    }

    public static String sha256Hex(String text) {
        return digestHex("SHA-256", text);
    }

    public static String md5Hex(String text) {
        return digestHex("MD5", text);
    }

    /** Base64 of HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    public static String hmacSha256Base64(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmacSha256(body, secret));
    }

    /** HMAC-SHA256 of {@code body} keyed with the UTF-8 bytes of {@code secret}. */
    public static byte[] hmacSha256(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether two signatures are equal, in time that does not depend on where they differ; null never matches. */
    public static boolean sameSignature(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), received.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #sameSignature} for hex, which providers send in either case. */
    public static boolean sameHex(String expected, String received) {
        return received != null && sameSignature(expected.toLowerCase(Locale.ROOT), received.trim().toLowerCase(Locale.ROOT));
    }
}
