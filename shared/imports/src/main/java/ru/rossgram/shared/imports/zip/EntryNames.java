package ru.rossgram.shared.imports.zip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/**
 * Entry names: decoded from their bytes and checked to stay inside the import.
 *
 * <p>Decoding: UTF-8 when the entry says so (flag bit 11), or when an Info-ZIP Unicode Path field (0x7075) for
 * these very bytes carries the UTF-8 name; otherwise UTF-8 if the bytes are valid UTF-8, else IBM437 as the
 * specification says. The UTF-8 guess comes first because many writers (macOS Archive Utility, Windows 10+,
 * several libraries) store UTF-8 without the flag, and a Cyrillic name decoded as IBM437 is garbage, while
 * IBM437 text that happens to be valid multi-byte UTF-8 is vanishingly rare.
 */
final class EntryNames {

    private static final Charset IBM437 = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;
    private static final int UNICODE_PATH_FIELD = 0x7075;

    private EntryNames() {
    }

    /**
     * @param raw the name's bytes in the central directory
     * @param utf8Flag whether bit 11 is set
     * @param extra the central directory's extra field bytes ({@code extraOffset}, {@code extraLength} of {@code b})
     */
    static String decode(byte[] raw, boolean utf8Flag, byte[] b, int extraOffset, int extraLength) {
        if (utf8Flag) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        String unicodePath = unicodePath(raw, b, extraOffset, extraLength);
        if (unicodePath != null) {
            return unicodePath;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, IBM437);
        }
    }

    /** The Info-ZIP Unicode Path field's name, if present and written for these very name bytes. */
    private static String unicodePath(byte[] raw, byte[] b, int at, int length) {
        int end = at + length;
        while (at + 4 <= end) {
            int id = LittleEndian.u16(b, at);
            int size = LittleEndian.u16(b, at + 2);
            int data = at + 4;
            if (data + size > end) {
                return null;
            }
            if (id == UNICODE_PATH_FIELD && size >= 5 && b[data] == 1) {
                CRC32 crc = new CRC32();
                crc.update(raw);
                if (crc.getValue() == LittleEndian.u32(b, data + 1)) {
                    return new String(b, data + 5, size - 5, StandardCharsets.UTF_8);
                }
            }
            at = data + size;
        }
        return null;
    }

    /**
     * Refuses a name that could land outside the import's own place if anyone ever wrote it to a file system.
     *
     * @throws UnsafeArchiveException ({@link Reason#UNSAFE_PATH}) for an empty name, an absolute path, a drive
     *     letter, a backslash, a NUL, or a {@code ..} segment
     */
    static void checkSafe(String name) throws UnsafeArchiveException {
        String why = null;
        if (name.isEmpty()) {
            why = "an empty name";
        } else if (name.startsWith("/")) {
            why = "an absolute path";
        } else if (name.indexOf('\\') >= 0) {
            why = "a backslash";
        } else if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            why = "a drive letter";
        } else if (name.indexOf('\0') >= 0) {
            why = "a NUL character";
        } else {
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    why = "a '..' segment";
                }
            }
        }
        if (why != null) {
            throw new UnsafeArchiveException(Reason.UNSAFE_PATH, "entry '" + printable(name) + "' has " + why);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String printable(String name) {
        String shown = name.replace('\0', '?');
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }
}
