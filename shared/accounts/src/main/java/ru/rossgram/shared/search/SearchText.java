package ru.rossgram.shared.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How names, hashtags and queries are compared in search, so that Russian users find what they mean whichever
 * alphabet they type in: {@code buzova} finds {@code Бузова}, {@code Бузова} finds {@code buzova}, {@code ё} is
 * {@code е}, case never matters.
 *
 * <p>{@link #key} spells any text in one folded Latin alphabet. Cyrillic letters become their usual Latin
 * transliteration (б b, ж zh, х h, ц c, ч ch, ш and щ sh, ы and й i, ю iu, я ia, ъ and ь nothing, ё and э e), and the
 * Latin spellings of the same sounds fold to the same letters (kh h, ts and tz c, sch and shch sh, x ks, y and j i,
 * c k, w v, q k, ph f, ck k), so the several ways of writing a Russian name in Latin letters meet the Cyrillic one
 * at least by prefix. A letter repeated next to itself counts once: transliteration doubles letters where people
 * typing Latin do not ("Юлия" is {@code iuliia}, "Yulia" {@code iulia}; "Дмитрий" {@code dmitrii}, "Dmitry"
 * {@code dmitri}; "Анна" and "Ana"), so both fold to one spelling. Accents are dropped, digits kept, everything else
 * (spaces, {@code .}, {@code _}, punctuation, emoji) dropped. Pure; no I/O.
 */
public final class SearchText {
    /** The longest prefix an index item is written for; a longer query reads the items of its first 12. */
    public static final int MAX_PREFIX = 12;

    private static final Map<Character, String> CYRILLIC = cyrillic();
    /** Latin spellings folded, longest first at each position. */
    private static final List<String[]> LATIN = List.of(
            new String[] {"shch", "sh"}, new String[] {"sch", "sh"}, new String[] {"sh", "sh"},
            new String[] {"ch", "ch"}, new String[] {"zh", "zh"}, new String[] {"kh", "h"},
            new String[] {"ts", "c"}, new String[] {"tz", "c"}, new String[] {"ck", "k"}, new String[] {"ph", "f"},
            new String[] {"x", "ks"}, new String[] {"y", "i"}, new String[] {"j", "i"}, new String[] {"c", "k"},
            new String[] {"w", "v"}, new String[] {"q", "k"});

    private SearchText() {
    }

    /** The folded Latin spelling {@code text} is indexed and searched by (may be empty). */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            String cyrillic = CYRILLIC.get(c);
            if (cyrillic != null) {
                out.append(cyrillic);
                i++;
                continue;
            }
            String[] latin = latinAt(lower, i);
            if (latin != null) {
                out.append(latin[1]);
                i += latin[0].length();
                continue;
            }
            String plain = stripAccents(c);
            if (plain.length() == 1 && (isAsciiLetter(plain.charAt(0)) || Character.isDigit(plain.charAt(0)))) {
                // An accented Latin letter folds like its plain one (é is e, ç is c, then c is k).
                String[] folded = plain.charAt(0) != c ? latinAt(plain, 0) : null;
                out.append(folded != null && folded[0].length() == 1 ? folded[1] : plain);
            }
            i++;
        }
        return withoutRepeatedLetters(out);
    }

    /** {@code folded} with each run of one letter written once (digits stay as they are: 1100 is not 10). */
    private static String withoutRepeatedLetters(CharSequence folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (i == 0 || c != folded.charAt(i - 1) || !isAsciiLetter(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A hashtag's identity, as stored and as a hashtag page's {@code {tag}} is read: NFC, lower case, {@code ё} as
     * {@code е}, without a leading {@code #}. Alphabets are not merged here (#москва and #moskva are two tags);
     * search finds both by {@link #key}.
     */
    public static String tag(String text) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        return Normalizer.normalize(t, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    /** The prefixes of {@code key} an index item is written for: lengths 1 to {@link #MAX_PREFIX}. */
    public static List<String> prefixes(String key) {
        List<String> prefixes = new ArrayList<>();
        for (int length = 1; length <= Math.min(MAX_PREFIX, key.length()); length++) {
            prefixes.add(key.substring(0, length));
        }
        return prefixes;
    }

    /**
     * The keys a display name is found by: each word's (words split at spaces and dashes, so "Римский-Корсаков" is
     * found by "korsakov"), and the whole name's, so a query of first and last name together ("masha petrova",
     * folded to one key without spaces) finds it too; no empty ones, no repeats.
     */
    public static List<String> displayNameKeys(String displayName) {
        Set<String> keys = new LinkedHashSet<>();
        if (displayName == null) {
            return List.of();
        }
        for (String word : displayName.split("[\\s\\p{Z}\\p{Pd}]+")) {
            String key = key(word);
            if (!key.isEmpty()) {
                keys.add(key);
            }
        }
        String whole = key(displayName);
        if (!whole.isEmpty()) {
            keys.add(whole);
        }
        return List.copyOf(keys);
    }

    private static String[] latinAt(String text, int at) {
        for (String[] rule : LATIN) {
            if (text.startsWith(rule[0], at)) {
                return rule;
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static String stripAccents(char c) {
        return Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static Map<Character, String> cyrillic() {
        String[][] pairs = {
                {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
                {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
                {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "h"}, {"ц", "c"},
                {"ч", "ch"}, {"ш", "sh"}, {"щ", "sh"}, {"ъ", ""}, {"ы", "i"}, {"ь", ""}, {"э", "e"}, {"ю", "iu"},
                {"я", "ia"}, {"і", "i"}, {"ї", "i"}, {"є", "e"}, {"ґ", "g"}};
        Map<Character, String> map = new java.util.HashMap<>();
        for (String[] pair : pairs) {
            map.put(pair[0].charAt(0), pair[1]);
        }
        return Map.copyOf(map);
    }
}
