package ru.rossgram.benchmarks.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
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
        private final Map<String, Integer> writtenByKey = new TreeMap<>();
        private int roundTrips;
        private int transactions;
        private int transactionActions;
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

        /** {@code TransactWriteItems} calls (a retry of the same call not counted again). */
        public int transactions() {
            return transactions;
        }

        /** The actions of those transactions, condition checks included (YDB allows 25 in one). */
        public int transactionActions() {
            return transactionActions;
        }

        /**
         * Items written per key shape: the partition key's and the sort key's leading word up to its {@code #}
         * ({@code ACTIVITY# / LIKES#}), a key without one as itself when it is a constant ({@code POST}), and
         * {@code <id>} for a key that starts with a value (an id, a rank): a write is attributed to its aggregate
         * without spelling any key here.
         */
        public Map<String, Integer> writtenByKey() {
            return Map.copyOf(writtenByKey);
        }

        /** Time during which at least one request was in flight. */
        public long waitingNanos() {
            return waitingNanos;
        }

        private Tally copy() {
            Tally copy = new Tally();
            copy.requests.putAll(requests);
            copy.writtenByKey.putAll(writtenByKey);
            copy.roundTrips = roundTrips;
            copy.transactions = transactions;
            copy.transactionActions = transactionActions;
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
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        int actions = 0;
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().values().forEach(writes -> writes.forEach(w -> written.add(
                    w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key())));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            actions = transaction.transactItems().size();
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    written.add(item.put().item());
                } else if (item.update() != null) {
                    written.add(item.update().key());
                } else if (item.delete() != null) {
                    written.add(item.delete().key());
                }
            }
        } else if (request instanceof PutItemRequest put) {
            written.add(put.item());
        } else if (request instanceof UpdateItemRequest update) {
            written.add(update.key());
        } else if (request instanceof DeleteItemRequest delete) {
            written.add(delete.key());
        }
        synchronized (DynamoCalls.class) {
            tally.itemsWritten += written.size();
            written.forEach(key -> tally.writtenByKey.merge(shape(key), 1, Integer::sum));
            if (request instanceof TransactWriteItemsRequest) {
                tally.transactions++;
                tally.transactionActions += actions;
            }
        }
    }

    private static String shape(Map<String, AttributeValue> key) {
        return word(key.get("pk")) + " / " + word(key.get("sk"));
    }

    private static String word(AttributeValue value) {
        String text = value == null || value.s() == null ? "" : value.s();
        int hash = text.indexOf('#');
        String word = hash >= 0 ? text.substring(0, hash) : text;
        return word.matches("[A-Z~_]+") ? (hash >= 0 ? word + "#" : word) : "<id>";
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
