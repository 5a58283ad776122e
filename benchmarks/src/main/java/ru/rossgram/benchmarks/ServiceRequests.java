package ru.rossgram.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every request this JVM sends to DynamoDB or S3, operation and full request (keys, items, conditions,
 * consistency), so the harness can show what a function's first request does and check that the bare handler
 * beside it does the same. Loaded into every SDK client of the harness's JVM through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; never on a measured child's classpath.
 */
public final class ServiceRequests implements ExecutionInterceptor {
    private static final List<String> sent = new ArrayList<>();
    private static boolean recording;

    /** Starts recording afresh. */
    static synchronized void start() {
        sent.clear();
        recording = true;
    }

    /** Stops recording; what was sent since {@link #start()}, one line each: {@code Service.Operation request}. */
    static synchronized List<String> stop() {
        recording = false;
        return List.copyOf(sent);
    }

    /** How many requests of each {@code Service.Operation} the lines hold. */
    static Map<String, Integer> operations(List<String> lines) {
        Map<String, Integer> counts = new TreeMap<>();
        lines.forEach(line -> counts.merge(line.substring(0, line.indexOf(' ')), 1, Integer::sum));
        return counts;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String line = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + context.request();
        synchronized (ServiceRequests.class) {
            if (recording) {
                sent.add(line);
            }
        }
    }
}
