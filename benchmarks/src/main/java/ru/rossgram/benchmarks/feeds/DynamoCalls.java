package ru.rossgram.benchmarks.feeds;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the DynamoDB requests this JVM sends, without touching the code under measurement: the SDK loads this
 * interceptor into every client it builds (it is named in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}). Besides requests it counts round
 * trips: the times the number of requests in flight rose from none, so requests sent together count once,
 * and the time during which at least one was in flight. Meaningful while one thing at a time is measured.
 */
public final class DynamoCalls implements ExecutionInterceptor {
    private static Tally tally = new Tally();
    private static int inFlight;
    private static long busySince;

    /** What was sent since the last {@link #reset()}. */
    public static final class Tally {
        private final Map<String, Integer> requests = new TreeMap<>();
        private int roundTrips;
        private long itemsWritten;
        private long waitingNanos;

        /** HTTP requests sent (each retry counts), all operations. */
        public int requests() {
            return requests.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Requests per operation name, such as {@code BatchGetItem}. */
        public Map<String, Integer> byOperation() {
            return Map.copyOf(requests);
        }

        /** Waits for DynamoDB one after another: requests in flight together count as one. */
        public int roundTrips() {
            return roundTrips;
        }

        /** Items put, updated or deleted by the requests sent. */
        public long itemsWritten() {
            return itemsWritten;
        }

        /** Time during which at least one request was in flight. */
        public long waitingNanos() {
            return waitingNanos;
        }

        private Tally copy() {
            Tally copy = new Tally();
            copy.requests.putAll(requests);
            copy.roundTrips = roundTrips;
            copy.itemsWritten = itemsWritten;
            copy.waitingNanos = waitingNanos;
            return copy;
        }
    }

    /** Starts the tally afresh. */
    public static synchronized void reset() {
        tally = new Tally();
    }

    /** The tally so far. */
    public static synchronized Tally tally() {
        return tally.copy();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!isDynamoDb(attributes)) {
            return;
        }
        Object request = context.request();
        long items = 0;
        if (request instanceof BatchWriteItemRequest batch) {
            items = batch.requestItems().values().stream().mapToLong(List::size).sum();
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            items = transaction.transactItems().stream().filter(item -> item.conditionCheck() == null).count();
        } else if (request instanceof PutItemRequest || request instanceof UpdateItemRequest
                || request instanceof DeleteItemRequest) {
            items = 1;
        }
        synchronized (DynamoCalls.class) {
            tally.itemsWritten += items;
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!isDynamoDb(attributes)) {
            return;
        }
        synchronized (DynamoCalls.class) {
            tally.requests.merge(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), 1, Integer::sum);
            if (inFlight++ == 0) {
                tally.roundTrips++;
                busySince = System.nanoTime();
            }
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (!isDynamoDb(attributes)) {
            return;
        }
        synchronized (DynamoCalls.class) {
            if (--inFlight == 0) {
                tally.waitingNanos += System.nanoTime() - busySince;
            }
        }
    }

    private static boolean isDynamoDb(ExecutionAttributes attributes) {
        return "DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    }
}
