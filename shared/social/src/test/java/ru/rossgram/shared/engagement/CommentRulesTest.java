package ru.rossgram.shared.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class CommentRulesTest {
    @Test
    void text_isTrimmed_andKeepsLineBreaks_asNewlines() {
        assertEquals("Где это?\nКрасота.", CommentRules.text("  Где это?\r\nКрасота. \n"));
    }

    @Test
    void text_countsCharacters_notUtf16Units() {
        String emoji = "🌅".repeat(CommentRules.TEXT_MAX); // each is two UTF-16 units
        assertEquals(emoji, CommentRules.text(emoji));
        assertRefused(emoji + "🌅");
    }

    @Test
    void text_missingBlankTooLongOrWithControlCharacters_isRefused_namingTheField() {
        for (String text : new String[] {null, "", " \n\t ", "x".repeat(CommentRules.TEXT_MAX + 1), "a\u0000b", "tab\there", "esc\u001b[31m"}) {
            assertRefused(text);
        }
    }

    @Test
    void commentIds_thatCannotBeOurs_areNotFound() {
        ProblemException problem = assertThrows(ProblemException.class, () -> CommentRules.commentId("../POST"));
        assertEquals(ProblemType.NOT_FOUND, problem.type());
        assertEquals("01JD4C2T6W8Y0A3C5E7G9J1M3P", CommentRules.commentId("01JD4C2T6W8Y0A3C5E7G9J1M3P"));
    }

    private static void assertRefused(String text) {
        ProblemException problem = assertThrows(ProblemException.class, () -> CommentRules.text(text), String.valueOf(text));
        assertEquals(ProblemType.INVALID_REQUEST, problem.type());
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.extensions().get("errors");
        assertEquals("text", errors.get(0).get("field"));
    }
}
