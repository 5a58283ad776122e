package ru.rossgram.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class JsonCodecTest {
    record Form(String name, Integer count) {
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
}
