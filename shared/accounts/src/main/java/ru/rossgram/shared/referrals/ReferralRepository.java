package ru.rossgram.shared.referrals;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Referral codes and who referred whom (docs/data-model.md, rows 30-30b): the code's claim
 * {@code REFERRAL#<code> / REFERRAL} (its owner), the owner's pointer to it {@code USER#<uid> / REFERRALCODE}, and
 * the referrer's edge to each account it referred {@code USER#<referrer> / REFERRED#<referred uid>}, which also
 * counts the rewards that account has earned its referrer, for the cap. Account ids are time-ordered, so the
 * edges read newest first in key order.
 */
@Singleton
public class ReferralRepository {
    /** The code claim's sort key, as {@code HANDLE#<name> / HANDLE}. */
    private static final String CLAIM_SK = "REFERRAL";
    private static final String CODE_POINTER = "REFERRALCODE";
    private static final String REFERRED = "REFERRED#";
    /** N, kopecks credited to the referrer for this referred account's sales, net of reversals. */
    private static final String REWARDED = "rewarded";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReferralRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** One account someone referred: who, and when it signed up. */
    public record Referred(String userId, Instant at) {
    }

    /** The account whose code {@code code} (normalized) is, by consistent read. */
    public Optional<String> ownerOf(String code) {
        var item = dynamo.getItem(r -> r.tableName(table).key(claimKey(code)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attrs.string(item, "userId"));
    }

    /** {@code userId}'s code, if it has one yet. */
    public Optional<String> codeOf(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(pointerKey(userId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attrs.string(item, "code"));
    }

    /** The code's claim: fails if the code is anyone's already. */
    public TransactWriteItem claimItem(String userId, String code) {
        return putIfAbsent(Map.of("pk", s(claimPk(code)), "sk", s(CLAIM_SK), "type", s("referral-code"),
                "userId", s(userId)));
    }

    /** The owner's pointer to its code: fails if the account has one already. */
    public TransactWriteItem pointerItem(String userId, String code) {
        Map<String, AttributeValue> item = new HashMap<>(pointerKey(userId));
        item.put("type", s("referral-code-pointer"));
        item.put("code", s(code));
        return putIfAbsent(item);
    }

    /** The referrer's edge to the account it referred, written once, at the referred account's sign-up. */
    public TransactWriteItem referralItem(String referrerId, String referredId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(edgeKey(referrerId, referredId));
        item.put("type", s("referral"));
        item.put("referredId", s(referredId));
        item.put("referredAt", s(at.toString()));
        item.put(REWARDED, n(0));
        return putIfAbsent(item);
    }

    /** What {@code referredId}'s sales have earned {@code referrerId} so far; empty when there is no such edge. */
    public Optional<Long> rewarded(String referrerId, String referredId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(edgeKey(referrerId, referredId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Attrs.number(item, REWARDED).orElse(0L));
    }

    /**
     * Counts {@code amount} more rewarded, on condition that the count is still at most {@code atMost} (the cap less
     * {@code amount}): sales racing each other cannot together pass the cap; the loser decides again.
     */
    public TransactWriteItem rewardItem(String referrerId, String referredId, long amount, long atMost) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(edgeKey(referrerId, referredId))
                .updateExpression("ADD #rewarded :amount")
                .conditionExpression("attribute_exists(pk) AND #rewarded <= :most")
                .expressionAttributeNames(Map.of("#rewarded", REWARDED))
                .expressionAttributeValues(Map.of(":amount", n(amount), ":most", n(atMost))).build()).build();
    }

    /** Counts a reversed reward back, so a refunded sale leaves room under the cap. */
    public TransactWriteItem rewardReversedItem(String referrerId, String referredId, long amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(edgeKey(referrerId, referredId))
                .updateExpression("ADD #rewarded :amount")
                .expressionAttributeNames(Map.of("#rewarded", REWARDED))
                .expressionAttributeValues(Map.of(":amount", n(-amount))).build()).build();
    }

    /** The newest {@code limit} accounts {@code referrerId} referred, newest first. */
    public List<Referred> referred(String referrerId, int limit) {
        List<Referred> found = new ArrayList<>();
        for (var item : dynamo.query(r -> r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :edge)")
                .expressionAttributeValues(Map.of(":pk", s(AccountRepository.userPk(referrerId)), ":edge", s(REFERRED)))
                .scanIndexForward(false).limit(limit).consistentRead(true)).items()) {
            found.add(new Referred(Attrs.string(item, "referredId"), Instant.parse(Attrs.string(item, "referredAt"))));
        }
        return found;
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static String claimPk(String code) {
        return "REFERRAL#" + code;
    }

    private static Map<String, AttributeValue> claimKey(String code) {
        return Attrs.key(claimPk(code), CLAIM_SK);
    }

    private static Map<String, AttributeValue> pointerKey(String userId) {
        return Attrs.key(AccountRepository.userPk(userId), CODE_POINTER);
    }

    private static Map<String, AttributeValue> edgeKey(String referrerId, String referredId) {
        return Attrs.key(AccountRepository.userPk(referrerId), REFERRED + referredId);
    }
}
