package ru.rossgram.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.util.List;
import java.util.Map;

/**
 * EchoFunction's Yandex class (handler {@code ru.rossgram.local.EchoHandler}): answers with what it read of the
 * event, the greeting its environment gives it ({@code ROSSGRAM_GREETING}), and how many instances were built.
 * Paths under {@code /throw} throw; under {@code /bare} it answers no HTTP response (a null status).
 */
public class EchoYandexFunction extends FixtureHttpFunction {
    static volatile int instances;
    private final String greeting;

    public EchoYandexFunction() {
        this.greeting = "none";
        instances++;
    }

    public EchoYandexFunction(ApplicationContextBuilder context) {
        try (ApplicationContext started = context.start()) {
            this.greeting = started.getProperty("rossgram.greeting", String.class).orElse("none");
        }
        instances++;
    }

    @Override
    public Answer apply(GatewayRequest request) {
        if (request.path.startsWith("/throw")) {
            throw new IllegalStateException("thrown on purpose");
        }
        Answer answer = new Answer();
        if (request.path.startsWith("/bare")) {
            return answer;
        }
        answer.statusCode = 201;
        answer.headers = Map.of("Content-Type", "text/plain", "X-Greeting", greeting, "Set-Cookie", "ignored=1");
        answer.multiValueHeaders = Map.of("Set-Cookie", List.of("a=1", "b=2"));
        answer.body = request.httpMethod + " " + request.resource + " " + request.pathParameters + " from "
                + request.requestContext.identity.sourceIp + " op " + request.operationId + " query "
                + request.multiValueQueryStringParameters + " body " + request.body + " base64 " + request.isBase64Encoded;
        return answer;
    }
}
