package ru.rossgram.shared.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.auth.RefreshToken;
import ru.rossgram.shared.config.IdGenerator;

/**
 * Containers resumed from one SnapStart snapshot start with the same memory, random generators included. Each test
 * stands in that copied state with two generators seeded alike, one per "container", and shows what the restore
 * hook changes.
 */
class SnapshotHooksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T18:00:00Z"), ZoneOffset.UTC);
    private final BeanContext context = BeanContext.run();
    private final SnapshotHooks hooks = SnapshotHooks.register(context);

    @AfterEach
    void close() {
        Entropy.renew();
        context.close();
    }

    @Test
    void containersFromOneSnapshot_drawTheSameRefreshTokens_withoutTheRestoreHook() {
        assertEquals(inOneContainer(false, () -> RefreshToken.create("S").value()),
                inOneContainer(false, () -> RefreshToken.create("S").value()));
    }

    @Test
    void containersFromOneSnapshot_drawDifferentRefreshTokens_afterTheRestoreHook() {
        assertNotEquals(inOneContainer(true, () -> RefreshToken.create("S").value()),
                inOneContainer(true, () -> RefreshToken.create("S").value()));
    }

    @Test
    void containersFromOneSnapshot_makeDifferentIds_inTheSameMillisecond_afterTheRestoreHook() {
        IdGenerator ids = new IdGenerator(CLOCK);
        String first = inOneContainer(true, ids::newUnrelatedId);
        String second = inOneContainer(true, ids::newUnrelatedId);
        assertEquals(first.substring(0, 10), second.substring(0, 10)); // the same millisecond
        assertNotEquals(first, second);
        assertNotEquals(inOneContainer(true, () -> new IdGenerator(CLOCK).newId()),
                inOneContainer(true, () -> new IdGenerator(CLOCK).newId()));
    }

    @Test
    void theRestoreHook_replacesTheGenerator_everyCallerDrawsFrom() {
        SecureRandom before = Entropy.random();
        hooks.reseed();
        assertTrue(Entropy.random() != before, "the generator was not replaced");
    }

    /** What {@code draw} gives in a container resumed from the snapshot, with or without the restore hook run. */
    private String inOneContainer(boolean restoreHookRuns, Supplier<String> draw) {
        Entropy.replace(snapshotState());
        if (restoreHookRuns) {
            hooks.afterRestore(null);
        }
        return draw.get();
    }

    /** A generator in the state the snapshot holds: the same every time it is made. */
    private static SecureRandom snapshotState() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG"); // seeded before first use: deterministic
            random.setSeed(new byte[] {1, 2, 3, 4});
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA1PRNG", e);
        }
    }
}
