package ru.rossgram.shared.text;

import ru.rossgram.shared.problem.ProblemException;

/**
 * The control-character rule of every free-text field, checked before its length or shape rule so that the
 * client is told the real reason, and before stripping (Java counts U+001C..U+001F as white space and would
 * strip them silently). A single-line field takes no control characters and no line or paragraph separators;
 * a multi-line field takes line breaks ({@code \r\n} arrives as {@code \n}) and no other control character.
 */
public final class TextRules {
    public static final String SINGLE_LINE = "no control characters or line breaks";
    public static final String MULTI_LINE = "no control characters other than line breaks";

    private TextRules() {
    }

    /** @throws ProblemException 400 naming {@code field} when {@code value} holds a control character or line break */
    public static String singleLine(String field, String value) {
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw ProblemException.invalid(field, SINGLE_LINE);
        }
        return value;
    }

    /**
     * @return {@code value} with {@code \r\n} line breaks as {@code \n}
     * @throws ProblemException 400 naming {@code field} when {@code value} holds another control character
     */
    public static String multiLine(String field, String value) {
        String normalized = value.replace("\r\n", "\n");
        if (normalized.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw ProblemException.invalid(field, MULTI_LINE);
        }
        return normalized;
    }
}
