package ru.rossgram.shared.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * Strict UTF-8: the one valid form or nothing. Overlong forms ({@code C0 AF} for {@code /}), encoded surrogates and
 * truncated sequences are refused, never repaired or decoded into something else (the JDK's decoder reports them
 * all; {@code new String(bytes, UTF_8)} and lenient parsers do not).
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * @param malformedAt the exception to throw, given the offset of the first byte that is not valid UTF-8
     */
    public static String decode(byte[] bytes, IntFunction<? extends RuntimeException> malformedAt) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, out, true);
        if (result.isError()) {
            throw malformedAt.apply(in.position());
        }
        return out.flip().toString();
    }
}
