package ru.rossgram.shared.snapshot;

import java.security.SecureRandom;

/**
 * The one source of randomness for ids, tokens, codes, shard picks and jitter. Callers draw from {@link #random()}
 * at each use, never keep it: after a Lambda SnapStart restore {@link SnapshotHooks} calls {@link #renew()}, and
 * every container resumed from one snapshot then draws from a generator seeded after its own restore (from the
 * kernel's pool, which the restore re-seeds), not from the state they all shared in the snapshot. Without
 * SnapStart (locally, on Yandex) nothing renews it and it is one ordinary {@link SecureRandom} per JVM.
 *
 * <p>Why not {@code ThreadLocalRandom}: its seeds come from a static seeder fixed at class initialisation, which a
 * snapshot copies, and it cannot be re-seeded.
 */
public final class Entropy {
    private static volatile SecureRandom random = new SecureRandom();

    private Entropy() {
    }

    /** The current generator; thread-safe. Draw from it and let go: it is replaced after a restore. */
    public static SecureRandom random() {
        return random;
    }

    /** Replaces the generator with one seeded now; called after a snapshot restore. */
    static void renew() {
        random = new SecureRandom();
    }

    /** Puts {@code generator} in place: tests stand in the state that a snapshot copies into every container. */
    static void replace(SecureRandom generator) {
        random = generator;
    }
}
