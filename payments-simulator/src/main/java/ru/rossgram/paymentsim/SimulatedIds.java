package ru.rossgram.paymentsim;

import java.security.SecureRandom;

/**
 * Where a simulator's numeric provider ids start. Tests that share one table start several simulators, sometimes
 * in the same millisecond, so the clock alone repeats ids (a checkout once failed on a PaymentId another
 * simulator had already issued); a random block of a thousand ids on top of it makes that as unlikely as a real
 * provider's collision.
 */
final class SimulatedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SimulatedIds() {
    }

    /** A 16-digit number: this millisecond, times a thousand, plus one of 2^30 random blocks of a thousand. */
    static long firstOfRun() {
        return System.currentTimeMillis() * 1000 + RANDOM.nextInt(1 << 30) * 1000L;
    }
}
