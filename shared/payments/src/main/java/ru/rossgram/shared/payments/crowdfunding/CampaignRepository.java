package ru.rossgram.shared.payments.crowdfunding;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.KeyRangeQueries;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.media.PhotoRecordItems;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Campaigns and pledges (docs/data-model.md, rows 29-29e), all in the campaign's partition {@code CAMPAIGN#<cid>}:
 * the campaign ({@code CAMPAIGN}; on gsi1 as {@code CAMPAIGNS#<creator>} for the creator's list), each backer's
 * pledge ({@code PLEDGE#<backer>}; on gsi1 as {@code PLEDGES#<backer>} for the backer's list), a claim counter per
 * reward ({@code REWARD#<rid>}) and the totals in {@link #TOTAL_SHARDS} shards ({@code TOTALS#<n>}, one per backer
 * hash, so that concurrent pledges rarely touch one item). What the closing job must look at is a marker
 * {@code CROWDFUNDING#<shard>} / {@code <dueAt>#<cid>#<backer or ->}, moved in the same transaction as the campaign's
 * or the pledge's {@code dueAt}, so the job reads a consistent, bounded range instead of a GSI or a Scan.
 *
 * <p>A new pledge updates its totals shard on the condition that the shard is not closed; closing a campaign sets
 * {@code closedAt} on every shard first ({@link #closeItems}), so no pledge can slip in after the closing job read the
 * campaign's pledges.
 */
@Singleton
public class CampaignRepository {
    public static final int TOTAL_SHARDS = 8;
    public static final int DUE_SHARDS = 8;
    private static final String PK_PREFIX = "CAMPAIGN#";
    private static final String CAMPAIGN_SK = "CAMPAIGN";
    private static final String PLEDGE_PREFIX = "PLEDGE#";
    private static final String REWARD_PREFIX = "REWARD#";
    private static final String TOTALS_PREFIX = "TOTALS#";
    private static final String NO_BACKER = "-";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final String table;

    public CampaignRepository(DynamoDbClient dynamo, BatchReads batchReads, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /** What the closing job finds due: a campaign ({@code backerId} null) or one pledge of it. */
    public record Due(String campaignId, String backerId, Instant dueAt) {
    }

    // ----- campaigns

    public Optional<Campaign> find(String campaignId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(campaignKey(campaignId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(campaignFrom(item));
    }

    /** The campaigns of {@code campaignIds} that exist, by id: one batch read (consistent), for a list's page. */
    public Map<String, Campaign> findAll(java.util.Collection<String> campaignIds) {
        Map<String, Campaign> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = campaignIds.stream().distinct().map(CampaignRepository::campaignKey).toList();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            Campaign campaign = campaignFrom(item);
            found.put(campaign.campaignId(), campaign);
        }
        return found;
    }

    /**
     * The writes that replace {@code seen} (null: a new campaign) by {@code next}: the campaign, conditional on the
     * version read, and its due marker moved when {@code dueAt} changes (1 to 3 actions).
     */
    public List<TransactWriteItem> saveItems(Campaign seen, Campaign next) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(versioned(campaignItem(next), seen == null ? null : seen.version()));
        moveDue(items, seen == null ? null : seen.dueAt(), next.dueAt(), next.campaignId(), null);
        return items;
    }

    /**
     * The writes that remove a campaign nobody could pledge to yet (a draft: no pledges, counters or totals): the
     * campaign, conditional on the version read, and its due marker if it has one.
     */
    public List<TransactWriteItem> deleteItems(Campaign seen) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(campaignKey(seen.campaignId()))
                .conditionExpression("version = :seen").expressionAttributeValues(Map.of(":seen", n(seen.version())))
                .build()).build());
        moveDue(items, seen.dueAt(), null, seen.campaignId(), null);
        return items;
    }

    /**
     * The writes that close a campaign's pledging: {@code closedAt} set on every totals shard, after which no new
     * pledge is accepted ({@link #TOTAL_SHARDS} actions; put them with the campaign's own change).
     */
    public List<TransactWriteItem> closeItems(String campaignId, Instant at) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int shard = 0; shard < TOTAL_SHARDS; shard++) {
            items.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Attrs.key(pk(campaignId), TOTALS_PREFIX + shard))
                    .updateExpression("SET closedAt = if_not_exists(closedAt, :at), #type = :type")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":type", s("campaign-totals")))
                    .build()).build());
        }
        return items;
    }

    /**
     * A page of the creator's campaigns, newest first, from gsi1 (eventually consistent: a list, never a decision).
     *
     * @param before the {@link #listPosition} of the last one of the previous page, or null
     */
    public List<Campaign> ofCreator(String creatorId, String before, int limit) {
        return gsiPage(campaignsPk(creatorId), before, limit).stream().map(CampaignRepository::campaignFrom).toList();
    }

    public static String listPosition(Campaign campaign) {
        return campaign.createdAt() + "#" + campaign.campaignId();
    }

    /** The campaign's totals and reward claims: one consistent Query of its counters. */
    public CampaignTotals totals(String campaignId) {
        long pledged = 0;
        long collected = 0;
        long dropped = 0;
        long backers = 0;
        Map<String, Long> claimed = new HashMap<>();
        var answer = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(pk(campaignId)), ":from", s(REWARD_PREFIX),
                        ":to", s(TOTALS_PREFIX + "~"))));
        for (var item : answer.items()) {
            String sk = Attrs.string(item, "sk");
            if (sk.startsWith(REWARD_PREFIX)) {
                claimed.put(sk.substring(REWARD_PREFIX.length()), Attrs.number(item, "claimed").orElse(0L));
            } else {
                pledged += Attrs.number(item, "pledged").orElse(0L);
                collected += Attrs.number(item, "collected").orElse(0L);
                dropped += Attrs.number(item, "dropped").orElse(0L);
                backers += Attrs.number(item, "backers").orElse(0L);
            }
        }
        return new CampaignTotals(pledged, collected, dropped, backers, claimed);
    }

    // ----- pledges

    public Optional<Pledge> findPledge(String campaignId, String backerId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(pledgeKey(campaignId, backerId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(pledgeFrom(item));
    }

    /**
     * The writes that replace {@code seen} by {@code next} for one backer of {@code campaign}: the pledge, conditional
     * on the version read ({@code seen} null: none stored; a new pledge may replace one that gave up its place,
     * conditional on that one's version); the difference of the two states' contributions added to the backer's
     * totals shard (a new pledge: on the condition that the shard is not closed); the reward's claim taken (on the
     * condition that the reward's limit is not reached) or given back; the due marker moved (2 to 6 actions).
     */
    public List<TransactWriteItem> pledgeItems(Campaign campaign, Pledge seen, Pledge next) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(versioned(pledgeItem(next), seen == null ? null : seen.version()));
        boolean fresh = seen == null || !seen.pledgeId().equals(next.pledgeId());
        long pledged = contribution(next, Pledge.State::pledged) - (fresh ? 0 : contribution(seen, Pledge.State::pledged));
        long collected = contribution(next, Pledge.State::collected) - (fresh ? 0 : contribution(seen, Pledge.State::collected));
        long dropped = contribution(next, Pledge.State::dropped) - (fresh ? 0 : contribution(seen, Pledge.State::dropped));
        long backers = (next.state().pledged() ? 1 : 0) - (fresh || !seen.state().pledged() ? 0 : 1);
        if (fresh || pledged != 0 || collected != 0 || dropped != 0 || backers != 0) {
            Update.Builder totals = Update.builder().tableName(table)
                    .key(Attrs.key(pk(next.campaignId()), TOTALS_PREFIX + totalShardOf(next.backerId())))
                    .updateExpression("ADD pledged :pledged, collected :collected, dropped :dropped, backers :backers SET #type = :type")
                    .expressionAttributeNames(Map.of("#type", "type"));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pledged", n(pledged), ":collected", n(collected),
                    ":dropped", n(dropped), ":backers", n(backers), ":type", s("campaign-totals")));
            if (fresh) {
                totals.conditionExpression("attribute_not_exists(closedAt)");
            }
            items.add(TransactWriteItem.builder().update(totals.expressionAttributeValues(values).build()).build());
        }
        String heldBefore = fresh || !seen.state().holdsReward() ? null : seen.rewardId();
        String heldAfter = next.state().holdsReward() ? next.rewardId() : null;
        if (!Objects.equals(heldBefore, heldAfter)) {
            if (heldBefore != null) {
                items.add(claimItem(campaign, heldBefore, -1));
            }
            if (heldAfter != null) {
                items.add(claimItem(campaign, heldAfter, 1));
            }
        }
        Instant dueBefore = seen == null ? null : seen.dueAt();
        moveDue(items, dueBefore, next.dueAt(), next.campaignId(), next.backerId());
        return items;
    }

    /** Which of {@link #pledgeItems}' conditions failed. */
    public enum PledgeRefusal {
        /** The pledge was not as read: another request of the backer's changed it meanwhile. */
        PLEDGE_CHANGED,
        /** The campaign's totals are closed: it takes no new pledge. */
        CLOSED,
        /** The reward's claims reached its limit. */
        SOLD_OUT
    }

    /**
     * Why a transaction holding {@code items} (of {@link #pledgeItems}) was refused, from its cancellation
     * {@code reasons} (one per item, in order); empty when none of these items failed a condition.
     */
    public static Optional<PledgeRefusal> pledgeRefusal(List<TransactWriteItem> items, List<CancellationReason> reasons) {
        for (int i = 0; i < items.size() && i < reasons.size(); i++) {
            if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                continue;
            }
            TransactWriteItem item = items.get(i);
            Map<String, AttributeValue> key = item.put() != null ? item.put().item()
                    : item.update() != null ? item.update().key() : Map.of();
            String sk = key.containsKey("sk") ? key.get("sk").s() : "";
            if (sk.startsWith(PLEDGE_PREFIX)) {
                return Optional.of(PledgeRefusal.PLEDGE_CHANGED);
            }
            if (sk.startsWith(TOTALS_PREFIX)) {
                return Optional.of(PledgeRefusal.CLOSED);
            }
            if (sk.startsWith(REWARD_PREFIX)) {
                return Optional.of(PledgeRefusal.SOLD_OUT);
            }
        }
        return Optional.empty();
    }

    /** Up to {@code limit} of the campaign's pledges after backer {@code afterBackerId} (null: from the first), consistent. */
    public List<Pledge> pledges(String campaignId, String afterBackerId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(campaignId)),
                ":from", s(PLEDGE_PREFIX + (afterBackerId == null ? "" : afterBackerId + "\u0000")),
                ":to", s(PLEDGE_PREFIX + "~")));
        return dynamo.query(r -> r.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(values).limit(limit))
                .items().stream().map(CampaignRepository::pledgeFrom).toList();
    }

    /**
     * A page of the backer's pledges, newest first, from gsi1 (eventually consistent).
     *
     * @param before the {@link #listPosition(Pledge)} of the last one of the previous page, or null
     */
    public List<Pledge> ofBacker(String backerId, String before, int limit) {
        return gsiPage(pledgesPk(backerId), before, limit).stream().map(CampaignRepository::pledgeFrom).toList();
    }

    public static String listPosition(Pledge pledge) {
        return pledge.createdAt() + "#" + pledge.campaignId();
    }

    // ----- the closing job's markers

    /** Up to {@code limit} campaigns and pledges of {@code shard} due at or before {@code now}, earliest first (consistent). */
    public List<Due> dueBy(int shard, Instant now, int limit) {
        return KeyRangeQueries.dueBy(dynamo, table, duePk(shard), now, limit).stream()
                .map(item -> new Due(Attrs.string(item, "campaignId"), Attrs.string(item, "backerId"),
                        Instant.parse(Attrs.string(item, "dueAt"))))
                .toList();
    }

    public static int dueShardOf(String campaignId, String backerId) {
        return Math.floorMod((campaignId + "#" + (backerId == null ? NO_BACKER : backerId)).hashCode(), DUE_SHARDS);
    }

    public static int totalShardOf(String backerId) {
        return Math.floorMod(backerId.hashCode(), TOTAL_SHARDS);
    }

    // ----- items

    private TransactWriteItem versioned(Map<String, AttributeValue> item, Long seenVersion) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (seenVersion == null) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("version = :seen").expressionAttributeValues(Map.of(":seen", n(seenVersion)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem claimItem(Campaign campaign, String rewardId, int delta) {
        Update.Builder update = Update.builder().tableName(table).key(Attrs.key(pk(campaign.campaignId()), REWARD_PREFIX + rewardId))
                .updateExpression("ADD claimed :delta SET #type = :type")
                .expressionAttributeNames(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":delta", n(delta), ":type", s("campaign-reward")));
        Integer limit = campaign.reward(rewardId).map(Reward::limit).orElse(null);
        if (delta > 0 && limit != null) {
            update.conditionExpression("attribute_not_exists(claimed) OR claimed < :limit");
            values.put(":limit", n(limit));
        }
        return TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build();
    }

    private void moveDue(List<TransactWriteItem> items, Instant before, Instant after, String campaignId, String backerId) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            items.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(dueKey(campaignId, backerId, before)).build()).build());
        }
        if (after != null) {
            Map<String, AttributeValue> due = new HashMap<>(dueKey(campaignId, backerId, after));
            due.put("type", s("crowdfunding-due"));
            due.put("campaignId", s(campaignId));
            if (backerId != null) {
                due.put("backerId", s(backerId));
            }
            due.put("dueAt", s(after.toString()));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(due).build()).build());
        }
    }

    private List<Map<String, AttributeValue>> gsiPage(String gsiPk, String before, int limit) {
        return KeyRangeQueries.newestOnIndex(dynamo, table, gsiPk, before, limit);
    }

    private static long contribution(Pledge pledge, java.util.function.Predicate<Pledge.State> counts) {
        return counts.test(pledge.state()) ? pledge.amount().minor() : 0;
    }

    private static String pk(String campaignId) {
        return PK_PREFIX + campaignId;
    }

    private static Map<String, AttributeValue> campaignKey(String campaignId) {
        return Attrs.key(pk(campaignId), CAMPAIGN_SK);
    }

    private static Map<String, AttributeValue> pledgeKey(String campaignId, String backerId) {
        return Attrs.key(pk(campaignId), PLEDGE_PREFIX + backerId);
    }

    private static String campaignsPk(String creatorId) {
        return "CAMPAIGNS#" + creatorId;
    }

    private static String pledgesPk(String backerId) {
        return "PLEDGES#" + backerId;
    }

    private static String duePk(int shard) {
        return "CROWDFUNDING#" + shard;
    }

    private static Map<String, AttributeValue> dueKey(String campaignId, String backerId, Instant dueAt) {
        return Attrs.key(duePk(dueShardOf(campaignId, backerId)),
                dueAt + "#" + campaignId + "#" + (backerId == null ? NO_BACKER : backerId));
    }

    private static Map<String, AttributeValue> campaignItem(Campaign c) {
        Map<String, AttributeValue> item = new HashMap<>(campaignKey(c.campaignId()));
        item.put("type", s("campaign"));
        item.put("campaignId", s(c.campaignId()));
        item.put("creatorId", s(c.creatorId()));
        item.put("title", s(c.title()));
        item.put("description", s(c.description()));
        if (c.cover() != null) {
            item.put("cover", PhotoRecordItems.toAttribute(c.cover()));
        }
        item.put("goal", n(c.goal().minor()));
        item.put("currency", s(c.goal().currency()));
        item.put("deadline", s(c.deadline().toString()));
        item.put("mode", s(c.mode().wire()));
        item.put("status", s(c.status().wire()));
        item.put("rewards", AttributeValue.fromL(c.rewards().stream().map(CampaignRepository::rewardAttribute).toList()));
        optional(item, "dueAt", c.dueAt());
        if (c.closeCursor() != null) {
            item.put("closeCursor", s(c.closeCursor()));
        }
        item.put("createdAt", s(c.createdAt().toString()));
        optional(item, "launchedAt", c.launchedAt());
        optional(item, "endedAt", c.endedAt());
        item.put("updatedAt", s(c.updatedAt().toString()));
        item.put("version", n(c.version()));
        item.put("gsi1pk", s(campaignsPk(c.creatorId())));
        item.put("gsi1sk", s(listPosition(c)));
        return item;
    }

    private static AttributeValue rewardAttribute(Reward r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("rewardId", s(r.rewardId()));
        m.put("title", s(r.title()));
        m.put("description", s(r.description()));
        m.put("minimum", n(r.minimum().minor()));
        m.put("deliveryEstimate", s(r.deliveryEstimate()));
        if (r.limit() != null) {
            m.put("limit", n(r.limit()));
        }
        return AttributeValue.fromM(m);
    }

    private static Campaign campaignFrom(Map<String, AttributeValue> item) {
        String currency = Attrs.string(item, "currency");
        List<Reward> rewards = item.containsKey("rewards") ? item.get("rewards").l().stream().map(v -> {
            Map<String, AttributeValue> m = v.m();
            return new Reward(m.get("rewardId").s(), m.get("title").s(), m.get("description").s(),
                    new Money(Long.parseLong(m.get("minimum").n()), currency), m.get("deliveryEstimate").s(),
                    m.containsKey("limit") ? Integer.valueOf(m.get("limit").n()) : null);
        }).toList() : List.of();
        return new Campaign(
                Attrs.string(item, "campaignId"),
                Attrs.string(item, "creatorId"),
                Attrs.string(item, "title"),
                Attrs.string(item, "description"),
                item.containsKey("cover") ? PhotoRecordItems.fromAttribute(item.get("cover")) : null,
                new Money(Attrs.number(item, "goal").orElseThrow(), currency),
                Instant.parse(Attrs.string(item, "deadline")),
                Campaign.Mode.fromWire(Attrs.string(item, "mode")).orElseThrow(),
                Campaign.Status.fromWire(Attrs.string(item, "status")),
                rewards,
                instant(item, "dueAt"),
                Attrs.string(item, "closeCursor"),
                Instant.parse(Attrs.string(item, "createdAt")),
                instant(item, "launchedAt"),
                instant(item, "endedAt"),
                Instant.parse(Attrs.string(item, "updatedAt")),
                Attrs.number(item, "version").orElseThrow());
    }

    private static Map<String, AttributeValue> pledgeItem(Pledge p) {
        Map<String, AttributeValue> item = new HashMap<>(pledgeKey(p.campaignId(), p.backerId()));
        item.put("type", s("pledge"));
        item.put("campaignId", s(p.campaignId()));
        item.put("backerId", s(p.backerId()));
        item.put("pledgeId", s(p.pledgeId()));
        item.put("amount", n(p.amount().minor()));
        item.put("currency", s(p.amount().currency()));
        if (p.rewardId() != null) {
            item.put("rewardId", s(p.rewardId()));
        }
        item.put("provider", s(p.provider().wire()));
        item.put("state", s(p.state().wire()));
        if (p.paymentId() != null) {
            item.put("paymentId", s(p.paymentId()));
        }
        if (p.savedMethod() != null) {
            item.put("savedMethod", s(p.savedMethod()));
        }
        if (p.verificationId() != null) {
            item.put("verificationId", s(p.verificationId()));
        }
        item.put("attempts", n(p.attempts()));
        optional(item, "fixBy", p.fixBy());
        optional(item, "dueAt", p.dueAt());
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("updatedAt", s(p.updatedAt().toString()));
        item.put("version", n(p.version()));
        item.put("gsi1pk", s(pledgesPk(p.backerId())));
        item.put("gsi1sk", s(listPosition(p)));
        return item;
    }

    private static Pledge pledgeFrom(Map<String, AttributeValue> item) {
        return new Pledge(
                Attrs.string(item, "campaignId"),
                Attrs.string(item, "backerId"),
                Attrs.string(item, "pledgeId"),
                new Money(Attrs.number(item, "amount").orElseThrow(), Attrs.string(item, "currency")),
                Attrs.string(item, "rewardId"),
                PaymentProvider.fromWire(Attrs.string(item, "provider")).orElseThrow(),
                Pledge.State.fromWire(Attrs.string(item, "state")),
                Attrs.string(item, "paymentId"),
                Attrs.string(item, "savedMethod"),
                Attrs.string(item, "verificationId"),
                Attrs.number(item, "attempts").orElse(0L).intValue(),
                instant(item, "fixBy"),
                instant(item, "dueAt"),
                Instant.parse(Attrs.string(item, "createdAt")),
                Instant.parse(Attrs.string(item, "updatedAt")),
                Attrs.number(item, "version").orElseThrow());
    }

    private static void optional(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, s(value.toString()));
        }
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = Attrs.string(item, name);
        return value == null ? null : Instant.parse(value);
    }
}
