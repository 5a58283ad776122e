package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The cold-start baseline for the payment webhook ({@code POST /v1/webhooks/cloudpayments}, a Pay notification of a
 * post's purchase): checks the Content-HMAC (HMAC-SHA256 of the raw body with ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_API_SECRET,
 * javax.crypto), reads the form, then makes the requests PaymentWebhookFunction's first call makes, in order: a
 * consistent GetItem of {@code PAYMENT#<InvoiceId>}, a consistent GetItem of the seller's profile, and one
 * TransactWriteItems of eleven actions - the delivery's {@code WEBHOOK#} event (only if absent), the payment's move
 * from pending to succeeded (conditional on its state and version), the three ledger entries (buyer, creator, the
 * platform's fee shard; each only if absent) and the three balances ({@code ADD}), the seller's activity item, the
 * buyer's access to the post and the card she paid with. Answers 200 {@code {"code":0}}. Leaves out: Micronaut,
 * Jackson, the gateway registry and notification model, the referral program's share (the seller was referred by
 * nobody, which the profile read tells the real function), duplicate and out-of-order handling.
 */
public class BarePaymentWebhookHandler extends BareHttpHandler {
    private static final int FEE_SHARDS = 1;
    private final String secret;

    public BarePaymentWebhookHandler() {
        this(System.getenv());
    }

    public BarePaymentWebhookHandler(Map<String, String> env) {
        super(env);
        this.secret = env.getOrDefault("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_API_SECRET", "");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = body(event);
        String signature = event.getHeaders() == null ? null : event.getHeaders().get("content-hmac");
        if (secret.isBlank() || signature == null || !MessageDigest.isEqual(hmac(body),
                signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            return response(401, "{\"code\":13}");
        }
        Map<String, String> form = form(body);
        String table = clients.table();
        Map<String, AttributeValue> payment = clients.dynamo().getItem(r -> r.tableName(table)
                .key(key("PAYMENT#" + form.get("InvoiceId"), "PAYMENT")).consistentRead(true)).item();
        if (payment == null || payment.isEmpty() || !"pending".equals(string(payment, "state"))) {
            return response(200, "{\"code\":0}");
        }
        String seller = string(payment, "sellerId");
        String buyer = string(payment, "buyerId");
        String paymentId = string(payment, "paymentId");
        String postId = string(payment, "purchaseId");
        long amount = Long.parseLong(payment.get("amount").n());
        long fee = Long.parseLong(payment.get("platformFee").n());
        String currency = string(payment, "currency");
        clients.dynamo().getItem(r -> r.tableName(table).key(key("USER#" + seller, "PROFILE")).consistentRead(true));

        String now = Instant.now().toString();
        List<TransactWriteItem> actions = new ArrayList<>();
        Map<String, AttributeValue> delivery = item("WEBHOOK#cloudpayments#pay:" + form.get("TransactionId"), "EVENT", "webhook-event");
        delivery.put("paymentId", s(paymentId));
        delivery.put("kind", s("SUCCEEDED"));
        delivery.put("outcome", s("succeeded"));
        delivery.put("receivedAt", s(now));
        actions.add(DynamoItems.putIfAbsent(table, delivery));
        actions.add(update(key("PAYMENT#" + paymentId, "PAYMENT"),
                "SET #state = :to, updatedAt = :at, version = :next, providerPaymentId = :pid",
                "#state = :from AND version = :seen", Map.of("#state", "state"), Map.of(":to", s("succeeded"), ":at", s(now),
                        ":next", n(Long.parseLong(payment.get("version").n()) + 1), ":pid", s(form.get("TransactionId")),
                        ":from", s("pending"), ":seen", payment.get("version"))));
        Map<String, Long> postings = Map.of("buyer:" + buyer, -amount, "creator:" + seller, amount - fee,
                "platform:fees:" + FEE_SHARDS, fee);
        postings.forEach((account, delta) -> {
            Map<String, AttributeValue> entry = item("LEDGER#" + account, "ENTRY#" + UUID.randomUUID(), "ledger-entry");
            entry.put("account", s(account));
            entry.put("amount", n(delta));
            entry.put("currency", s(currency));
            entry.put("paymentId", s(paymentId));
            entry.put("subject", s(postId));
            entry.put("createdAt", s(now));
            actions.add(DynamoItems.putIfAbsent(table, entry));
        });
        postings.forEach((account, delta) -> actions.add(update(key("LEDGER#" + account, "BALANCE#" + currency),
                "ADD balance :delta SET #type = :type", null, Map.of("#type", "type"),
                Map.of(":delta", n(delta), ":type", s("ledger-balance")))));
        Map<String, AttributeValue> activity = item("ACTIVITY#" + seller, "PURCHASED#" + paymentId, "activity");
        activity.put("actorId", s(buyer));
        activity.put("postId", s(postId));
        activity.put("amount", n(amount));
        activity.put("currency", s(currency));
        activity.put("at", s(now));
        activity.put("gsi1pk", s("ACTIVITY#" + seller));
        activity.put("gsi1sk", s(UUID.randomUUID().toString()));
        actions.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(activity).build()).build());
        actions.add(update(key("USER#" + buyer, "ACCESS#POST#" + postId),
                "ADD paymentIds :payment SET #type = :type, postId = :post, grantedAt = :at", null, Map.of("#type", "type"),
                Map.of(":payment", AttributeValue.fromSs(List.of(paymentId)), ":type", s("access"), ":post", s(postId), ":at", s(now))));
        String card = form.get("CardFirstSix") + "*" + form.get("CardLastFour") + "*" + form.getOrDefault("CardExpDate", "").replace("/", "");
        actions.add(update(key("USER#" + buyer, "CARD#" + card),
                "SET #type = :type, firstPaidAt = if_not_exists(firstPaidAt, :at), lastPaidAt = :at", null,
                Map.of("#type", "type"), Map.of(":type", s("payment-card"), ":at", s(now))));
        clients.dynamo().transactWriteItems(r -> r.transactItems(actions));
        return response(200, "{\"code\":0}");
    }

    private TransactWriteItem update(Map<String, AttributeValue> key, String expression, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        Update.Builder update = Update.builder().tableName(clients.table()).key(key).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (condition != null) {
            update.conditionExpression(condition);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    private byte[] hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encode(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
