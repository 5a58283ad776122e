package ru.rossgram.shared.launch;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.TransactionPlan;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Invitations in the single table. An invitation is {@code INVITATION#<id>} / {@code INVITATION}, its id the HMAC
 * of its code ({@link InvitationCodes#idOf}), so a typed code is found by one consistent GetItem and no claim item
 * is needed: one item per code keeps a batch of 20 and its audit record inside one transaction (YDB's 25 actions).
 * Each account it created is an item beside it, {@code INVITATION#<id>} / {@code USE#<userId>}, so an invitation
 * with who used it is one Query. On gsi1, operators' invitations are listed under {@code INVITATIONS#issued}
 * (sort key {@code <createdAt epoch ms, 13 digits>#<id>}) and a member's under {@code INVITATIONS#member#<uid>} (sort key: the
 * ordinal, zero-padded).
 */
@Singleton
public class InvitationRepository {
    private static final String PK_PREFIX = "INVITATION#";
    private static final String SK = "INVITATION";
    private static final String USE_PREFIX = "USE#";
    private static final String ISSUED = "INVITATIONS#issued";
    private static final String MEMBER_PREFIX = "INVITATIONS#member#";
    private static final String KIND = "kind";
    private static final String MAX_USES = "maxUses";
    private static final String USES = "uses";
    /** Epoch milliseconds; not {@code expiresAt}, the table's TTL attribute, which would delete an expired invitation. */
    private static final String VALID_UNTIL = "validUntil";
    private static final String DISABLED = "disabled";
    private static final String FOR_USERNAME = "forUsername";
    private static final String ISSUED_BY = "issuedBy";
    private static final String NOTE = "note";
    private static final String CREATED_AT = "createdAt";
    private static final String ORDINAL = "ordinal";

    private final DynamoDbClient dynamo;
    private final String table;

    public InvitationRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The invitation {@code id}, if it exists (consistent). */
    public Optional<Invitation> find(String id) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(invitation(item));
    }

    /**
     * Adds a new invitation to {@code plan}, only if absent ({@code collision}: what a failed one means: an
     * operator's code drawn twice, or a member's invitation another request created first).
     */
    public void addCreation(TransactionPlan plan, Invitation invitation, Supplier<? extends RuntimeException> collision) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitation.id()));
        item.put("type", s("invitation"));
        item.put("invitationId", s(invitation.id()));
        item.put(KIND, s(invitation.kind().wire()));
        item.put(MAX_USES, n(invitation.maxUses()));
        item.put(USES, n(invitation.uses()));
        item.put(DISABLED, AttributeValue.fromBool(invitation.disabled()));
        item.put(ISSUED_BY, s(invitation.issuedBy()));
        item.put(CREATED_AT, s(invitation.createdAt().toString()));
        if (invitation.expiresAt() != null) {
            item.put(VALID_UNTIL, n(invitation.expiresAt().toEpochMilli()));
        }
        if (invitation.forUsername() != null) {
            item.put(FOR_USERNAME, s(invitation.forUsername()));
        }
        if (invitation.note() != null) {
            item.put(NOTE, s(invitation.note()));
        }
        if (invitation.ordinal() == null) {
            item.put("gsi1pk", s(ISSUED));
            item.put("gsi1sk", s(issuedSortKey(invitation)));
        } else {
            item.put(ORDINAL, n(invitation.ordinal()));
            item.put("gsi1pk", s(MEMBER_PREFIX + invitation.issuedBy()));
            item.put("gsi1sk", s(ordinalKey(invitation.ordinal())));
        }
        plan.add(putIfAbsent(item), collision);
    }

    /**
     * Adds the redemption of {@code invitationId} by a new account to {@code plan}: one more use, if it is not
     * withdrawn, expired or used up at {@code now}, and the record of who used it.
     *
     * @param refused what the plan throws when the invitation no longer admits (read it again to say why)
     */
    public void addRedemption(TransactionPlan plan, String invitationId, InvitationUse use, Instant now,
                              Supplier<? extends RuntimeException> refused) {
        plan.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(invitationId))
                .updateExpression("SET #uses = #uses + :one")
                .conditionExpression("#uses < #maxUses AND #disabled = :false"
                        + " AND (attribute_not_exists(#validUntil) OR #validUntil > :now)")
                .expressionAttributeNames(Map.of("#uses", USES, "#maxUses", MAX_USES, "#disabled", DISABLED,
                        "#validUntil", VALID_UNTIL))
                .expressionAttributeValues(Map.of(":one", n(1), ":false", AttributeValue.fromBool(false),
                        ":now", n(now.toEpochMilli())))
                .build()).build(), refused);
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key(PK_PREFIX + invitationId, USE_PREFIX + use.userId()));
        item.put("type", s("invitation-use"));
        item.put("userId", s(use.userId()));
        item.put("username", s(use.username()));
        item.put("usedAt", s(use.usedAt().toString()));
        plan.add(putIfAbsent(item), () -> new IllegalStateException("account " + use.userId() + " used an invitation twice"));
    }

    /** Adds withdrawing {@code invitationId} to {@code plan}; {@code unknown}: what the plan throws when it does not exist. */
    public void addDisabling(TransactionPlan plan, String invitationId, Supplier<? extends RuntimeException> unknown) {
        plan.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(invitationId))
                .updateExpression("SET #disabled = :true")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#disabled", DISABLED))
                .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true)))
                .build()).build(), unknown);
    }

    /** Who used {@code invitationId}, newest first (consistent). */
    public List<InvitationUse> uses(String invitationId) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :use)")
                .expressionAttributeValues(Map.of(":pk", s(PK_PREFIX + invitationId), ":use", s(USE_PREFIX))).build();
        List<InvitationUse> uses = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(item -> uses.add(new InvitationUse(string(item, "userId"),
                string(item, "username"), Instant.parse(string(item, "usedAt")))));
        uses.sort(Comparator.comparing(InvitationUse::usedAt).reversed());
        return uses;
    }

    /** Every invitation member {@code userId} has earned, by ordinal (gsi1: may lag a write by a moment). */
    public List<Invitation> earnedBy(String userId) {
        return queryAll(QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(MEMBER_PREFIX + userId))).build());
    }

    /**
     * Operators' invitations, newest first, of {@code kind} (null: every kind), after {@code before} (a
     * {@link #position}; null: from the newest), at most {@code limit} (gsi1: may lag a write by a moment).
     *
     * @return up to {@code limit + 1} invitations, so the caller knows whether there are more
     */
    public List<Invitation> issued(InvitationKind kind, String before, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(ISSUED));
        String condition = "gsi1pk = :pk";
        if (before != null) {
            condition += " AND gsi1sk < :before";
            values.put(":before", s(before));
        }
        // a kind is a filter: every operator-issued invitation shares one listing, newest first across kinds
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression(condition).scanIndexForward(false).limit(limit + 1);
        if (kind != null) {
            values.put(":kind", s(kind.wire()));
            query.filterExpression("#kind = :kind").expressionAttributeNames(Map.of("#kind", KIND));
        }
        // pages are fetched only as the stream asks for items: a filtered listing reads on until it has enough
        return dynamo.queryPaginator(query.expressionAttributeValues(values).build()).items().stream()
                .limit(limit + 1).map(InvitationRepository::invitation).toList();
    }

    private List<Invitation> queryAll(QueryRequest request) {
        return dynamo.queryPaginator(request).items().stream().map(InvitationRepository::invitation).toList();
    }

    private static Invitation invitation(Map<String, AttributeValue> item) {
        AttributeValue disabled = item.get(DISABLED);
        return new Invitation(
                string(item, "invitationId"),
                InvitationKind.fromWire(string(item, KIND)).orElseThrow(),
                Attrs.number(item, MAX_USES).orElse(1L).intValue(),
                Attrs.number(item, USES).orElse(0L).intValue(),
                Attrs.number(item, VALID_UNTIL).map(Instant::ofEpochMilli).orElse(null),
                disabled != null && Boolean.TRUE.equals(disabled.bool()),
                string(item, FOR_USERNAME),
                string(item, ISSUED_BY),
                string(item, NOTE),
                Instant.parse(string(item, CREATED_AT)),
                Attrs.number(item, ORDINAL).map(Long::intValue).orElse(null));
    }

    /** Where an operator's invitation stands in their listing, for a cursor to continue after it. */
    public static String position(Invitation invitation) {
        return issuedSortKey(invitation);
    }

    private static String issuedSortKey(Invitation invitation) {
        return String.format("%013d#%s", invitation.createdAt().toEpochMilli(), invitation.id());
    }

    private static String ordinalKey(int ordinal) {
        return String.format("%06d", ordinal);
    }

    private static Map<String, AttributeValue> key(String id) {
        return Attrs.key(PK_PREFIX + id, SK);
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
