package ru.rossgram.shared.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class ApiGatewayV2EventsTest {
    record Bio(String bio) {
    }

    private static ApiRequest textBody(String body) {
        return ApiGatewayV2Events.toRequest(APIGatewayV2HTTPEvent.builder()
                .withRouteKey("PATCH /v1/me").withRawPath("/v1/me")
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).withIsBase64Encoded(false).build());
    }

    @Test
    void aTextBody_keepsEveryCharacter() {
        String body = "{\"bio\": \"Маша \uD83D\uDCF7\"}";
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8), textBody(body).body());
    }

    @Test
    void anUnpairedSurrogateInATextBody_isRefused_notStoredAsAQuestionMark() {
        ApiRequest request = textBody("{\"bio\": \"a\uD800b\"}");
        ProblemException problem = assertThrows(ProblemException.class, () -> new JsonCodec().read(request, Bio.class));
        assertEquals(ProblemType.MALFORMED_JSON, problem.type());
    }
}
