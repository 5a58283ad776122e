package ru.rossgram.shared.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans with no configuration of their own. Time is injected so tests can fix it. */
@Factory
public class CoreBeans {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
