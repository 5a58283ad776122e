package ru.rossgram.shared.snapshot;

import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.List;
import ru.rossgram.shared.auth.PasswordHasher;

/**
 * One Argon2 hash through the function's own {@link PasswordHasher} (sign-up, sign-in): the hash's code paths run
 * once before the snapshot, and sign-in's decoy is ready. Only where the function built a hasher: the check below
 * never builds one, so a function without it does not even load Argon2.
 */
@Singleton
public class PasswordHashPriming implements PrimingStep {
    @Override
    public List<String> prime(BeanContext context) {
        if (context.getActiveBeanRegistrations(PasswordHasher.class).isEmpty()) {
            return List.of();
        }
        context.getBean(PasswordHasher.class).warmUp();
        return List.of("Argon2 hash");
    }
}
