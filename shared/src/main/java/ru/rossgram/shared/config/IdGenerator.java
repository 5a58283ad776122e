package ru.rossgram.shared.config;

import com.github.f4b6a3.ulid.UlidFactory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of ids: ULIDs, which sort by creation time, so "newest first" is a key order.
 * Monotonic within a millisecond, so ids made in one burst still sort in the order they were made.
 */
@Singleton
public class IdGenerator {
    private final UlidFactory factory;

    public IdGenerator(Clock clock) {
        this.factory = UlidFactory.newMonotonicInstance(clock::millis);
    }

    public String newId() {
        return factory.create().toString();
    }
}
