package ru.rossgram.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Argon2id cost. The defaults follow OWASP's minimum (19 MiB, 2 passes, 1 lane); tests may lower them.
 *
 * @param memoryKib   memory per hash in KiB
 * @param iterations  passes over memory
 * @param parallelism lanes
 */
@ConfigurationProperties("rossgram.password-hashing")
public record PasswordHashingConfig(
        @Bindable(defaultValue = "19456") int memoryKib,
        @Bindable(defaultValue = "2") int iterations,
        @Bindable(defaultValue = "1") int parallelism) {
}
