package ru.rossgram.local;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * What the runner answers when Jetty itself refuses a request before {@link ApiHandler} sees it (a request line or
 * headers too large, framing it cannot read) or when the handler fails: never Jetty's HTML page, its message or a
 * stack trace. A {@code 400} is our {@code invalid-request} problem, like the runner's other answers to a bad URL;
 * any other status is the gateway's own short {@code {"message":...}}, as API Gateway answers what it refuses.
 */
final class UnreadableRequests extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ApiGateway.Response answer = answer(code);
        response.setStatus(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().put(name, value)));
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** Used where no request could be made of what arrived, such as headers too large to parse. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiGateway.Response answer = answer(status);
        answer.headers().forEach((name, values) -> values.forEach(value -> fields.put(name, value)));
        fields.put(HttpHeader.CONTENT_LENGTH, String.valueOf(answer.body().length));
        return ByteBuffer.wrap(answer.body());
    }

    static ApiGateway.Response answer(int status) {
        if (status == HttpStatus.BAD_REQUEST_400) {
            return ApiGateway.problem(new ProblemException(ProblemType.INVALID_REQUEST,
                    "The request could not be read as HTTP: its request line, a header or its body framing is malformed.",
                    Map.of()), null);
        }
        String reason = HttpStatus.getMessage(status);
        return ApiGateway.gatewayMessage(status, reason == null ? "Error" : reason);
    }
}
