package ru.rossgram.shared.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans with no configuration of their own. Time is injected so tests can fix it. */
@Factory
public class CoreBeans {
    /**
     * The system clock; the {@link AdjustableClock} of that name when {@code ROSSGRAM_CLOCK_ADJUSTABLE} names one,
     * which only the local runner does (template.yaml and the Yandex deploy never set it).
     */
    @Singleton
    Clock clock(@Value("${rossgram.clock.adjustable:}") String adjustable) {
        return adjustable.isBlank() || adjustable.equalsIgnoreCase("false")
                ? Clock.systemUTC() : AdjustableClock.named(adjustable);
    }
}
