package ru.rossgram.shared.referrals;

import java.util.Locale;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * Referral codes: ten characters from an alphabet without look-alikes ({@code 0/o}, {@code 1/l/i}), so a code read
 * aloud or copied by hand still works; 31^10 (about 8 * 10^14) of them, so codes cannot be walked. Codes are
 * compared in lower case, as people type them either way.
 */
public final class ReferralCodes {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 10;

    private ReferralCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Entropy.random().nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The form a code is stored and looked up in. */
    public static String normalized(String code) {
        return code.trim().toLowerCase(Locale.ROOT);
    }
}
