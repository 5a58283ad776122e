package ru.rossgram.shared.imports.instagram;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the encoding mistake in Instagram's JSON: it escapes each byte of a UTF-8 text as its own <code>&#92;u00XX</code>,
 * so "привет" arrives as "Ð¿Ñ€Ð¸Ð²ÐµÑ‚" and an emoji as four Latin-1 characters.
 */
public final class Mojibake {

    private Mojibake() {
    }

    /**
     * The text as its author typed it. Repairs only when every character is in the Latin-1 range, at least one is
     * beyond ASCII, and those characters, taken as bytes, are valid UTF-8. Anything else comes back unchanged: text
     * already right (Cyrillic, emoji, a correctly typed "café", whose lone {@code é} is not valid UTF-8) is never
     * damaged. {@code null} stays {@code null}.
     */
    public static String repair(String text) {
        if (text == null || !latin1BeyondAscii(text)) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer decoded = strict.decode(ByteBuffer.wrap(bytes));
            return decoded.toString();
        } catch (CharacterCodingException notUtf8) {
            return text;
        }
    }

    private static boolean latin1BeyondAscii(String text) {
        boolean beyondAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            beyondAscii |= c > 0x7F;
        }
        return beyondAscii;
    }
}
