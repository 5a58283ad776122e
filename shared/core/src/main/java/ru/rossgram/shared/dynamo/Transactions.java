package ru.rossgram.shared.dynamo;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs a write transaction, retrying the ones DynamoDB cancels only because another transaction
 * touched the same items at the same moment; the retry then sees that transaction's result, so a
 * condition decides the outcome instead of the race.
 */
public final class Transactions {
    private static final int ATTEMPTS = 8;

    private Transactions() {
    }

    /**
     * @return null when committed, otherwise the cancellation reasons (one per item, in order) of the
     *         first attempt that failed for a reason other than a conflict
     * @throws ProblemException 503 when conflicts persist past every retry
     */
    public static List<CancellationReason> write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return null;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                boolean conflictOnly = reasons.stream().noneMatch(r -> "ConditionalCheckFailed".equals(r.code()))
                        && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflictOnly) {
                    return reasons;
                }
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(ProblemType.BUSY, "Too much contention; retry shortly.",
                            java.util.Map.of("retryAfterSeconds", 1));
                }
                backOff(attempt);
            }
        }
    }

    public static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void backOff(int attempt) {
        long ceilingMillis = Math.min(200, 10L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.BUSY, "Interrupted; retry shortly.");
        }
    }
}
