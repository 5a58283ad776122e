package ru.rossgram.shared.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void check_refusesShortPasswords() {
        assertThrows(ProblemException.class, () -> policy.check("Sh0rt!pw", "alice", "alice@example.ru"));
    }

    @Test
    void check_refusesCommonPasswords_caseInsensitively() {
        assertTrue(policy.isCommon("QWERTYUIOP"));
        assertThrows(ProblemException.class, () -> policy.check("Password123", "alice", "alice@example.ru"));
        assertThrows(ProblemException.class, () -> policy.check("йцукенгшщз", "alice", "alice@example.ru"));
    }

    @Test
    void check_refusesPasswordsContainingTheUsername() {
        assertThrows(ProblemException.class, () -> policy.check("xxAlice-2026-xx", "alice", "alice@example.ru"));
    }

    @Test
    void check_acceptsALongUncommonPassphrase() {
        assertDoesNotThrow(() -> policy.check("violet kettle sings at dawn", "alice", "alice@example.ru"));
    }
}
