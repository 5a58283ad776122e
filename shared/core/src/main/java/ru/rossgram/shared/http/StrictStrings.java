package ru.rossgram.shared.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a request's text fields: only from JSON strings (Jackson would otherwise turn {@code true} or
 * {@code 1e308} into text), and only whole characters (an escaped lone surrogate such as {@code \ud800} is not
 * a character, and would be stored as {@code ?}).
 */
final class StrictStrings extends StdScalarDeserializer<String> {

    StrictStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        int broken = firstUnpairedSurrogate(text, 0);
        if (broken >= 0) {
            throw new BrokenText(parser, String.format(Locale.ROOT,
                    "\\u%04x at character %d is half of a surrogate pair, not a character", (int) text.charAt(broken), broken));
        }
        return text;
    }

    /** The index of the first surrogate from {@code from} on that is not part of a pair, or -1. */
    static int firstUnpairedSurrogate(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Text that is not well-formed Unicode: malformed JSON, not a value of the wrong shape. */
    static final class BrokenText extends JsonMappingException {
        BrokenText(JsonParser parser, String message) {
            super(parser, message);
        }
    }
}
