package ru.rossgram.shared.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client is told about as an {@code application/problem+json} response.
 * Thrown by services; turned into a response in exactly one place, {@link ProblemResponses}.
 */
public final class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false); // no stack trace: these are expected outcomes, not bugs
        this.type = type;
        this.extensions = Map.copyOf(new LinkedHashMap<>(extensions));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(ProblemType.INVALID_REQUEST, field + ": " + reason,
                Map.of("errors", java.util.List.of(Map.of("field", field, "reason", reason))));
    }

    /**
     * 503 {@code busy} with {@code Retry-After: 1}: the data changed under every attempt, or the table throttled
     * them, and the same request a moment later should get through.
     */
    public static ProblemException busy(String detail) {
        return new ProblemException(ProblemType.BUSY, detail, Map.of("retryAfterSeconds", 1));
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem object, such as {@code errors} or {@code retryAfterSeconds}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
