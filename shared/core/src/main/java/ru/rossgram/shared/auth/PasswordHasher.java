package ru.rossgram.shared.auth;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import ru.rossgram.shared.config.PasswordHashingConfig;

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
