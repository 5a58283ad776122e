package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.PasswordHashingConfig;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new PasswordHashingConfig(1024, 1, 1));

    @Test
    void hash_isArgon2idWithARandomSalt() {
        String first = hasher.hash("violet kettle sings");
        assertTrue(first.startsWith("$argon2id$"), first);
        assertNotEquals(first, hasher.hash("violet kettle sings"));
    }

    @Test
    void matches_onlyTheRightPassword() {
        String hash = hasher.hash("violet kettle sings");
        assertTrue(hasher.matches("violet kettle sings", hash));
        assertFalse(hasher.matches("violet kettle sang", hash));
        assertFalse(hasher.matches("violet kettle sings", null));
    }

    @Test
    void warmUp_hashesOnce_withoutCountingACheck_andUnknownAccountsStillSayNo() {
        hasher.warmUp();
        assertEquals(0, hasher.checks()); // the sign-in throttle counts passwords people tried, not the priming
        assertFalse(hasher.matches("violet kettle sings", null));
    }

    @Test
    void afterTheSaltsAreReseeded_hashesStillVerify_andStillDiffer() {
        String before = hasher.hash("violet kettle sings");
        PasswordHasher.reseedSalts();
        String after = hasher.hash("violet kettle sings");
        assertNotEquals(before, after);
        assertTrue(hasher.matches("violet kettle sings", before));
        assertTrue(hasher.matches("violet kettle sings", after));
    }
}
