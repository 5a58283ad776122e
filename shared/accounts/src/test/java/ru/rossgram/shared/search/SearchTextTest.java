package ru.rossgram.shared.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Russian user types finds what they mean, whichever alphabet either side was written in. */
class SearchTextTest {
    /** Whether typing {@code query} finds a name written {@code name}: the query's key is a prefix of the name's. */
    private static void assertFinds(String query, String name) {
        String q = SearchText.key(query);
        String n = SearchText.key(name);
        assertTrue(!q.isEmpty() && n.startsWith(q), "'" + query + "' (" + q + ") should find '" + name + "' (" + n + ")");
    }

    private static void assertFindsBothWays(String latin, String cyrillic) {
        assertFinds(latin, cyrillic);
        assertFinds(cyrillic, latin);
    }

    @Test
    void latinFindsCyrillic_andBack() {
        assertFindsBothWays("buzova", "Бузова");
        assertFindsBothWays("Khabib", "Хабиб");
        assertFindsBothWays("Tsoi", "Цой");
        assertFindsBothWays("Zhenya", "Женя");
        assertFindsBothWays("Mikhail", "Михаил");
        assertFindsBothWays("Sergey", "Сергей");
        assertFindsBothWays("Natalya", "Наталья");
    }

    @Test
    void theSeveralLatinSpellingsOfOneName_meetTheCyrillicOne() {
        for (String spelling : List.of("Yulia", "Julia", "Yuliya", "Iuliia")) {
            assertFindsBothWays(spelling, "Юлия");
        }
        assertFindsBothWays("Aleksandr", "Александр");
        assertFindsBothWays("Alexandr", "Александр");
        assertFinds("Alexand", "Александр"); // "Alexander" differs only past the typed prefix
        assertFindsBothWays("Dmitry", "Дмитрий");
        assertFindsBothWays("Dmitriy", "Дмитрий");
        assertFindsBothWays("Kseniya", "Ксения");
        assertFindsBothWays("Xenia", "Ксения");
        assertFindsBothWays("Schukin", "Щукин");
        assertFindsBothWays("Anna", "Анна");
    }

    @Test
    void aPrefixFindsTheWholeName() {
        assertFinds("Yul", "Юлия");
        assertFinds("бузо", "buzova_official");
        assertFinds("alex", "Александр");
    }

    @Test
    void yoIsYe_andCaseNeverMatters() {
        assertEquals(SearchText.key("Алёна"), SearchText.key("алена"));
        assertEquals(SearchText.key("ФЁДОР"), SearchText.key("федор"));
        assertEquals(SearchText.key("BUZOVA"), SearchText.key("buzova"));
        assertFindsBothWays("Fedor", "Фёдор");
    }

    @Test
    void punctuationUnderscoresDotsSpacesAndEmoji_areDropped_digitsKept() {
        assertEquals("buzova86", SearchText.key("buzova_86"));
        assertEquals("buzova86", SearchText.key("buzova.86"));
        assertEquals("buzova86", SearchText.key("🔥Бузова 86!🔥"));
        assertEquals("", SearchText.key("🔥 _ . !"));
        assertEquals("1100", SearchText.key("1100"));
    }

    @Test
    void accentedLatin_foldsLikePlainLatin() {
        assertEquals(SearchText.key("Zoe"), SearchText.key("Zoë"));
        assertFinds("Francois", "François");
    }

    @Test
    void displayNames_areFoundByEachWord_byTheWholeName_andAcrossDashes() {
        List<String> keys = SearchText.displayNameKeys("Маша Петрова-Водкина");
        assertTrue(keys.contains(SearchText.key("masha")), keys.toString());
        assertTrue(keys.contains(SearchText.key("petrova")), keys.toString());
        assertTrue(keys.contains(SearchText.key("vodkina")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith(SearchText.key("masha petrova"))), keys.toString());
        assertEquals(List.of(), SearchText.displayNameKeys("  🔥 "));
        assertEquals(List.of("ana"), SearchText.displayNameKeys("Анна"));
    }

    @Test
    void prefixes_areOneToTwelveLetters() {
        assertEquals(List.of("b", "bu", "buz"), SearchText.prefixes("buz"));
        List<String> long12 = SearchText.prefixes("aleksandrovich");
        assertEquals(12, long12.size());
        assertEquals("aleksandrovi", long12.get(11));
    }

    @Test
    void tags_keepTheirAlphabet_butFoldCaseAndYo() {
        assertEquals("ёлка".replace('ё', 'е'), SearchText.tag("#Ёлка"));
        assertEquals("moskva", SearchText.tag("MOSKVA"));
    }
}
