package ru.rossgram.shared.referrals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralCodesTest {
    @Test
    void codes_haveNoLookAlikeCharacters_andDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = ReferralCodes.newCode();
            assertTrue(code.matches("[a-hjkmnp-z2-9]{10}"), code);
            codes.add(code);
        }
        assertEquals(10_000, codes.size());
    }

    @Test
    void aCodeTypedInCapitalsOrWithSpaces_isTheSameCode() {
        assertEquals("k7m2xq9pwa", ReferralCodes.normalized("  K7M2XQ9PWA "));
    }
}
