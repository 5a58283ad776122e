package ru.rossgram.shared.http.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YandexHttpAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers with what it was asked, and refuses a PATCH as a client mistake. */
    static class EchoFunction extends ApiFunction {
        EchoFunction() {
            super(ApplicationContext.builder());
        }

        @Override
        protected ApiResponse handle(ApiRequest request) {
            if (request.method().equals("PATCH")) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "No patches.");
            }
            return new ApiResponse(200, Map.of("content-type", "text/plain"),
                    request.routeKey() + "|" + request.header("x-rossgram-token").orElse("") + "|" + request.bodyText());
        }
    }

    private final EchoFunction echo = new EchoFunction();
    private final YandexHttpAdapter adapter = new YandexHttpAdapter(echo);

    @AfterAll
    void close() {
        echo.close();
    }

    private static YandexHttpRequest event(String method) {
        YandexHttpRequest event = new YandexHttpRequest();
        event.httpMethod = method;
        event.resource = "/v1/me";
        event.path = "/v1/me";
        event.headers = Map.of("X-Rossgram-Token", "abc");
        event.body = "hi";
        return event;
    }

    @Test
    void anEvent_isAnsweredByTheHandler() {
        YandexHttpResponse answer = adapter.apply(event("GET"));
        assertEquals(200, answer.statusCode);
        assertEquals("GET /v1/me|abc|hi", answer.body);
        assertEquals("text/plain", answer.headers.get("content-type"));
    }

    @Test
    void aHandlersProblem_isAProblemAnswer() throws Exception {
        YandexHttpResponse answer = adapter.apply(event("PATCH"));
        assertEquals(400, answer.statusCode);
        assertEquals("application/problem+json", answer.headers.get("content-type"));
        assertEquals("No patches.", JSON.readTree(answer.body).path("detail").asText());
    }

    @Test
    void somethingThatIsNoHttpRequest_isAnswered400AsAProblem_neverAStackTrace() throws Exception {
        for (YandexHttpRequest notHttp : new YandexHttpRequest[] {null, new YandexHttpRequest()}) {
            YandexHttpResponse answer = adapter.apply(notHttp);
            assertEquals(400, answer.statusCode);
            assertEquals("application/problem+json", answer.headers.get("content-type"));
            JsonNode problem = JSON.readTree(answer.body);
            assertEquals("https://rossgram.ru/problems/invalid-request", problem.path("type").asText());
            assertTrue(problem.path("detail").asText().contains("httpMethod"), answer.body);
        }
    }
}
