package ru.rossgram.shared.accounts;

import java.util.Locale;
import java.util.regex.Pattern;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.text.TextRules;

/** Shape rules for account fields; each failure names its field so the app can point at it. */
final class AccountRules {
    static final int DISPLAY_NAME_MAX = 50;
    static final int BIO_MAX = 150;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{3,30}");
    // Deliberately simple: the real check is the confirmation mail; this only refuses obvious typos.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{4,32}");

    private AccountRules() {
    }

    static String username(String username) {
        String value = TextRules.singleLine("username", required("username", username)).trim();
        if (!USERNAME.matcher(value).matches()) {
            throw ProblemException.invalid("username", "3 to 30 characters of a-z, 0-9, '.' and '_'");
        }
        return value;
    }

    /** Whether {@code candidate} has a username's shape (what a profile URL may name). */
    static boolean isUsername(String candidate) {
        return USERNAME.matcher(candidate).matches();
    }

    static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
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
