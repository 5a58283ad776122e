package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits transaction items that repositories of different aggregates built (a post and its uploads, say),
 * so services compose writes without holding a DynamoDB client themselves.
 *
 * <p>A transaction DynamoDB cancels only because another one touched the same items at the same moment is
 * retried: the retry sees that transaction's result, so a condition decides the outcome instead of the race.
 *
 * <p>Every transaction of ours is sent here, so this is where the size limit lives: {@value #MAX_ACTIONS} actions,
 * YDB's Document API's limit (AWS allows 100). A caller whose transaction could grow past it must change its
 * design (see docs/data-model.md), so a larger one is refused before anything is sent, on every cloud alike.
 */
@Singleton
public class TransactionWriter {
    /** The most actions one TransactWriteItems may hold on every cloud we deploy to (YDB: 25; AWS: 100). */
    public static final int MAX_ACTIONS = 25;
    private static final int ATTEMPTS = 8;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;

    public TransactionWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * @return empty when committed, else the cancellation reasons, one per item in order, of the first attempt
     *         that failed for a reason other than a conflict
     * @throws ProblemException 503 {@code busy} when conflicting transactions persist past every retry
     * @throws IllegalArgumentException for no items, or more than {@value #MAX_ACTIONS} (nothing is sent)
     */
    public Optional<List<CancellationReason>> write(List<TransactWriteItem> items) {
        if (items.isEmpty() || items.size() > MAX_ACTIONS) {
            throw new IllegalArgumentException("a transaction holds 1 to " + MAX_ACTIONS + " actions, not " + items.size());
        }
        List<CancellationReason> reasons = Contention.retry(ATTEMPTS, "Too much contention; retry shortly.", () -> {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return Optional.of(List.of()); // committed: no reasons
            } catch (TransactionCanceledException e) {
                return conflictOnly(e.cancellationReasons()) ? Optional.empty() : Optional.of(e.cancellationReasons());
            }
        });
        return reasons.isEmpty() ? Optional.empty() : Optional.of(reasons);
    }

    /** Whether the item at {@code index} failed its condition; false for null reasons (committed). */
    public static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static boolean conflictOnly(List<CancellationReason> reasons) {
        return reasons.stream().noneMatch(r -> CONDITION_FAILED.equals(r.code()))
                && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }
}
