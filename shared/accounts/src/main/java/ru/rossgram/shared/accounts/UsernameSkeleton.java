package ru.rossgram.shared.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What a username looks like on a screen, so that names a reader cannot tell apart are one name: {@code buzova},
 * {@code buzоva} (Cyrillic о), {@code buz0va}, {@code BUZ.OVA} and {@code buz_ova} share the skeleton {@code buzova}.
 * Usernames are unique by it (beside the exact, case-insensitive name), and reserved names are matched by it.
 *
 * <p>The skeleton is the name in NFC, case folded ({@code Locale.ROOT}), with '.' and '_' dropped (they only change
 * spacing) and each character below replaced by the one it passes for. Letters that have a Latin twin become the
 * Latin letter, so a Latin name and its Cyrillic spelling meet:
 * <pre>
 *   Cyrillic  Latin   why (the form in which they pass for each other)
 *   а         a       both cases
 *   в         b       upper case (В / B)
 *   е, ё      e       both cases; ё's dots are small, and Russian writes ё as е anyway
 *   к         k       both cases
 *   м         m       upper case (М / M)
 *   н         h       upper case (Н / H)
 *   о         o       both cases
 *   п         n       lower case in sans-serif
 *   р         p       both cases
 *   с         c       both cases
 *   т         t       upper case (Т / T)
 *   у         y       both cases
 *   х         x       both cases
 *   г         r       lower case in sans-serif
 * </pre>
 * Within Cyrillic: й becomes и (the breve is as small as ё's dots) and ъ becomes ь.
 *
 * <p>Digits that pass for letters: {@code 0} is {@code o}, {@code 1} is {@code l}, {@code 3} is {@code з},
 * {@code 4} is {@code ч} (the open four) and {@code 6} is {@code б}. The last three cost nothing to a Latin name
 * (з, ч and б never occur in one, as a name has one alphabet) and stop {@code 3оя} against {@code зоя}. Not folded:
 * {@code 2}/z, {@code 5}/s, {@code 7}/t, {@code 8}/b, {@code 9}/g, which pass only in stylised type; folding them
 * would mostly refuse honest names that carry a year ({@code anna2005}).
 *
 * <p>Deliberately not folded: {@code i} and {@code l}. A capital I and a small l look alike, but the skeleton folds
 * case first, and folding i into l as well would make real pairs one name ({@code ilia} and {@code lila}). Nor
 * are runs folded ({@code rn}/{@code m}, {@code vv}/{@code w}): names would collide in ways nobody could predict.
 */
public final class UsernameSkeleton {
    private static final Map<Character, Character> PASSES_FOR = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('к', 'k'),
            Map.entry('м', 'm'), Map.entry('н', 'h'), Map.entry('о', 'o'), Map.entry('п', 'n'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('т', 't'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('г', 'r'),
            Map.entry('й', 'и'), Map.entry('ъ', 'ь'),
            Map.entry('0', 'o'), Map.entry('1', 'l'), Map.entry('3', 'з'), Map.entry('4', 'ч'), Map.entry('6', 'б'));

    private UsernameSkeleton() {
    }

    /** The skeleton of {@code username} (any text; usernames are checked for shape elsewhere). */
    public static String of(String username) {
        String folded = Normalizer.normalize(username, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder skeleton = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c != '.' && c != '_') {
                skeleton.append(PASSES_FOR.getOrDefault(c, c));
            }
        }
        return skeleton.toString();
    }

    /** Whether two usernames look alike (share a skeleton). */
    public static boolean alike(String one, String other) {
        return of(one).equals(of(other));
    }
}
