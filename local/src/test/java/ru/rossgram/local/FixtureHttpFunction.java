package ru.rossgram.local;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Base of the HTTP fixture classes: binds {@code Function}'s types in a superclass, as an adapter base in shared
 * would, so the runtime must follow them there. Input and output are plain public-field types, as jsoniter maps them.
 */
public abstract class FixtureHttpFunction implements Function<FixtureHttpFunction.GatewayRequest, FixtureHttpFunction.Answer> {

    public static class GatewayRequest {
        public String httpMethod;
        public String path;
        public String resource;
        public Map<String, String> pathParameters;
        public Map<String, String> headers;
        public Map<String, List<String>> multiValueQueryStringParameters;
        public String body;
        public boolean isBase64Encoded;
        public Context requestContext;
        public String operationId;
    }

    public static class Context {
        public Identity identity;
        public String requestId;
    }

    public static class Identity {
        public String sourceIp;
    }

    public static class Answer {
        public int statusCode;
        public Map<String, String> headers;
        public Map<String, List<String>> multiValueHeaders;
        public String body;
        public boolean isBase64Encoded;
    }
}
