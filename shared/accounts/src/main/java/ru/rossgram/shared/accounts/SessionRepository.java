package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Sessions: {@code SESSION#id / SESSION}, indexed by user on gsi1 ({@code USER#id / SESSION#id}) so that
 * "sign out everywhere" can find them. {@code expiresAt} (epoch seconds) lets TTL collect dead sessions;
 * reads never rely on TTL having run. {@code rotatedHashes} (a list, newest first, bounded by
 * {@link Session#ROTATED_HASHES_KEPT}) and {@code rotatedAt} remember the tokens a session's refreshes replaced.
 */
@Singleton
public class SessionRepository {
    private static final String SK = "SESSION";

    private final DynamoDbClient dynamo;
    private final String table;

    public SessionRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The write that creates {@code session}, for callers that commit it inside a larger transaction. */
    public TransactWriteItem createItem(Session session) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(session))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public void create(Session session) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(session)).conditionExpression("attribute_not_exists(pk)"));
    }

    public Optional<Session> find(String sessionId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(Attrs.key(pk(sessionId), SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * Writes {@code next}, the session after a rotation, only if the stored session is still {@code current}
     * (same secret, same generation: so the history written is the one read) and not revoked.
     *
     * @return false when another refresh or a revocation came first
     */
    public boolean rotate(Session current, Session next) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Attrs.key(pk(current.sessionId()), SK))
                    .updateExpression("SET secretHash = :new, rotatedHashes = :rotated, rotatedAt = :rotatedAt, "
                            + "generation = :nextGen, expiresAt = :exp")
                    .conditionExpression("secretHash = :old AND generation = :gen AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(
                            ":new", s(next.secretHash()),
                            ":rotated", hashList(next.rotatedHashes()),
                            ":rotatedAt", s(next.rotatedAt().toString()),
                            ":old", s(current.secretHash()),
                            ":gen", n(current.generation()),
                            ":nextGen", n(next.generation()),
                            ":exp", n(next.expiresAt().getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Revokes the whole session (its refresh-token family). Idempotent; a missing session stays missing. */
    public void revoke(String sessionId, Instant at, String reason) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Attrs.key(pk(sessionId), SK))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at), revokedReason = if_not_exists(revokedReason, :why)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":why", s(reason))));
        } catch (ConditionalCheckFailedException e) {
            // nothing to revoke
        }
    }

    private static String pk(String sessionId) {
        return "SESSION#" + sessionId;
    }

    private Map<String, AttributeValue> toItem(Session session) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key(pk(session.sessionId()), SK));
        item.put("type", s("session"));
        item.put("sessionId", s(session.sessionId()));
        item.put("userId", s(session.userId()));
        item.put("secretHash", s(session.secretHash()));
        item.put("rotatedHashes", hashList(session.rotatedHashes()));
        if (session.rotatedAt() != null) {
            item.put("rotatedAt", s(session.rotatedAt().toString()));
        }
        item.put("generation", n(session.generation()));
        item.put("createdAt", s(session.createdAt().toString()));
        item.put("expiresAt", n(session.expiresAt().getEpochSecond()));
        item.put("gsi1pk", s(AccountRepository.userPk(session.userId())));
        item.put("gsi1sk", s("SESSION#" + session.sessionId()));
        return item;
    }

    private static AttributeValue hashList(List<String> hashes) {
        return AttributeValue.fromL(hashes.stream().map(Attrs::s).toList());
    }

    private static Session fromItem(Map<String, AttributeValue> item) {
        String revokedAt = string(item, "revokedAt");
        String rotatedAt = string(item, "rotatedAt");
        AttributeValue rotated = item.get("rotatedHashes");
        return new Session(
                string(item, "sessionId"),
                string(item, "userId"),
                string(item, "secretHash"),
                // sessions written before the history was kept have none: their old tokens are simply unknown
                rotated == null || !rotated.hasL() ? List.of() : rotated.l().stream().map(AttributeValue::s).toList(),
                rotatedAt == null ? null : Instant.parse(rotatedAt),
                Attrs.number(item, "generation").orElse(0L),
                Instant.parse(string(item, "createdAt")),
                Instant.ofEpochSecond(Attrs.number(item, "expiresAt").orElse(0L)),
                revokedAt == null ? null : Instant.parse(revokedAt));
    }
}
