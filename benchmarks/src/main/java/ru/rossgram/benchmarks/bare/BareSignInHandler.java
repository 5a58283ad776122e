package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The cold-start baseline for sign-in ({@code POST /v1/sessions}), making the requests SignInFunction's first call
 * makes, in order: a consistent GetItem of the login's claim ({@code HANDLE#<name>} or {@code EMAIL#<address>}), a
 * consistent GetItem of the account's profile; the throttle's reservation - a consistent BatchGetItem of the
 * account's and the address's {@code THROTTLE#... / ATTEMPTS} items and a TransactWriteItems putting both with the
 * attempt added (each only if absent, or if its revision is still the one read); then one Argon2id check of the
 * password against the stored hash ({@link BareArgon2}: same library, same settings), then the release (the same
 * BatchGetItem and TransactWriteItems, the attempt taken out) and a PutItem of the new session, only if absent.
 * Answers 201. Leaves out: Micronaut, Jackson, Nimbus (no access token is signed), validation, the throttle's limits
 * (a first attempt is never over them).
 */
public class BareSignInHandler extends BareHttpHandler {
    private static final Duration ATTEMPT_WINDOW = Duration.ofMinutes(15);

    public BareSignInHandler() {
        this(System.getenv());
    }

    public BareSignInHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = body(event);
        String login = JsonFields.string(body, "login");
        String password = JsonFields.string(body, "password");
        if (login == null || password == null) {
            return response(400, "{\"type\":\"invalid-request\"}");
        }
        String table = clients.table();
        String normalized = login.trim().toLowerCase(Locale.ROOT);
        Map<String, AttributeValue> claimKey = normalized.contains("@")
                ? key("EMAIL#" + normalized, "EMAIL") : key("HANDLE#" + normalized, "HANDLE");
        Map<String, AttributeValue> claim = clients.dynamo().getItem(r -> r.tableName(table).key(claimKey).consistentRead(true)).item();
        if (claim == null || claim.isEmpty()) {
            return response(401, "{\"type\":\"invalid-credentials\"}");
        }
        String userId = string(claim, "userId");
        Map<String, AttributeValue> profile = clients.dynamo().getItem(r -> r.tableName(table)
                .key(key("USER#" + userId, "PROFILE")).consistentRead(true)).item();
        String address = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "unknown" : event.getRequestContext().getHttp().getSourceIp();
        List<Map<String, AttributeValue>> throttleKeys = List.of(key("THROTTLE#account#" + userId, "ATTEMPTS"),
                key("THROTTLE#address#" + address, "ATTEMPTS"));
        Instant now = Instant.now();
        writeAttempts(throttleKeys, List.of(AttributeValue.fromN(Long.toString(now.toEpochMilli()))), now);
        if (!BareArgon2.matches(password, string(profile, "passwordHash"))) {
            return response(401, "{\"type\":\"invalid-credentials\"}");
        }
        writeAttempts(throttleKeys, List.of(), Instant.now());
        Map<String, AttributeValue> session = BareSessions.newSession(userId, Instant.now());
        clients.dynamo().putItem(r -> r.tableName(table).item(session).conditionExpression("attribute_not_exists(pk)"));
        return response(201, "{\"account\":" + BareGetMeHandler.profileJson(profile) + ",\"sessionId\":"
                + JsonFields.quote(string(session, "sessionId")) + "}");
    }

    /** Reads both throttle items and writes them back with {@code attempts}, each conditional on what was read. */
    private void writeAttempts(List<Map<String, AttributeValue>> keys, List<AttributeValue> attempts, Instant now) {
        String table = clients.table();
        List<Map<String, AttributeValue>> found = clients.dynamo().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))).responses().get(table);
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Map<String, AttributeValue> key : keys) {
            String seen = found.stream().filter(i -> string(i, "pk").equals(string(key, "pk"))).findFirst()
                    .map(i -> string(i, "revision")).orElse(null);
            Map<String, AttributeValue> item = item(string(key, "pk"), "ATTEMPTS", "attempts");
            item.put("attempts", AttributeValue.fromL(attempts));
            item.put("revision", s(UUID.randomUUID().toString()));
            item.put("expiresAt", n(now.plus(ATTEMPT_WINDOW).getEpochSecond()));
            Put.Builder put = Put.builder().tableName(table).item(item);
            if (seen == null) {
                put.conditionExpression("attribute_not_exists(pk)");
            } else {
                put.conditionExpression("#revision = :seen").expressionAttributeNames(Map.of("#revision", "revision"))
                        .expressionAttributeValues(Map.of(":seen", s(seen)));
            }
            writes.add(TransactWriteItem.builder().put(put.build()).build());
        }
        clients.dynamo().transactWriteItems(r -> r.transactItems(writes));
    }
}
