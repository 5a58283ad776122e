package ru.rossgram.shared.http.yandex;

import java.util.List;
import java.util.Map;

/**
 * The event Yandex API Gateway hands a {@code cloud_functions} integration with {@code payload_format_version: "1.0"}
 * (a direct invocation sends the same minus {@code resource}, {@code pathParameters} and the gateway's extras).
 * The Yandex runtime reads it with jsoniter, not Jackson: so public fields named exactly as the JSON names them,
 * no annotations, a no-argument constructor. jsoniter skips the fields the event has and this class does not
 * declare ({@code version}, {@code requestTimeEpoch}, {@code apiGateway}, ...).
 */
public class YandexHttpRequest {
    public String httpMethod;
    /** The path the client asked for. */
    public String path;
    /** The gateway specification's path template that matched ({@code /v1/users/{username}/block}). */
    public String resource;
    public Map<String, String> pathParameters;
    public Map<String, String> headers;
    public Map<String, List<String>> multiValueHeaders;
    public Map<String, String> queryStringParameters;
    public Map<String, List<String>> multiValueQueryStringParameters;
    public String body;
    public boolean isBase64Encoded;
    public RequestContext requestContext;
    /** Every parameter the specification declares, path and query alike. */
    public Map<String, String> parameters;
    public Map<String, List<String>> multiValueParameters;
    public String operationId;

    public YandexHttpRequest() {
    }

    /** Not AWS's v1 request context: no stage, account or api id. */
    public static class RequestContext {
        public Identity identity;
        public String httpMethod;
        public String requestId;
        /** Common Log Format time of the request. */
        public String requestTime;
        /** What a gateway authorizer said (a JWT authorizer's {@code jwt.claims}); we check our own tokens. */
        public Map<String, Object> authorizer;

        public RequestContext() {
        }
    }

    public static class Identity {
        public String sourceIp;
        public String userAgent;

        public Identity() {
        }
    }
}
