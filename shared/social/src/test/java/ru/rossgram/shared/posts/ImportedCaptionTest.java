package ru.rossgram.shared.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportedCaptionTest {

    @Test
    void aCaptionWithinTheLimit_comesOverWhole_withItsLineBreaks() {
        PostRules.FittedCaption fitted = PostRules.importedCaption("  Привет из Казани!\r\n#лето @masha  ");
        assertEquals("Привет из Казани!\n#лето @masha", fitted.text());
        assertFalse(fitted.cut());
    }

    @Test
    void aCaptionOverTheLimit_isCutAtTheLimit_neverInsideAnEmoji() {
        // 2199 letters, then an emoji (two chars, one code point) that ends exactly at the limit, then more.
        String caption = "я".repeat(PostRules.CAPTION_MAX - 1) + "\uD83D\uDE00" + "tail";
        PostRules.FittedCaption fitted = PostRules.importedCaption(caption);
        assertTrue(fitted.cut());
        assertEquals(PostRules.CAPTION_MAX, fitted.text().codePointCount(0, fitted.text().length()));
        assertTrue(fitted.text().endsWith("\uD83D\uDE00"), "the emoji whole");

        String straddling = "я".repeat(PostRules.CAPTION_MAX) + "\uD83D\uDE00";
        String cut = PostRules.importedCaption(straddling).text();
        assertEquals("я".repeat(PostRules.CAPTION_MAX), cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
    }

    @Test
    void controlCharacters_areDropped_ratherThanTheCaptionRefused() {
        assertEquals("ab\ncd", PostRules.importedCaption("a\u0000b\ncd\u0007").text());
        assertEquals("", PostRules.importedCaption(null).text());
    }
}
