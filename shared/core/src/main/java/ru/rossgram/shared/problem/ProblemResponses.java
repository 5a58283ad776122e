package ru.rossgram.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.http.ApiResponse;

/** The one mapping from domain errors to {@code application/problem+json} responses (RFC 9457). */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounds on what a problem repeats, whatever a service put in it: a problem is never a large echo. */
    private static final int DETAIL_MAX = 1000;
    private static final int INSTANCE_MAX = 200;

    private ProblemResponses() {
    }

    public static ApiResponse of(ProblemException problem, String instance) {
        ProblemType type = problem.type();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        if (problem.detail() != null) {
            body.put("detail", ProblemException.prefix(problem.detail(), DETAIL_MAX));
        }
        if (instance != null) {
            body.put("instance", ProblemException.prefix(instance, INSTANCE_MAX));
        }
        body.putAll(problem.extensions());

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", CONTENT_TYPE);
        if (problem.extensions().get("retryAfterSeconds") instanceof Number seconds) {
            headers.put("retry-after", String.valueOf(seconds.longValue()));
        }
        // A 405 says which methods the resource does support (RFC 9110), as a member and as the header.
        if (problem.extensions().get("allow") instanceof List<?> methods) {
            headers.put("allow", String.join(", ", methods.stream().map(String::valueOf).toList()));
        }
        if (type.status() == 401) {
            headers.put("www-authenticate", "Bearer realm=\"rossgram\"");
        }
        try {
            return new ApiResponse(type.status(), headers, JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body is plain data and always serialises", e);
        }
    }
}
