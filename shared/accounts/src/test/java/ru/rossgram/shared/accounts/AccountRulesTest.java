package ru.rossgram.shared.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;

class AccountRulesTest {

    @Test
    void usernames_areLatinOrCyrillic_withDigitsDotsAndUnderscores() {
        for (String name : new String[] {"anna.k", "Masha_2005", "маша.фото", "Ёлка_2026", "ЮЛЯ", "123"}) {
            assertEquals(name, AccountRules.username(name));
            assertTrue(AccountRules.isUsername(name), name);
        }
    }

    @Test
    void aNameMixingAlphabets_isRefused_namingTheRule() {
        ProblemException refused = assertThrows(ProblemException.class, () -> AccountRules.username("buzоva"));
        assertEquals("username: letters of one alphabet: Latin or Cyrillic, not both", refused.getMessage());
        assertFalse(AccountRules.isUsername("buzоva"));
    }

    @Test
    void otherCharacters_andLengths_areRefused() {
        for (String name : new String[] {"ab", "x".repeat(31), "ma sha", "masha!", "ißt", "ґанна", "اسم"}) {
            assertThrows(ProblemException.class, () -> AccountRules.username(name), name);
            assertFalse(AccountRules.isUsername(name), name);
        }
    }

    @Test
    void aDecomposedYo_isStoredAsTheLetter() {
        assertEquals("ёлка", AccountRules.username("е\u0308лка"));
        assertEquals("ёлка", AccountRules.usernameKey("Ёлка"));
    }
}
