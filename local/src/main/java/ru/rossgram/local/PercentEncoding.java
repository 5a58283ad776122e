package ru.rossgram.local;

import java.io.ByteArrayOutputStream;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.text.Utf8;

/**
 * Strict percent-decoding of a part of a URL (RFC 3986): every {@code %} starts two hex digits, and the bytes they
 * spell are UTF-8 in its one valid form. {@link java.net.URLDecoder} instead throws on a bad escape and silently
 * replaces bytes that are not UTF-8, and lenient decoders have turned overlong forms such as {@code %C0%AF} into
 * {@code /}, the classic way past a path check; here each is the client's mistake, a {@code 400}.
 */
final class PercentEncoding {
    private PercentEncoding() {
    }

    /**
     * Decodes a path segment or path: {@code +} stays a plus.
     *
     * @throws ProblemException {@code invalid-request} naming {@code field} when {@code encoded} is not valid
     */
    static String decodePath(String field, String encoded) {
        return decode(field, encoded, false);
    }

    /**
     * Decodes a query parameter's name or value, where {@code +} is a space (HTML forms, {@code URLDecoder}).
     *
     * @throws ProblemException {@code invalid-request} naming {@code field} when {@code encoded} is not valid
     */
    static String decodeQuery(String field, String encoded) {
        return decode(field, encoded, true);
    }

    private static String decode(String field, String encoded, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw ProblemException.invalid(field, "'%' must start a percent-escape of two hex digits, as in %2F");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > ' ' && c < 0x7f) {
                bytes.write(plusIsSpace && c == '+' ? ' ' : c);
            } else {
                // A URL is printable ASCII; anything else arrives percent-encoded (RFC 3986), so a server that let it
                // through (Jetty here allows what RFC 3986 does not, so that we decide) must not guess its bytes.
                throw ProblemException.invalid(field, "characters other than printable ASCII must be percent-encoded");
            }
        }
        return Utf8.decode(bytes.toByteArray(), at -> ProblemException.invalid(field, "percent-escapes must spell UTF-8 text"));
    }
}
