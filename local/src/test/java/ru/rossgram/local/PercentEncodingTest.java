package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class PercentEncodingTest {
    private static void assertRefused(String encoded) {
        ProblemException refused = assertThrows(ProblemException.class, () -> PercentEncoding.decodePath("username", encoded),
                encoded);
        assertEquals(ProblemType.INVALID_REQUEST, refused.type(), encoded);
        assertEquals(java.util.List.of(Map.of("field", "username", "reason", refused.detail().substring("username: ".length()))),
                refused.extensions().get("errors"), encoded);
    }

    @Test
    void wellFormedEscapes_decodeToTheirUtf8Text() {
        assertEquals("masha", PercentEncoding.decodePath("username", "%6Dasha"));
        assertEquals("a/b c", PercentEncoding.decodePath("username", "a%2Fb%20c"));
        assertEquals("фото", PercentEncoding.decodePath("username", "%D1%84%D0%BE%D1%82%D0%BE"));
        assertEquals("😀", PercentEncoding.decodePath("username", "%F0%9F%98%80"));
        assertEquals("100%", PercentEncoding.decodePath("username", "100%25"));
    }

    @Test
    void aPlus_isAPlusInAPath_andASpaceInAQuery() {
        assertEquals("a+b", PercentEncoding.decodePath("username", "a+b"));
        assertEquals("a b+", PercentEncoding.decodeQuery("q", "a+b%2B"));
    }

    @Test
    void aPercentNotFollowedByTwoHexDigits_isRefused() {
        assertRefused("%zz");
        assertRefused("a%");
        assertRefused("a%4");
        assertRefused("%4g");
        assertRefused("%%41");
    }

    @Test
    void overlongEncodings_areRefused_neverDecodedToTheCharacterTheyImitate() {
        assertRefused("%C0%AF"); // '/' in two bytes
        assertRefused("%C1%9C"); // '\' in two bytes
        assertRefused("%E0%80%AF"); // '/' in three bytes
        assertRefused("%F0%80%80%AF"); // '/' in four bytes
        assertRefused("..%C0%AF..%C0%AFetc");
    }

    @Test
    void otherBytesThatAreNotUtf8_areRefused_notReplaced() {
        assertRefused("%FF");
        assertRefused("%80"); // a continuation byte alone
        assertRefused("%E2%82"); // a truncated sequence
        assertRefused("%ED%A0%80"); // a UTF-16 surrogate
        assertRefused("%F4%90%80%80"); // beyond U+10FFFF
    }

    @Test
    void charactersOutsidePrintableAscii_mustArrivePercentEncoded() {
        assertRefused("фото");
        assertRefused("a b");
        assertRefused("a\tb");
    }

    @Test
    void aQueryParameter_isRefusedByItsName() {
        ProblemException refused = assertThrows(ProblemException.class, () -> QueryStrings.parse("limit=10&cursor=%zz"));
        assertEquals("cursor: '%' must start a percent-escape of two hex digits, as in %2F", refused.detail());

        ProblemException overlong = assertThrows(ProblemException.class, () -> QueryStrings.parse("limit=%C0%AF"));
        assertEquals("limit: percent-escapes must spell UTF-8 text", overlong.detail());

        assertEquals(Map.of("tag", "a,b c"), QueryStrings.parse("tag=a&tag=b+c"));
    }
}
