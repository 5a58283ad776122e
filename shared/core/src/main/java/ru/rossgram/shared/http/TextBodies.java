package ru.rossgram.shared.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A request body that a gateway hands over as text (not base64), back to the bytes the client sent. */
public final class TextBodies {
    /** A byte that never occurs in UTF-8. */
    private static final int NOT_UTF8 = 0xFF;

    private TextBodies() {
    }

    /**
     * The text body's bytes. {@code String.getBytes} would turn an unpaired surrogate into '?', repairing the
     * client's mistake silently; here it becomes a byte no UTF-8 reader accepts, so the strict JSON reader refuses it.
     */
    public static byte[] utf8(String body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length());
        int from = 0;
        for (int broken; (broken = StrictStrings.firstUnpairedSurrogate(body, from)) >= 0; from = broken + 1) {
            bytes.writeBytes(body.substring(from, broken).getBytes(StandardCharsets.UTF_8));
            bytes.write(NOT_UTF8);
        }
        bytes.writeBytes(body.substring(from).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
