package ru.rossgram.shared.imports.instagram;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ru.rossgram.shared.imports.instagram.GeneratedExport.mojibake;

class MojibakeTest {

    @Test
    void repair_turnsRussianMojibakeBackIntoRussian() {
        // the characters the export's escapes parse to; shown in Windows-1252 they read "Ð¿Ñ€Ð¸Ð²ÐµÑ‚"
        String exported = "\u00d0\u00bf\u00d1\u0080\u00d0\u00b8\u00d0\u00b2\u00d0\u00b5\u00d1\u0082";
        assertEquals(exported, mojibake("привет"));
        assertEquals("привет", Mojibake.repair(exported));
    }

    @Test
    void repair_restoresFourByteEmojiAsASurrogatePair() {
        String grinning = new String(Character.toChars(0x1F600));
        String repaired = Mojibake.repair(mojibake("Лето " + grinning + " #море"));
        assertEquals("Лето " + grinning + " #море", repaired);
        assertEquals(0x1F600, repaired.codePointAt(5));
    }

    @Test
    void repair_restoresThreeByteSymbolsAndPolishLetters() {
        assertEquals("\u2764", Mojibake.repair("\u00e2\u009d\u00a4"));
        assertEquals("Radosław", Mojibake.repair("Rados\u00c5\u0082aw"));
    }

    @Test
    void repair_restoresMixedAsciiAndMojibake() {
        assertEquals("Fotos from Москва, café and ❤ @anna", Mojibake.repair(mojibake("Fotos from Москва, café and ❤ @anna")));
    }

    @Test
    void repair_leavesTextThatIsAlreadyRightUnchanged() {
        String grinning = new String(Character.toChars(0x1F600));
        for (String right : new String[]{"привет", "café", "naïve façade", "Grüße", grinning, "plain ascii #tag",
                "", "Привет café " + grinning}) {
            assertEquals(right, Mojibake.repair(right), right);
        }
    }

    @Test
    void repair_leavesStringsThatMerelyLookLikeMojibakeUnchanged() {
        for (String lookalike : new String[]{"Ã", "Ã and Ð", "ÐÐÐ", "Ã©Ã", "Ð¿Ñ", "Ð¿Ñ\u0080 нет", "ð\u009f\u0098"}) {
            assertEquals(lookalike, Mojibake.repair(lookalike), lookalike);
        }
    }

    @Test
    void repair_keepsNull() {
        assertNull(Mojibake.repair(null));
    }
}
