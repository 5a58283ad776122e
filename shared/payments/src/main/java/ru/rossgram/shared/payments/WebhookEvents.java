package ru.rossgram.shared.payments;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The provider events already taken (docs/data-model.md, row 24): {@code WEBHOOK#<provider>#<event key> / EVENT},
 * put only if absent, in the same transaction as whatever the event changes. A redelivery, hours later or at the
 * same instant, fails that condition and changes nothing. Kept for good: redeliveries have no deadline.
 */
@Singleton
public class WebhookEvents {
    private final String table;

    public WebhookEvents(RossgramConfig config) {
        this.table = config.table();
    }

    /** The write that records {@code event} as taken, with what came of it; fails if it was taken before. */
    public TransactWriteItem claimItem(ProviderEvent event, String paymentId, String outcome, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key(
                "WEBHOOK#" + event.provider().wire() + "#" + event.eventKey(), "EVENT"));
        item.put("type", s("webhook-event"));
        item.put("paymentId", s(paymentId));
        item.put("kind", s(event.kind().name()));
        item.put("outcome", s(outcome));
        item.put("receivedAt", s(at.toString()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
