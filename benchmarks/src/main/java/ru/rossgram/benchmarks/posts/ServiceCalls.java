package ru.rossgram.benchmarks.posts;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the requests this JVM sends to any AWS service (DynamoDB and S3 alike), and the round trips they cost:
 * the times the number of requests in flight rose from none, so requests sent together count once. Loaded into
 * every client the SDK builds through {@code software/amazon/awssdk/global/handlers/execution.interceptors}.
 * Meaningful while one thing at a time is measured.
 */
public final class ServiceCalls implements ExecutionInterceptor {
    private static final Map<String, Integer> requests = new TreeMap<>();
    private static int roundTrips;
    private static int inFlight;

    /** Forgets what was counted. */
    public static synchronized void reset() {
        requests.clear();
        roundTrips = 0;
    }

    /** Requests per {@code Service.Operation} since the last {@link #reset()}. */
    public static synchronized Map<String, Integer> requests() {
        return Map.copyOf(requests);
    }

    /** Waits for a service one after another since the last {@link #reset()}. */
    public static synchronized int roundTrips() {
        return roundTrips;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        synchronized (ServiceCalls.class) {
            requests.merge(operation, 1, Integer::sum);
            if (inFlight++ == 0) {
                roundTrips++;
            }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        synchronized (ServiceCalls.class) {
            inFlight--;
        }
    }
}
