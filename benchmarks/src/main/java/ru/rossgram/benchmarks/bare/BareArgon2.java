package ru.rossgram.benchmarks.bare;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * The one Argon2id hash a sign-up or sign-in computes, with the library and the production settings the real
 * functions use (password4j; PasswordHashingConfig's m = 19,456 KiB, t = 2, p = 1; 32-byte hashes), timed: the
 * first hash in the JVM prints {@code argon2Millis=} on stdout, which the probe's caller reads with the probe's own
 * lines, so the report can show the hash in its own column and take it out of both sides of the ratio.
 */
final class BareArgon2 {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static boolean reported;

    private BareArgon2() {
    }

    /** A new PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$...}) of {@code password}. */
    static String hash(String password) {
        long started = System.nanoTime();
        String hash = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, 32, Argon2.ID).hash(password).getResult();
        report(started);
        return hash;
    }

    /** Whether {@code password} matches the stored PHC string, as PasswordHasher.matches checks it. */
    static boolean matches(String password, String hash) {
        long started = System.nanoTime();
        boolean matches = Argon2Function.getInstanceFromHash(hash).check(password, hash);
        report(started);
        return matches;
    }

    private static synchronized void report(long startedNanos) {
        if (!reported) {
            reported = true;
            System.out.println("argon2Millis=" + Math.round((System.nanoTime() - startedNanos) / 1_000_000.0));
        }
    }
}
