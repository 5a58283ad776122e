package ru.rossgram.shared.payments.referrals;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.payments.providers.PaymentCard;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The cards each account has paid with (docs/data-model.md, row 30e): {@code USER#<uid> / CARD#<fingerprint>},
 * recorded in the transaction that settles each of its purchases, so the referral program can tell a referrer
 * buying from its own referral with its own card under another account.
 */
@Singleton
public class PaymentCards {
    private static final String CARD = "CARD#";

    private final DynamoDbClient dynamo;
    private final String table;

    public PaymentCards(DynamoDbClient dynamo, RossgramConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /** Records that {@code userId} paid with {@code card} at {@code at} (again, or for the first time). */
    public TransactWriteItem paidWithItem(String userId, PaymentCard card, Instant at) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(userId, card.fingerprint()))
                .updateExpression("SET #type = :type, firstPaidAt = if_not_exists(firstPaidAt, :at), lastPaidAt = :at")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", s("payment-card"), ":at", s(at.toString()))).build()).build();
    }

    /** Whether {@code userId} has paid with {@code card} (consistent read). */
    public boolean paidWith(String userId, PaymentCard card) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(userId, card.fingerprint())).consistentRead(true)).item();
        return item != null && !item.isEmpty();
    }

    /** A check that {@code userId} has still not paid with {@code card}, for a decision made on that. */
    public TransactWriteItem notPaidWithCheck(String userId, PaymentCard card) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key(userId, card.fingerprint())).conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static Map<String, AttributeValue> key(String userId, String fingerprint) {
        return Attrs.key(AccountRepository.userPk(userId), CARD + fingerprint);
    }
}
