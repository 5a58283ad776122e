package ru.rossgram.localcloud;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Yandex profile's DynamoDB endpoint: in front of DynamoDB Local in its own Jetty server, so that every client
 * of the endpoint is subject to it. It reads each request's {@code X-Amz-Target} and JSON body, answers with
 * DynamoDB's error JSON what the YDB Document API would refuse ({@link DocumentApiLimits}), plays time to live
 * itself ({@link DormantTimeToLive}), and hands everything else, body replayed, to DynamoDB Local.
 */
final class DocumentApiGuard extends Handler.Wrapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final DormantTimeToLive timeToLive;

    DocumentApiGuard(Handler dynamoDbLocal, DormantTimeToLive timeToLive) {
        super(dynamoDbLocal);
        this.timeToLive = timeToLive;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String target = request.getHeaders().get("X-Amz-Target");
        if (target == null || !HttpMethod.POST.is(request.getMethod())) {
            // Not an API call (a CORS preflight, a stray GET): DynamoDB Local answers as DynamoDB does.
            return super.handle(request, response, callback);
        }
        // DynamoDB Local reads the whole body before it starts as well.
        byte[] body = Content.Source.asInputStream(request).readAllBytes();
        JsonNode json = parse(body);
        if (json != null) {
            try {
                DocumentApiLimits.check(target, json);
                switch (DocumentApiLimits.operation(target)) {
                    case "UpdateTimeToLive" -> {
                        return answer(response, callback, 200, timeToLive.update(json).toString());
                    }
                    case "DescribeTimeToLive" -> {
                        return answer(response, callback, 200, timeToLive.describe(json).toString());
                    }
                    case "DeleteTable" -> timeToLive.forget(json);
                    default -> {
                        // DynamoDB Local's own business.
                    }
                }
            } catch (DocumentApiRefusal refusal) {
                return answer(response, callback, 400, new String(refusal.json(), StandardCharsets.UTF_8));
            }
        }
        return super.handle(new ReplayedRequest(request, body), response, callback);
    }

    /** @return the body as a JSON object, or null for anything else (DynamoDB Local then answers the client's mistake) */
    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean answer(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put("x-amzn-RequestId", UUID.randomUUID().toString());
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The request with its body, already read by the guard, offered again from memory. */
    private static final class ReplayedRequest extends Request.Wrapper {
        private final Content.Source body;

        ReplayedRequest(Request request, byte[] body) {
            super(request);
            this.body = new ByteBufferContentSource(ByteBuffer.wrap(body));
        }

        @Override
        public Content.Chunk read() {
            return body.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            body.demand(demandCallback);
        }

        @Override
        public void fail(Throwable failure) {
            body.fail(failure);
        }
    }
}
