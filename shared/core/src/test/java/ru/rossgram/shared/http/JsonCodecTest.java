package ru.rossgram.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class JsonCodecTest {
    record Form(String name, Integer count) {
    }

    record Everything(String text, Boolean flag, Long amount, java.util.List<String> items) {
    }

    private final JsonCodec json = new JsonCodec();

    private static ApiRequest body(String contentType, String body) {
        return new ApiRequest("POST /x", "POST", "/x", contentType == null ? Map.of() : Map.of("content-type", contentType),
                Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8), "127.0.0.1", "r1");
    }

    private ProblemType failure(ApiRequest request) {
        return assertThrows(ProblemException.class, () -> json.read(request, Form.class)).type();
    }

    @Test
    void read_parsesAWellFormedBody() {
        assertEquals(new Form("a", 2), json.read(body("application/json; charset=utf-8", "{\"name\":\"a\",\"count\":2}"), Form.class));
    }

    @Test
    void read_refusesClientMistakesWithTheirOwnProblemTypes() {
        assertEquals(ProblemType.MALFORMED_JSON, failure(body("application/json", "{\"name\":")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "{\"name\":\"a\",\"extra\":1}")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "{\"name\":\"a\",\"count\":\"2\"}")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "{\"name\":{}}")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "[1,2]")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "")));
        assertEquals(ProblemType.INVALID_REQUEST, failure(body("application/json", "null")));
        assertEquals(ProblemType.MALFORMED_JSON, failure(body("application/json", "{\"name\":\"a\"} trailing")));
        assertEquals(ProblemType.MALFORMED_JSON, failure(body("application/json", "{\"name\":\"a\",\"name\":\"b\"}")));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, failure(body("text/plain", "{}")));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, failure(body(null, "{}")));
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, failure(body("application/json",
                "{\"name\":\"" + "x".repeat(JsonCodec.MAX_BODY_BYTES) + "\"}")));
    }

    @Test
    void read_neverCoercesOtherJsonTypesIntoTextNumbersOrBooleans_andNamesTheField() {
        for (String body : java.util.List.of("{\"text\": true}", "{\"text\": 1e308}", "{\"text\": 7}", "{\"flag\": 1}",
                "{\"flag\": \"true\"}", "{\"amount\": \"5\"}", "{\"amount\": 1.5}", "{\"amount\": true}",
                "{\"items\": [\"a\", false]}", "{\"items\": \"a\"}",
                "{\"amount\": 99999999999999999999}", "{\"amount\": -1e400}")) {
            ProblemException problem = assertThrows(ProblemException.class,
                    () -> json.read(body("application/json", body), Everything.class), body);
            assertEquals(ProblemType.INVALID_REQUEST, problem.type(), body);
            String field = body.substring(2, body.indexOf('"', 2));
            assertTrue(problem.detail().startsWith(field), body + " -> " + problem.detail());
        }
        assertEquals(new Everything("t", true, 5L, java.util.List.of("a")),
                json.read(body("application/json", "{\"text\":\"t\",\"flag\":true,\"amount\":5,\"items\":[\"a\"]}"), Everything.class));
    }

    @Test
    void read_refusesBrokenUnicode_ratherThanRepairingIt() {
        for (String body : java.util.List.of("{\"name\": \"a\\ud800b\"}", "{\"name\": \"\\udc00\"}", "{\"name\": \"a\\ud800\"}")) {
            ProblemException problem = assertThrows(ProblemException.class, () -> json.read(body("application/json", body), Form.class));
            assertEquals(ProblemType.MALFORMED_JSON, problem.type(), body);
            assertTrue(problem.detail().startsWith("name: "), problem.detail());
        }
        assertEquals(new Form("\ud83d\ude00", null), json.read(body("application/json", "{\"name\": \"\\ud83d\\ude00\"}"), Form.class));

        byte[][] malformed = {
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // overlong '/'
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // encoded surrogate
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'}, // truncated
                {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}};
        for (byte[] bytes : malformed) {
            ApiRequest request = new ApiRequest("POST /x", "POST", "/x", Map.of("content-type", "application/json"),
                    Map.of(), Map.of(), bytes, "127.0.0.1", "r1");
            assertEquals(ProblemType.MALFORMED_JSON, failure(request));
        }
    }
}
