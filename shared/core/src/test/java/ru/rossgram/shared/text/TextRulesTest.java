package ru.rossgram.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;

class TextRulesTest {
    @Test
    void singleLine_refusesEveryControlCharacterAndLineSeparator_namingTheRule() {
        for (String bad : List.of("a\u0000b", "a\nb", "a\rb", "tab\t", "\u001fend", "del\u007f", "c1\u0085", "a\u2028b", "a\u2029b")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> TextRules.singleLine("location", bad));
            assertEquals("location: " + TextRules.SINGLE_LINE, problem.detail());
        }
        assertEquals("Москва, Красная площадь 😀", TextRules.singleLine("location", "Москва, Красная площадь 😀"));
    }

    @Test
    void multiLine_keepsLineBreaks_asNewlines_andRefusesOtherControlCharacters() {
        assertEquals("one\ntwo\nthree", TextRules.multiLine("bio", "one\r\ntwo\nthree"));
        for (String bad : List.of("a\u0000b", "lone\rreturn", "tab\t", "\u001fend", "bell\u0007", "c1\u0085")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> TextRules.multiLine("bio", bad));
            assertEquals("bio: " + TextRules.MULTI_LINE, problem.detail());
        }
    }
}
