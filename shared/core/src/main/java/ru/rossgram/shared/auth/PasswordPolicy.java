package ru.rossgram.shared.auth;

import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import ru.rossgram.shared.problem.ProblemException;

/** What a new password must be: long enough, not too long to hash cheaply, and not a common one. */
@Singleton
public class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    /** Argon2 accepts any length, but an unbounded one lets a client buy our CPU by the megabyte. */
    public static final int MAX_LENGTH = 128;
    private static final String COMMON_PASSWORDS = "/ru/rossgram/shared/auth/common-passwords.txt";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    /**
     * @throws ProblemException 400 naming the {@code password} field when the password is refused
     */
    public void check(String password, String username, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw ProblemException.invalid("password", "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw ProblemException.invalid("password", "must be at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw ProblemException.invalid("password", "is one of the most common passwords; choose another");
        }
        if (lower.contains(username.toLowerCase(Locale.ROOT))
                || lower.equals(email.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid("password", "must not contain your username or be your email");
        }
    }

    boolean isCommon(String password) {
        return common.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> passwords = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
