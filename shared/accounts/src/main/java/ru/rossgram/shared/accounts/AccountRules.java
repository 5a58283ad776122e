package ru.rossgram.shared.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.text.TextRules;

/** Shape rules for account fields; each failure names its field so the app can point at it. */
public final class AccountRules {
    static final int DISPLAY_NAME_MAX = 50;
    static final int BIO_MAX = 150;
    /**
     * Latin or Cyrillic letters (with ё), digits, '.' and '_', 3 to 30; the letters of one name come from one alphabet,
     * so a Cyrillic о cannot hide inside a Latin name (look-alikes across names are {@link UsernameSkeleton}'s job).
     */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{3,30}|[А-Яа-яЁё0-9._]{3,30}");
    private static final Pattern ANY_SCRIPT = Pattern.compile("[A-Za-zА-Яа-яЁё0-9._]{3,30}");
    // Deliberately simple: the real check is the confirmation mail; this only refuses obvious typos.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,32}");

    private AccountRules() {
    }

    /**
     * The username as it will be stored: trimmed, in NFC (an ё typed as е + combining diaeresis is the letter ё).
     *
     * @throws ProblemException 400 {@code invalid-request} naming {@code username} and the rule it breaks
     */
    public static String username(String username) {
        String value = Normalizer.normalize(TextRules.singleLine("username", required("username", username)).trim(),
                Normalizer.Form.NFC);
        if (!ANY_SCRIPT.matcher(value).matches()) {
            throw ProblemException.invalid("username", "3 to 30 characters of Latin or Cyrillic letters, 0-9, '.' and '_'");
        }
        if (!USERNAME.matcher(value).matches()) {
            throw ProblemException.invalid("username", "letters of one alphabet: Latin or Cyrillic, not both");
        }
        return value;
    }

    /** Whether {@code candidate} has a username's shape (what a profile URL or a sign-in may name). */
    static boolean isUsername(String candidate) {
        return USERNAME.matcher(Normalizer.normalize(candidate, Normalizer.Form.NFC)).matches();
    }

    /** The exact-name key: case folded ({@code Locale.ROOT} folds Cyrillic too: Ёлка and ёлка are one name). */
    static String usernameKey(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    static String email(String email) {
        String value = TextRules.singleLine("email", required("email", email)).trim();
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw ProblemException.invalid("email", "not a valid email address");
        }
        return value;
    }

    static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    static String displayName(String displayName) {
        String value = TextRules.singleLine("displayName", required("displayName", displayName)).strip();
        if (value.isEmpty() || value.codePointCount(0, value.length()) > DISPLAY_NAME_MAX) {
            throw ProblemException.invalid("displayName", "1 to " + DISPLAY_NAME_MAX + " characters");
        }
        return value;
    }

    static String bio(String bio) {
        String value = TextRules.multiLine("bio", bio).strip();
        if (value.codePointCount(0, value.length()) > BIO_MAX) {
            throw ProblemException.invalid("bio", "at most " + BIO_MAX + " characters");
        }
        return value;
    }

    static String optionalCode(String field, String code) {
        if (code == null) {
            return null;
        }
        String value = code.trim();
        if (!CODE.matcher(value).matches()) {
            throw ProblemException.invalid(field, "4 to 32 characters of letters, digits, '-' and '_'");
        }
        return value;
    }

    static String required(String field, String value) {
        if (value == null) {
            throw ProblemException.invalid(field, "required");
        }
        return value;
    }
}
