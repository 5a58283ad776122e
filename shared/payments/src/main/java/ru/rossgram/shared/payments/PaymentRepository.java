package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.Counters;
import ru.rossgram.shared.dynamo.TransactionWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Payments in the single table (docs/data-model.md, rows 22-24): {@code PAYMENT#<id> / PAYMENT}; the buyer's
 * checkout idempotency claim {@code CHECKOUT#<buyer>#<key> / CLAIM}; the provider's id claim
 * {@code PROVIDERPAY#<provider>#<their id> / CLAIM}, so a notification naming only the provider's id finds the
 * payment with a consistent read; and the order-number counter. Every change of state is conditioned on the
 * state and version it was decided from.
 */
@Singleton
public class PaymentRepository {
    private static final String SK = "PAYMENT";
    /** M {referrerId, rewardId, amount}: what the sale credited the seller's referrer; absent when nothing. */
    private static final String REFERRAL_CREDIT = "referralCredit";
    private static final Map<String, AttributeValue> ORDER_COUNTER = Attrs.key("COUNTER#payment-order", "COUNTER");

    private final DynamoDbClient dynamo;
    private final Counters counters;
    private final TransactionWriter transactions;
    private final String table;

    public PaymentRepository(DynamoDbClient dynamo, TransactionWriter transactions, Counters counters,
                             RossgramConfig config) {
        this.dynamo = dynamo;
        this.counters = counters;
        this.transactions = transactions;
        this.table = config.table();
    }

    /** The next order number: 1, 2, 3, ... across all payments. */
    public long nextOrderNumber() {
        return counters.next(ORDER_COUNTER);
    }

    /**
     * Stores a new payment, claimed by the buyer's idempotency key when there is one. Without a key, a payment whose
     * id is derived from what it pays for ({@code IdGenerator.derivedId}: a subscription's renewal) is stored once:
     * a second creation answers the first.
     *
     * @return empty when stored; the payment that key (without a key: that id) already made otherwise
     */
    public Optional<Payment> create(Payment payment, String idempotencyKey) {
        return create(payment, idempotencyKey, List.of());
    }

    /**
     * As {@link #create(Payment, String)}, with {@code with} (what the sale opens: a pledge) in the same
     * transaction: both are stored or neither.
     *
     * @throws WritesRefused when a condition of {@code with} failed while the payment and its key were free
     */
    public Optional<Payment> create(Payment payment, String idempotencyKey, List<TransactWriteItem> with) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(put(toItem(payment)));
        if (idempotencyKey != null) {
            Map<String, AttributeValue> claim = new HashMap<>(checkoutClaimKey(payment.buyerId(), idempotencyKey));
            claim.put("paymentId", s(payment.paymentId()));
            items.add(put(claim));
        }
        int own = items.size();
        items.addAll(with);
        Optional<List<CancellationReason>> failed = transactions.write(items);
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        boolean ownRefused = java.util.stream.IntStream.range(0, own)
                .anyMatch(i -> TransactionWriter.failedCondition(failed.get(), i));
        if (!ownRefused) {
            throw new WritesRefused(failed.get().subList(own, failed.get().size()));
        }
        Optional<Payment> earlier = idempotencyKey == null ? find(payment.paymentId())
                : byIdempotencyKey(payment.buyerId(), idempotencyKey);
        return earlier.or(() -> {
            throw new IllegalStateException("payment " + payment.paymentId() + " was refused but neither its id nor a claim of its key holds one");
        });
    }

    /** The writes stored with a new payment were refused: {@code reasons}, one per write, say which and why. */
    public static final class WritesRefused extends RuntimeException {
        private final transient List<CancellationReason> reasons;

        WritesRefused(List<CancellationReason> reasons) {
            super("the writes stored with a payment were refused: " + reasons, null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<CancellationReason> reasons() {
            return reasons;
        }
    }

    public Optional<Payment> find(String paymentId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(paymentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The payment the provider knows as {@code providerPaymentId} (consistent read of the claim). */
    public Optional<Payment> findByProviderId(PaymentProvider provider, String providerPaymentId) {
        var claim = dynamo.getItem(r -> r.tableName(table).key(providerClaimKey(provider, providerPaymentId))
                .consistentRead(true)).item();
        return claim == null || claim.isEmpty() ? Optional.empty() : find(Attrs.string(claim, "paymentId"));
    }

    /** The payment the buyer's checkout {@code idempotencyKey} made, if any (consistent read of the claim). */
    public Optional<Payment> byIdempotencyKey(String buyerId, String idempotencyKey) {
        var claim = dynamo.getItem(r -> r.tableName(table).key(checkoutClaimKey(buyerId, idempotencyKey))
                .consistentRead(true)).item();
        return claim == null || claim.isEmpty() ? Optional.empty() : find(Attrs.string(claim, "paymentId"));
    }

    /**
     * Records what the provider answered to the creation: its id (claimed, so notifications find the payment)
     * and where the buyer pays. Repeating it with the same answer is harmless.
     */
    public void recordCreated(Payment payment, String providerPaymentId, URI confirmationUrl, Instant at) {
        record(payment, providerPaymentId, confirmationUrl, at);
    }

    /**
     * Records what the provider answered to a charge of a saved method ({@code PaymentGateway.charge}): its id,
     * claimed so that notifications and the outcome check find the payment. Nobody confirms a charge, so there is no
     * confirmation URL. Repeating it with the same answer is harmless.
     */
    public void recordCharged(Payment payment, String providerPaymentId, Instant at) {
        record(payment, providerPaymentId, null, at);
    }

    private void record(Payment payment, String providerPaymentId, URI confirmationUrl, Instant at) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString())));
        String set = "SET updatedAt = :at";
        if (confirmationUrl != null) { // a charge of a saved method has no page to confirm on
            set += ", confirmationUrl = :url";
            values.put(":url", s(confirmationUrl.toString()));
        }
        if (providerPaymentId != null) {
            set += ", providerPaymentId = :pid";
            values.put(":pid", s(providerPaymentId));
            Map<String, AttributeValue> claim = new HashMap<>(providerClaimKey(payment.provider(), providerPaymentId));
            claim.put("paymentId", s(payment.paymentId()));
            items.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(pk) OR paymentId = :ours")
                    .expressionAttributeValues(Map.of(":ours", s(payment.paymentId()))).build()).build());
        }
        String expression = set;
        items.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(payment.paymentId()))
                .updateExpression(expression).conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(values).build()).build());
        transactions.write(items).ifPresent(reasons -> {
            throw new IllegalStateException("provider id " + providerPaymentId + " is claimed by another payment: " + reasons);
        });
    }

    /** The write that moves {@code seen} to {@code next}; fails the transaction if it changed since it was read. */
    public TransactWriteItem transitionItem(Payment seen, Payment next) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(next.state().wire()), ":at", s(next.updatedAt().toString()),
                ":next", n(next.version()), ":from", s(seen.state().wire()), ":seen", n(seen.version())));
        String set = "SET #state = :to, updatedAt = :at, version = :next";
        if (next.referralCredit() != null && seen.referralCredit() == null) {
            set += ", " + REFERRAL_CREDIT + " = :credit";
            values.put(":credit", referralCredit(next.referralCredit()));
        }
        String expression = set;
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(seen.paymentId()))
                .updateExpression(expression)
                .conditionExpression("#state = :from AND version = :seen")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(values)
                .build()).build();
    }

    /** Marks the payment for a person to look at, with why; money and access stay as they are. */
    public void flag(String paymentId, String reason, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(key(paymentId)).updateExpression("SET flag = :why, flaggedAt = :at")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":why", s(reason), ":at", s(at.toString()))));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    static Map<String, AttributeValue> key(String paymentId) {
        return Attrs.key("PAYMENT#" + paymentId, SK);
    }

    private static Map<String, AttributeValue> checkoutClaimKey(String buyerId, String idempotencyKey) {
        return Attrs.key("CHECKOUT#" + buyerId + "#" + idempotencyKey, "CLAIM");
    }

    private static Map<String, AttributeValue> providerClaimKey(PaymentProvider provider, String providerPaymentId) {
        return Attrs.key("PROVIDERPAY#" + provider.wire() + "#" + providerPaymentId, "CLAIM");
    }

    private static Map<String, AttributeValue> toItem(Payment p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.paymentId()));
        item.put("type", s("payment"));
        item.put("paymentId", s(p.paymentId()));
        item.put("buyerId", s(p.buyerId()));
        item.put("sellerId", s(p.sellerId()));
        item.put("purchaseKind", s(p.purchase().kind().wire()));
        item.put("purchaseId", s(p.purchase().id()));
        item.put("amount", n(p.amount().minor()));
        item.put("currency", s(p.amount().currency()));
        item.put("platformFee", n(p.platformFee().minor()));
        item.put("provider", s(p.provider().wire()));
        item.put("orderNumber", n(p.orderNumber()));
        item.put("state", s(p.state().wire()));
        item.put("createdAt", s(p.createdAt().toString()));
        item.put("updatedAt", s(p.updatedAt().toString()));
        item.put("version", n(p.version()));
        if (p.referralCredit() != null) {
            item.put(REFERRAL_CREDIT, referralCredit(p.referralCredit()));
        }
        if (p.charge() != null) {
            item.put("chargeReason", s(p.charge().reason().wire()));
            item.put("chargePeriod", n(p.charge().period()));
            item.put("chargeAttempt", n(p.charge().attempt()));
        }
        if (p.pledge() != null) {
            item.put("pledgeId", s(p.pledge().pledgeId()));
            item.put("pledgeReason", s(p.pledge().reason().wire()));
            item.put("pledgeAttempt", n(p.pledge().attempt()));
        }
        return item;
    }

    private static AttributeValue referralCredit(Payment.ReferralCredit credit) {
        return AttributeValue.fromM(Map.of("referrerId", s(credit.referrerId()), "rewardId", s(credit.rewardId()),
                "amount", n(credit.amount().minor())));
    }

    private static Payment.ReferralCredit referralCredit(AttributeValue value, String currency) {
        if (value == null || !value.hasM()) {
            return null;
        }
        Map<String, AttributeValue> m = value.m();
        return new Payment.ReferralCredit(m.get("referrerId").s(), m.get("rewardId").s(),
                new Money(Long.parseLong(m.get("amount").n()), currency));
    }

    private static Payment fromItem(Map<String, AttributeValue> item) {
        String url = Attrs.string(item, "confirmationUrl");
        return new Payment(
                Attrs.string(item, "paymentId"),
                Attrs.string(item, "buyerId"),
                Attrs.string(item, "sellerId"),
                new Purchase(Purchase.Kind.fromWire(Attrs.string(item, "purchaseKind")).orElseThrow(), Attrs.string(item, "purchaseId")),
                new Money(Attrs.number(item, "amount").orElseThrow(), Attrs.string(item, "currency")),
                new Money(Attrs.number(item, "platformFee").orElseThrow(), Attrs.string(item, "currency")),
                PaymentProvider.fromWire(Attrs.string(item, "provider")).orElseThrow(),
                Attrs.number(item, "orderNumber").orElseThrow(),
                Attrs.string(item, "providerPaymentId"),
                url == null ? null : URI.create(url),
                PaymentState.fromWire(Attrs.string(item, "state")),
                Attrs.string(item, "flag"),
                Instant.parse(Attrs.string(item, "createdAt")),
                Instant.parse(Attrs.string(item, "updatedAt")),
                Attrs.number(item, "version").orElseThrow(),
                referralCredit(item.get(REFERRAL_CREDIT), Attrs.string(item, "currency")),
                charge(item),
                pledge(item));
    }

    private static PledgeCharge pledge(Map<String, AttributeValue> item) {
        String reason = Attrs.string(item, "pledgeReason");
        return reason == null ? null : new PledgeCharge(Attrs.string(item, "pledgeId"),
                PledgeCharge.Reason.fromWire(reason), Attrs.number(item, "pledgeAttempt").orElseThrow().intValue());
    }

    private static SubscriptionCharge charge(Map<String, AttributeValue> item) {
        String reason = Attrs.string(item, "chargeReason");
        return reason == null ? null : new SubscriptionCharge(SubscriptionCharge.Reason.fromWire(reason),
                Attrs.number(item, "chargePeriod").orElseThrow().intValue(),
                Attrs.number(item, "chargeAttempt").orElseThrow().intValue());
    }
}
