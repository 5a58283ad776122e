package ru.rossgram.shared.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchEntriesTest {
    @Test
    void rank_putsTheMostFollowedFirst_byOrderOfMagnitude() {
        assertEquals(9, SearchEntries.rank(0));
        assertEquals(9, SearchEntries.rank(9));
        assertEquals(8, SearchEntries.rank(10));
        assertEquals(8, SearchEntries.rank(99));
        assertEquals(7, SearchEntries.rank(100));
        assertEquals(3, SearchEntries.rank(1_000_000));
        assertEquals(0, SearchEntries.rank(5_000_000_000L));
        assertTrue("7#x".compareTo("9#a") < 0, "a lower rank sorts first");
    }

    @Test
    void anAccountIsOneEntryPerPrefix_sortedByItsClosestKey() {
        List<SearchEntries.Entry> entries = SearchEntries.of("u1", List.of("anak", "ana"), 9);
        Map<String, SearchEntries.Entry> byPrefix = entries.stream()
                .collect(Collectors.toMap(SearchEntries.Entry::prefix, e -> e));
        assertEquals(Set.of("a", "an", "ana", "anak"), byPrefix.keySet());
        assertEquals("9#ana#u1", byPrefix.get("an").sortKey());
        assertEquals(Set.of("ana", "anak"), byPrefix.get("an").keys());
        assertEquals("9#anak#u1", byPrefix.get("anak").sortKey());
    }

    @Test
    void keysLongerThanTwelveLetters_areIndexedByTheirFirstTwelve_andMatchedWhole() {
        List<SearchEntries.Entry> entries = SearchEntries.of("u1", List.of("konstantinopolskii"), 9);
        assertEquals(12, entries.size());
        assertTrue(SearchEntries.matches(entries.get(11).keys(), "konstantinopol"));
        assertTrue(!SearchEntries.matches(entries.get(11).keys(), "konstantinovich"));
    }

    @Test
    void anAccountIsFoundByItsUsernameAndEachWordOfItsDisplayName() {
        assertEquals(List.of("mashap", "masha", "petrova", "mashapetrova"),
                SearchEntries.keysOf("masha_p", "Маша Петрова"));
        assertEquals(List.of("ana"), SearchEntries.keysOf("anna", "Анна"));
    }
}
