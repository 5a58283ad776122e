package ru.rossgram.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How many failed sign-ins are tolerated per window before further attempts get 429.
 *
 * @param maxFailuresPerAccount failures for one username or email within a window
 * @param maxFailuresPerAddress failures from one source address within a window (shared NATs are common
 *                              on mobile networks, so this is looser)
 * @param window                the fixed window the counts are kept for
 */
@ConfigurationProperties("rossgram.sign-in-throttle")
public record SignInThrottleConfig(
        @Bindable(defaultValue = "5") int maxFailuresPerAccount,
        @Bindable(defaultValue = "50") int maxFailuresPerAddress,
        @Bindable(defaultValue = "15m") Duration window) {
}
