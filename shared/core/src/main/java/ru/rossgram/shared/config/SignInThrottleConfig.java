package ru.rossgram.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How many failed sign-ins are tolerated per window before further attempts get 429.
 *
 * @param maxFailuresPerAccount failures for one account (its username and email alike; an unknown login's own)
 *                              within a window
 * @param maxFailuresPerAddress failures from one source address within a window (shared NATs are common
 *                              on mobile networks, so this is looser)
 * @param window                how long a failure counts, from the moment it was made (a sliding window)
 */
@ConfigurationProperties("rossgram.sign-in-throttle")
public record SignInThrottleConfig(
        @Bindable(defaultValue = "5") int maxFailuresPerAccount,
        @Bindable(defaultValue = "50") int maxFailuresPerAddress,
        @Bindable(defaultValue = "15m") Duration window) {
}
