package ru.rossgram.shared.imports.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchWhyTest {

    @Test
    void says_whoFollowedWhom_inTheViewersWords() {
        assertEquals("You followed @boris on Instagram", MatchWhy.of("boris", true, false));
        assertEquals("@anna followed you on Instagram", MatchWhy.of("anna", false, true));
        assertEquals("You and @dima followed each other on Instagram", MatchWhy.of("dima", true, true));
    }
}
