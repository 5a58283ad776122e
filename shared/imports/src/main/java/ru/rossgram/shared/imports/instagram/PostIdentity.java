package ru.rossgram.shared.imports.instagram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A post's identity, the same every time the same export (or a later export of the same account) is read: its media
 * paths in order and its date. Not the caption, which the owner may have edited between exports.
 */
final class PostIdentity {

    private PostIdentity() {
    }

    /** {@code ig-} and 32 hex digits: the first 128 bits of a SHA-256 of the date and the uris. */
    static String of(Instant takenAt, List<String> uris) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
        sha256.update((takenAt == null ? "-" : Long.toString(takenAt.getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        for (String uri : uris) {
            sha256.update((byte) '\n');
            sha256.update(uri.getBytes(StandardCharsets.UTF_8));
        }
        byte[] digest = sha256.digest();
        return "ig-" + HexFormat.of().formatHex(digest, 0, 16);
    }
}
