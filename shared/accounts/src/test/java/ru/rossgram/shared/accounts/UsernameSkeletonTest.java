package ru.rossgram.shared.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsernameSkeletonTest {

    @Test
    void buzova_andItsLookAlikes_shareOneSkeleton() {
        for (String name : List.of("buzova", "buzоva", "buz0va", "BUZ.OVA", "buz_ova", "Buz.0va_", "вuzova")) {
            assertEquals("buzova", UsernameSkeleton.of(name), name);
        }
    }

    @Test
    void aCyrillicName_meetsItsLatinLookAlike() {
        // "сахар" written in Cyrillic, and "caxap" typed with Latin letters, read the same.
        assertEquals(UsernameSkeleton.of("caxap"), UsernameSkeleton.of("сахар"));
        assertTrue(UsernameSkeleton.alike("МАМА", "mama"));
        assertTrue(UsernameSkeleton.alike("ТОРТ", "topt"));
        assertTrue(UsernameSkeleton.alike("нет", "het"));
    }

    @Test
    void caseFolds_inBothAlphabets() {
        assertEquals(UsernameSkeleton.of("ёлка"), UsernameSkeleton.of("ЁЛКА"));
        assertEquals(UsernameSkeleton.of("Anna"), UsernameSkeleton.of("aNNA"));
    }

    @Test
    void smallMarks_doNotMakeANewName() {
        assertTrue(UsernameSkeleton.alike("ёжик", "ежик"));
        assertTrue(UsernameSkeleton.alike("майя", "маия"));
        assertTrue(UsernameSkeleton.alike("подъезд", "подьезд"));
        // ё typed as е + combining diaeresis is the same letter
        assertEquals(UsernameSkeleton.of("ёж"), UsernameSkeleton.of("е\u0308ж"));
    }

    @Test
    void digitsThatPassForLetters_foldIntoThem() {
        assertTrue(UsernameSkeleton.alike("l0la", "lola"));
        assertTrue(UsernameSkeleton.alike("1ola", "lola"));
        assertTrue(UsernameSkeleton.alike("3оя", "зоя"));
        assertTrue(UsernameSkeleton.alike("4ай", "чай"));
        assertTrue(UsernameSkeleton.alike("6улка", "булка"));
    }

    @Test
    void differentNames_stayDifferent() {
        assertNotEquals(UsernameSkeleton.of("anna2005"), UsernameSkeleton.of("anna2006"));
        assertNotEquals(UsernameSkeleton.of("anna2005"), UsernameSkeleton.of("annazoos"));
        assertNotEquals(UsernameSkeleton.of("ilia"), UsernameSkeleton.of("lila"));
        assertNotEquals(UsernameSkeleton.of("masha"), UsernameSkeleton.of("sasha"));
        assertFalse(UsernameSkeleton.alike("rn.art", "mart"));
    }
}
