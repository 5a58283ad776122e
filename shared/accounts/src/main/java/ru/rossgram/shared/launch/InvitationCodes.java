package ru.rossgram.shared.launch;

import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.rossgram.shared.auth.AccessTokens;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.snapshot.Entropy;

/**
 * Invitation codes: {@code RG-XXXX-XXXX-XXXX}, twelve characters of a 26-character alphabet (56 bits) read aloud
 * and typed without look-alikes: no {@code 0 O 1 I L}, and of each pair that passes for the other ({@code 2/Z},
 * {@code 5/S}, {@code 8/B}, {@code 6/G}, {@code U/V}) only one. What people type is forgiven: any case, spaces and
 * dashes anywhere, the {@code RG} prefix or none, the left-out twin of a pair ({@code Z} reads as {@code 2}), and
 * the Cyrillic letters a Russian keyboard gives for the Latin ones they look like ({@code А, С, Е, Н, К, М, Р, Т,
 * Х, У, В, З}). {@code 0 O 1 I L} are not guessed at: a code has none, so whatever was meant is a different code.
 *
 * <p>The table stores no code: an invitation's id is its code's HMAC-SHA256 (the normalised code, under a key
 * derived from {@code ROSSGRAM_ACCESS_TOKEN_SECRET} with a label of its own; 128 bits, hex), so a code is found by
 * one key lookup, and a leaked table, or an id an operator sees, gives hashes nobody can type. A member's codes are themselves derived (an HMAC of her id and the invitation's ordinal under
 * another label), so she can see them again whenever she lists them; operators' codes are drawn at random and
 * shown once. Changing the secret makes every issued code unknown.
 */
@Singleton
public class InvitationCodes {
    static final String ALPHABET = "ACDEFGHJKMNPQRTUWXY2345789";
    static final int LENGTH = 12;
    private static final String PREFIX = "RG";
    private static final int GROUP = 4;
    private static final int ID_BYTES = 16;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{" + 2 * ID_BYTES + "}");
    private static final String ALGORITHM = "HmacSHA256";
    private static final Map<Character, Character> TYPED_AS = Map.ofEntries(
            Map.entry('Z', '2'), Map.entry('S', '5'), Map.entry('B', '8'), Map.entry('6', 'G'), Map.entry('V', 'U'),
            Map.entry('А', 'A'), Map.entry('С', 'C'), Map.entry('Е', 'E'), Map.entry('Н', 'H'), Map.entry('К', 'K'),
            Map.entry('М', 'M'), Map.entry('Р', 'P'), Map.entry('Т', 'T'), Map.entry('Х', 'X'), Map.entry('У', 'Y'),
            Map.entry('В', '8'), Map.entry('З', '3'));

    private final SecretKeySpec lookupKey;
    private final SecretKeySpec memberKey;

    public InvitationCodes(RossgramConfig config) {
        SecretKeySpec root = new SecretKeySpec(AccessTokens.decodeKey(config.accessTokenSecret()), ALGORITHM);
        this.lookupKey = new SecretKeySpec(hmac(root, "rossgram invitation-code lookup v1"), ALGORITHM);
        this.memberKey = new SecretKeySpec(hmac(root, "rossgram member invitation code v1"), ALGORITHM);
    }

    /** A fresh code, normalised (twelve characters of the alphabet), from {@link Entropy}. */
    public String draw() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(Entropy.random().nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Member {@code userId}'s {@code ordinal}-th invitation code, normalised: the same every time it is asked for. */
    public String memberCode(String userId, int ordinal) {
        BigInteger bits = new BigInteger(1, hmac(memberKey, userId + "#" + ordinal));
        BigInteger base = BigInteger.valueOf(ALPHABET.length());
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            BigInteger[] step = bits.divideAndRemainder(base);
            code.append(ALPHABET.charAt(step[1].intValue()));
            bits = step[0];
        }
        return code.toString();
    }

    /** What someone typed, as the code it means; empty when it cannot be one (then it is an unknown code). */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder();
        for (char c : typed.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(c) || c == '-' || c == '_' || c == '.' || c == '\u2010' || c == '\u2013' || c == '\u2014') {
                continue;
            }
            code.append(TYPED_AS.getOrDefault(c, c));
        }
        if (code.length() == PREFIX.length() + LENGTH && code.indexOf(PREFIX) == 0) {
            code.delete(0, PREFIX.length());
        }
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return Optional.of(code.toString());
    }

    /** A normalised code as people are shown it: {@code RG-XXXX-XXXX-XXXX}. */
    public static String display(String code) {
        StringBuilder shown = new StringBuilder(PREFIX);
        for (int i = 0; i < code.length(); i += GROUP) {
            shown.append('-').append(code, i, Math.min(code.length(), i + GROUP));
        }
        return shown.toString();
    }

    /** The id of the invitation a normalised code opens: it reveals nothing of the code without the server's secret. */
    public String idOf(String code) {
        return HexFormat.of().formatHex(hmac(lookupKey, code), 0, ID_BYTES);
    }

    /** Whether {@code id} has the shape of an invitation's id; anything else names no invitation. */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe, and cheap to make
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256 and takes any non-empty key", e);
        }
    }
}
