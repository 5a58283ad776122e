package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.n;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.config.SignInThrottleConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts failed sign-ins per account and per source address in fixed windows
 * ({@code THROTTLE#account#<login> / W#<window>}); atomic ADDs keep the counts exact under concurrency,
 * and TTL removes old windows. Once a count reaches its limit, attempts get 429 until the window ends.
 */
@Singleton
public class SignInThrottle {
    private static final String PK_PREFIX = "THROTTLE#";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;
    private final SignInThrottleConfig limits;
    private final Clock clock;

    public SignInThrottle(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config, SignInThrottleConfig limits,
                          Clock clock) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @throws ProblemException 429 {@code too-many-attempts} with {@code Retry-After} when either limit is reached;
     *         503 {@code busy} when the table keeps the counts unread past every retry (never a pass unchecked)
     */
    public void checkAllowed(String login, String address) {
        long window = currentWindow();
        var keys = List.of(key("account", login, window), key("address", address, window));
        // Every key read, or 503: counts left unread by a throttled table would let attempts through unthrottled.
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            long failures = Attrs.number(item, "failures").orElse(0L);
            boolean account = isPerAccount(item);
            if (failures >= (account ? limits.maxFailuresPerAccount() : limits.maxFailuresPerAddress())) {
                long retryAfter = Math.max(1, (window + 1) * windowSeconds() - clock.instant().getEpochSecond());
                throw new ProblemException(ProblemType.TOO_MANY_ATTEMPTS,
                        "Too many failed sign-ins; try again in " + retryAfter + " seconds.",
                        Map.of("retryAfterSeconds", retryAfter));
            }
        }
    }

    public void recordFailure(String login, String address) {
        long window = currentWindow();
        long expiresAt = (window + 2) * windowSeconds();
        for (var key : List.of(key("account", login, window), key("address", address, window))) {
            dynamo.updateItem(r -> r.tableName(table).key(key)
                    .updateExpression("ADD failures :one SET expiresAt = :exp")
                    .expressionAttributeValues(Map.of(":one", n(1), ":exp", n(expiresAt))));
        }
    }

    /** A successful sign-in clears the account's count (not the address's: one success proves little of a NAT). */
    public void recordSuccess(String login) {
        dynamo.deleteItem(r -> r.tableName(table).key(key("account", login, currentWindow())));
    }

    private long currentWindow() {
        return clock.instant().getEpochSecond() / windowSeconds();
    }

    private long windowSeconds() {
        return Math.max(1, limits.window().toSeconds());
    }

    private static Map<String, AttributeValue> key(String scope, String value, long window) {
        String normalized = value == null ? "unknown" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return Attrs.key(PK_PREFIX + scope + "#" + normalized, "W#" + window);
    }

    /** Whether a count read with the address's is the account's. */
    private static boolean isPerAccount(Map<String, AttributeValue> item) {
        return Attrs.string(item, "pk").startsWith(PK_PREFIX + "account#");
    }
}
