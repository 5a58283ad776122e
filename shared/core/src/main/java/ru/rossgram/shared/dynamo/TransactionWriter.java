package ru.rossgram.shared.dynamo;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Commits transaction items that repositories of different aggregates built (a post and its uploads, say),
 * so services compose writes without holding a DynamoDB client themselves. See {@link Transactions}.
 */
@Singleton
public class TransactionWriter {
    private final DynamoDbClient dynamo;

    public TransactionWriter(DynamoDbClient dynamo) {
        this.dynamo = dynamo;
    }

    /**
     * @return empty when committed, else the cancellation reasons, one per item in order
     * @throws ProblemException 503 when conflicting transactions persist past every retry
     */
    public Optional<List<CancellationReason>> write(List<TransactWriteItem> items) {
        return Optional.ofNullable(Transactions.write(dynamo, items));
    }
}
