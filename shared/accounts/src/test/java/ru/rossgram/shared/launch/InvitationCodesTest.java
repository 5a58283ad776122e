package ru.rossgram.shared.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.config.RossgramConfig;

class InvitationCodesTest {
    private static InvitationCodes codes(String secret) {
        return new InvitationCodes(new RossgramConfig("t", "", false, secret, Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofSeconds(10)));
    }

    private static final InvitationCodes CODES = codes("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    @Test
    void drawnCodes_useOnlyCharactersWithoutLookAlikes_andDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CODES.draw();
            assertTrue(code.matches("[ACDEFGHJKMNPQRTUWXY2345789]{12}"), code);
            assertTrue(seen.add(code));
        }
        for (char leftOut : "0O1IL6BZSV".toCharArray()) {
            assertTrue(InvitationCodes.ALPHABET.indexOf(leftOut) < 0, "no " + leftOut);
        }
        assertTrue(Math.pow(InvitationCodes.ALPHABET.length(), InvitationCodes.LENGTH) > Math.pow(2, 56));
    }

    @Test
    void aCodeIsShownInGroups_andReadBackHoweverItIsTyped() {
        String code = "K7QM4XTA93HC";
        assertEquals("RG-K7QM-4XTA-93HC", InvitationCodes.display(code));
        for (String typed : new String[] {"RG-K7QM-4XTA-93HC", "rg-k7qm-4xta-93hc", " k7qm 4xta 93hc ", "K7QM4XTA93HC",
                "rg k7qm–4xta—93hc", "К7QМ4ХТА93НС" /* Cyrillic К, М, Х, Т, А, Н, С from a Russian layout */}) {
            assertEquals(Optional.of(code), InvitationCodes.normalise(typed), typed);
        }
        assertEquals(Optional.of("2558GUACDEFH"), InvitationCodes.normalise("ZS5B6VACDEFH"), "each left-out twin reads as the one kept");
    }

    @Test
    void whatCannotBeACode_isNoCode() {
        for (String typed : new String[] {"", "beta_tester", "RG-K7QM-4XTA-93H", "RG-K7QM-4XTA-93HCX", "RG-K7QM-4XTA-93H0",
                "RG-K7QM-4XTA-93HI", "RG-K7QM-4XTA-93HL", "RG-K7QM-4XTA-93H!"}) {
            assertFalse(InvitationCodes.normalise(typed).isPresent(), typed);
        }
    }

    @Test
    void anIdRevealsNoCode_andDependsOnTheServersSecret() {
        String id = CODES.idOf("K7QM4XTA93HC");
        assertTrue(InvitationCodes.isId(id), id);
        assertEquals(id, CODES.idOf("K7QM4XTA93HC"));
        assertNotEquals(id, CODES.idOf("K7QM4XTA93HD"));
        assertNotEquals(id, codes("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=").idOf("K7QM4XTA93HC"));
        assertFalse(id.contains("K7QM"));
    }

    @Test
    void aMembersCodes_areTheSameEveryTime_differentPerOrdinalAndMember_andAreCodes() {
        String first = CODES.memberCode("01JFQ0Z5W1Y6D0XK7M3R9T2B4C", 1);
        assertEquals(first, CODES.memberCode("01JFQ0Z5W1Y6D0XK7M3R9T2B4C", 1));
        assertNotEquals(first, CODES.memberCode("01JFQ0Z5W1Y6D0XK7M3R9T2B4C", 2));
        assertNotEquals(first, CODES.memberCode("01JFQ0Z5W1Y6D0XK7M3R9T2B4D", 1));
        assertEquals(Optional.of(first), InvitationCodes.normalise(InvitationCodes.display(first)));
    }

    @Test
    void membersEarnOneInvitationPerIntervalOfTheirAccountsAge() {
        Duration week = Duration.ofDays(7);
        assertEquals(0, MemberInvitations.earnedBy(Duration.ofDays(6), week));
        assertEquals(1, MemberInvitations.earnedBy(Duration.ofDays(7), week));
        assertEquals(5, MemberInvitations.earnedBy(Duration.ofDays(40), week));
        assertEquals(0, MemberInvitations.earnedBy(Duration.ofSeconds(-1), week));
    }
}
