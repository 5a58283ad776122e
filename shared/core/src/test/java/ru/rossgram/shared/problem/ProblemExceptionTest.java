package ru.rossgram.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {
    @Test
    void quote_keepsShortInputWhole_andCutsLongInputToAMarkedPrefix() {
        assertEquals("anna", ProblemException.quote("anna"));
        String quoted = ProblemException.quote("x".repeat(65_536));
        assertEquals(ProblemException.QUOTE_MAX, quoted.length());
        assertTrue(quoted.endsWith("…"));
    }

    @Test
    void quote_neverCutsASurrogatePairInHalf() {
        String camera = "\uD83D\uDCF7";
        for (int pad = 0; pad < 3; pad++) {
            String quoted = ProblemException.quote("a".repeat(pad) + camera.repeat(100));
            assertTrue(quoted.length() <= ProblemException.QUOTE_MAX);
            String kept = quoted.substring(0, quoted.length() - 1);
            assertEquals(kept.length(), kept.codePoints().mapToObj(Character::toString).mapToInt(String::length).sum());
            assertTrue(!Character.isHighSurrogate(kept.charAt(kept.length() - 1)), quoted);
        }
    }
}
