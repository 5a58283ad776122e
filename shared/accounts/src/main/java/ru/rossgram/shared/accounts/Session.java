package ru.rossgram.shared.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed-in device: one refresh-token family. {@code secretHash} is the hash of the refresh token that may be
 * used next; {@code rotatedHashes} are the hashes of the tokens it replaced, newest first and at most
 * {@link #ROTATED_HASHES_KEPT} (older ones are simply unknown), and {@code rotatedAt} is when the newest of them
 * was replaced (null before the first refresh). {@code revokedAt} is set on sign-out or when a rotated token is
 * reused.
 */
public record Session(
        String sessionId,
        String userId,
        String secretHash,
        List<String> rotatedHashes,
        Instant rotatedAt,
        long generation,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt) {
    /** Enough to recognise a stolen token replayed days later; few enough to keep the item a few kilobytes. */
    public static final int ROTATED_HASHES_KEPT = 20;

    public Session {
        rotatedHashes = List.copyOf(rotatedHashes);
    }

    /** A session just opened: no token rotated yet. */
    public static Session opened(String sessionId, String userId, String secretHash, Instant now, Instant expiresAt) {
        return new Session(sessionId, userId, secretHash, List.of(), null, 0, now, expiresAt, null);
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** This session after its current token rotated into the one hashed as {@code nextHash} at {@code now}. */
    public Session rotatedTo(String nextHash, Instant now, Instant nextExpiry) {
        List<String> rotated = new ArrayList<>(ROTATED_HASHES_KEPT);
        rotated.add(secretHash);
        rotated.addAll(rotatedHashes.subList(0, Math.min(rotatedHashes.size(), ROTATED_HASHES_KEPT - 1)));
        return new Session(sessionId, userId, nextHash, rotated, now, generation + 1, createdAt, nextExpiry, revokedAt);
    }

    /**
     * What a presented refresh token is to this session.
     *
     * @param presentedHash the hash of the presented token's secret
     * @param successorHash the hash of the token the presented one rotates into
     * @param grace         how long after a rotation the replaced token may be presented again
     */
    public RefreshTokenStanding standingOf(String presentedHash, String successorHash, Instant now, Duration grace) {
        if (same(presentedHash, secretHash)) {
            return RefreshTokenStanding.CURRENT;
        }
        int age = indexOf(presentedHash);
        if (age < 0) {
            return RefreshTokenStanding.UNKNOWN;
        }
        boolean withinGrace = age == 0 && rotatedAt != null && now.isBefore(rotatedAt.plus(grace));
        if (!withinGrace) {
            return RefreshTokenStanding.ROTATED_EARLIER;
        }
        // Its successor must be the current token: if not (the server key changed), we cannot hand the same one out.
        return same(successorHash, secretHash) ? RefreshTokenStanding.JUST_ROTATED : RefreshTokenStanding.UNKNOWN;
    }

    private int indexOf(String hash) {
        for (int i = 0; i < rotatedHashes.size(); i++) {
            if (same(hash, rotatedHashes.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(String hash, String stored) {
        return stored != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), stored.getBytes(StandardCharsets.US_ASCII));
    }
}
