package ru.rossgram.shared.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client is told about as an {@code application/problem+json} response.
 * Thrown by services; turned into a response in exactly one place, {@link ProblemResponses}.
 */
public final class ProblemException extends RuntimeException {
    static final int QUOTE_MAX = 64;
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

    /**
     * What a problem may quote of the client's own input: a short prefix, marked as cut, so that a large input
     * (a 64 KB path segment, a 16 KB field name) is never echoed back whole.
     */
    public static String quote(String clientText) {
        return prefix(clientText, QUOTE_MAX);
    }

    /** {@code text} cut to at most {@code max} characters, never inside a surrogate pair, "…" marking the cut. */
    static String prefix(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
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
