package ru.rossgram.shared.auth;

import com.password4j.AlgorithmFinder;
import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import ru.rossgram.shared.config.PasswordHashingConfig;
import ru.rossgram.shared.snapshot.Entropy;

/** Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...}). */
@Singleton
public class PasswordHasher {
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;
    /**
     * Verified against when an account does not exist, so that "no such user" takes as long as "wrong password".
     * Made on first need, not in the constructor: one Argon2 hash is ~300 ms of cold start that sign-up never uses.
     */
    private volatile String decoyHash;
    private final AtomicLong checks = new AtomicLong();

    public PasswordHasher(PasswordHashingConfig config) {
        this.argon2 = Argon2Function.getInstance(
                config.memoryKib(), config.iterations(), config.parallelism(), HASH_BYTES, Argon2.ID);
    }

    public String hash(String password) {
        return argon2.hash(password).getResult();
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hash("decoy password that never matches");
            decoyHash = decoy; // a race makes two decoys, both valid: no lock needed
        }
        return decoy;
    }

    /**
     * Makes the decoy now, one full Argon2 hash, so that the first request pays for neither the hash's code
     * warming up nor (in sign-in) the decoy: what a snapshot's priming calls.
     */
    public void warmUp() {
        decoyHash();
    }

    /**
     * Supplements the seed of the generator password4j draws salts from (a static one of its own, which we cannot
     * replace) with bytes drawn now: after a snapshot restore, so that containers resumed from one snapshot salt
     * differently. {@link java.security.SecureRandom#setSeed} adds to the state, never weakens it.
     */
    public static void reseedSalts() {
        byte[] seed = new byte[32];
        Entropy.random().nextBytes(seed);
        AlgorithmFinder.getSecureRandom().setSeed(seed);
    }

    /** True when {@code password} matches {@code hash}; a null hash spends the same time and says no. */
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        if (hash == null) {
            argon2.check(password, decoyHash());
            return false;
        }
        return Argon2Function.getInstanceFromHash(hash).check(password, hash);
    }

    /** How many passwords this instance has checked (decoy checks included): what a sign-in throttle limits. */
    public long checks() {
        return checks.get();
    }
}
