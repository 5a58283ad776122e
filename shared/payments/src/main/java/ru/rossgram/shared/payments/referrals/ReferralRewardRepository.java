package ru.rossgram.shared.payments.referrals;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.money.Money;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A referrer's rewards (docs/data-model.md, rows 30c-30d): one item per sale of a referred creator,
 * {@code USER#<referrer> / REFERRALREWARD#<rewardId>} (credited, ineligible with its reason, or reversed), and the
 * referrer's running total of reversed rewards {@code USER#<referrer> / REFERRALTOTALS}. Reward ids are made at
 * settlement, time-ordered, so the history is newest first in key order and "since" is a key range.
 */
@Singleton
public class ReferralRewardRepository {
    private static final String REWARD = "REFERRALREWARD#";
    /** Above every reward key: ULIDs start with 0-7. */
    private static final String AFTER_REWARDS = REWARD + "8";
    private static final String TOTALS = "REFERRALTOTALS";

    private final DynamoDbClient dynamo;
    private final String table;

    public ReferralRewardRepository(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** The reward's item, written once with the sale it came of. */
    public TransactWriteItem rewardItem(String referrerId, ReferralReward reward) {
        Map<String, AttributeValue> item = new HashMap<>(key(referrerId, reward.rewardId()));
        item.put("type", s("referral-reward"));
        item.put("referredId", s(reward.referredId()));
        item.put("paymentId", s(reward.paymentId()));
        item.put("postId", s(reward.postId()));
        item.put("amount", n(reward.amount().minor()));
        item.put("currency", s(reward.amount().currency()));
        item.put("state", s(reward.state().wire()));
        if (reward.reason() != null) {
            item.put("reason", s(reward.reason().wire()));
        }
        item.put("createdAt", s(reward.at().toString()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** Marks a credited reward reversed; fails if it is not credited (reversed already). */
    public TransactWriteItem reversedItem(String referrerId, String rewardId, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(referrerId, rewardId))
                .updateExpression("SET #state = :reversed, reversedAt = :at")
                .conditionExpression("#state = :credited")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":reversed", s(ReferralReward.State.REVERSED.wire()),
                        ":credited", s(ReferralReward.State.CREDITED.wire()), ":at", s(at.toString()))).build()).build();
    }

    /** Adds {@code amount} to the referrer's total of reversed rewards. */
    public TransactWriteItem reversedTotalItem(String referrerId, Money amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(totalsKey(referrerId))
                .updateExpression("ADD reversed :amount SET #type = :type")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":amount", n(amount.minor()), ":type", s("referral-totals"))).build()).build();
    }

    /** The referrer's total of reversed rewards, in kopecks. */
    public long reversedTotal(String referrerId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(totalsKey(referrerId)).consistentRead(true)).item();
        return item == null ? 0 : Attrs.number(item, "reversed").orElse(0L);
    }

    /** The rewards older than {@code beforeRewardId} (null: from the newest), newest first. */
    public List<ReferralReward> history(String referrerId, String beforeRewardId, int limit) {
        String upper = beforeRewardId == null ? AFTER_REWARDS : REWARD + beforeRewardId;
        List<ReferralReward> found = new ArrayList<>();
        for (var item : dynamo.query(range(referrerId, REWARD, upper).limit(limit + 1).build()).items()) {
            ReferralReward reward = fromItem(item);
            if (!reward.rewardId().equals(beforeRewardId)) { // BETWEEN includes its bound
                found.add(reward);
            }
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** Every reward made at {@code since} or later, newest first (for what is still on hold: a bounded window). */
    public List<ReferralReward> since(String referrerId, Instant since) {
        List<ReferralReward> found = new ArrayList<>();
        dynamo.queryPaginator(range(referrerId, REWARD + IdGenerator.lowestIdAt(since), AFTER_REWARDS).build())
                .items().forEach(item -> found.add(fromItem(item)));
        return found;
    }

    private QueryRequest.Builder range(String referrerId, String lower, String upper) {
        return QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :lower AND :upper")
                .expressionAttributeValues(Map.of(":pk", s(AccountRepository.userPk(referrerId)), ":lower", s(lower),
                        ":upper", s(upper)))
                .scanIndexForward(false).consistentRead(true);
    }

    private static ReferralReward fromItem(Map<String, AttributeValue> item) {
        String reason = Attrs.string(item, "reason");
        String reversedAt = Attrs.string(item, "reversedAt");
        return new ReferralReward(Attrs.string(item, "sk").substring(REWARD.length()), Attrs.string(item, "referredId"),
                Attrs.string(item, "paymentId"), Attrs.string(item, "postId"),
                new Money(Attrs.number(item, "amount").orElse(0L), Attrs.string(item, "currency")),
                ReferralReward.State.fromWire(Attrs.string(item, "state")),
                reason == null ? null : ReferralReward.Reason.fromWire(reason),
                Instant.parse(Attrs.string(item, "createdAt")),
                reversedAt == null ? null : Instant.parse(reversedAt));
    }

    private static Map<String, AttributeValue> key(String referrerId, String rewardId) {
        return Attrs.key(AccountRepository.userPk(referrerId), REWARD + rewardId);
    }

    private static Map<String, AttributeValue> totalsKey(String referrerId) {
        return Attrs.key(AccountRepository.userPk(referrerId), TOTALS);
    }
}
