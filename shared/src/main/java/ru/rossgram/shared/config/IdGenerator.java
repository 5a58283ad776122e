package ru.rossgram.shared.config;

import com.github.f4b6a3.ulid.UlidFactory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * The one source of ids: ULIDs, which sort by creation time, so "newest first" is a key order.
 * Monotonic within a millisecond, so ids made in one burst still sort in the order they were made.
 */
@Singleton
public class IdGenerator {
    private final UlidFactory factory;

    public IdGenerator(Clock clock) {
        SecureRandom random = new SecureRandom(); // ids appear in URLs and tokens: not guessable
        this.factory = UlidFactory.newMonotonicInstance((LongSupplier) random::nextLong, clock::millis);
    }

    public String newId() {
        return factory.create().toString();
    }
}
