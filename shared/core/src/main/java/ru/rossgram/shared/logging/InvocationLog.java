package ru.rossgram.shared.logging;

import io.micronaut.function.aws.DefaultDiagnosticInfoPopulator;
import org.slf4j.MDC;

/**
 * The fields every line a function logs during one invocation carries: which function, which request, and
 * (once known) which user. Kept in SLF4J's MDC, which is per thread, and cleared when the invocation ends so a
 * reused thread starts clean.
 */
public final class InvocationLog implements AutoCloseable {
    public static final String FUNCTION = "function";
    public static final String REQUEST_ID = "requestId";
    public static final String USER_ID = "userId";

    private InvocationLog() {
    }

    /**
     * Starts an invocation's fields. The function's name is the Lambda context's, which Micronaut's
     * {@code handleRequest} has just put in the MDC, else Lambda's {@code AWS_LAMBDA_FUNCTION_NAME}.
     *
     * @param requestId the API's request id for HTTP functions; null takes the Lambda context's
     */
    public static InvocationLog begin(String requestId) {
        String function = MDC.get(DefaultDiagnosticInfoPopulator.MDC_DEFAULT_FUNCTION_NAME);
        putIfPresent(FUNCTION, function != null ? function : System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        putIfPresent(REQUEST_ID, requestId != null ? requestId : MDC.get(DefaultDiagnosticInfoPopulator.MDC_DEFAULT_AWS_REQUEST_ID));
        MDC.remove(USER_ID);
        return new InvocationLog();
    }

    /** Names the authenticated caller on the lines that follow in this invocation. */
    public static void caller(String userId) {
        putIfPresent(USER_ID, userId);
    }

    private static void putIfPresent(String key, String value) {
        if (value == null || value.isEmpty()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        MDC.remove(FUNCTION);
        MDC.remove(REQUEST_ID);
        MDC.remove(USER_ID);
    }
}
