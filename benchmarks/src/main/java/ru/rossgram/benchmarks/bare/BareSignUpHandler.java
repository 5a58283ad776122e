package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.putIfAbsent;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The cold-start baseline for sign-up ({@code POST /v1/accounts}, the launch open, no invitation or referral code),
 * making the requests SignUpFunction's first call makes, in order: one TransactWriteItems of eight actions - a
 * condition check that the name's skeleton is not reserved ({@code RESERVED#}), and, each only if absent, the
 * username claim ({@code HANDLE#}), the look-alike claim ({@code LOOKALIKE#}), the email claim ({@code EMAIL#}), the
 * profile with the password's Argon2id hash, the first session, the account's referral code and its pointer - then
 * the search index: a consistent GetItem of the account's {@code SEARCHINDEX} item, BatchWriteItems of the search
 * entries (an item per prefix of each key, 25 to a batch) and a PutItem of the new index item. The hash is computed
 * with the production library and settings ({@link BareArgon2}) and timed on its own. Answers 201.
 *
 * <p>Left out: Micronaut, Jackson, Nimbus (no access token is signed), validation and the password policy, the
 * launch gate's reads (none while the launch is open), the Unicode confusable skeleton and transliteration of the
 * names (the bare keys are the names lower-cased; the number of prefixes, so of batches, stays the same for the
 * names the benchmark uses), ULIDs (random UUIDs instead).
 */
public class BareSignUpHandler extends BareHttpHandler {
    private static final int BATCH = 25;

    public BareSignUpHandler() {
        this(System.getenv());
    }

    public BareSignUpHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = body(event);
        String username = JsonFields.string(body, "username");
        String email = JsonFields.string(body, "email");
        String displayName = JsonFields.string(body, "displayName");
        String password = JsonFields.string(body, "password");
        if (username == null || email == null || displayName == null || password == null) {
            return response(400, "{\"type\":\"invalid-request\"}");
        }
        String table = clients.table();
        String handle = username.toLowerCase(Locale.ROOT);
        String skeleton = handle.replaceAll("[._]", "");
        String passwordHash = BareArgon2.hash(password);
        Instant now = Instant.now();
        String userId = UUID.randomUUID().toString();
        String referralCode = UUID.randomUUID().toString().substring(0, 10);

        Map<String, AttributeValue> profile = item("USER#" + userId, "PROFILE", "account");
        profile.put("userId", s(userId));
        profile.put("username", s(username));
        profile.put("email", s(email));
        profile.put("displayName", s(displayName));
        profile.put("bio", s(""));
        profile.put("passwordHash", s(passwordHash));
        profile.put("createdAt", s(now.toString()));
        profile.put("version", n(1));
        Map<String, AttributeValue> session = BareSessions.newSession(userId, now);

        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(key("RESERVED#" + skeleton, "RESERVED")).conditionExpression("attribute_not_exists(pk)").build()).build());
        actions.add(putIfAbsent(table, claim("HANDLE#" + handle, "HANDLE", userId)));
        actions.add(putIfAbsent(table, claim("LOOKALIKE#" + skeleton, "LOOKALIKE", userId)));
        actions.add(putIfAbsent(table, claim("EMAIL#" + email.toLowerCase(Locale.ROOT), "EMAIL", userId)));
        actions.add(putIfAbsent(table, profile));
        actions.add(putIfAbsent(table, session));
        Map<String, AttributeValue> code = item("REFERRAL#" + referralCode, "REFERRAL", "referral-code");
        code.put("userId", s(userId));
        actions.add(putIfAbsent(table, code));
        Map<String, AttributeValue> pointer = item("USER#" + userId, "REFERRALCODE", "referral-code-pointer");
        pointer.put("code", s(referralCode));
        actions.add(putIfAbsent(table, pointer));
        try {
            clients.dynamo().transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException e) {
            return response(409, "{\"type\":\"taken\"}");
        }

        indexForSearch(userId, skeleton, displayName);
        return response(201, "{\"account\":" + BareGetMeHandler.profileJson(profile) + ",\"sessionId\":"
                + JsonFields.quote(DynamoItems.string(session, "sessionId")) + "}");
    }

    private static Map<String, AttributeValue> claim(String pk, String sk, String userId) {
        Map<String, AttributeValue> claim = item(pk, sk, "claim");
        claim.put("userId", s(userId));
        return claim;
    }

    /** The account's search entries: an item per prefix of its keys (the name, each word of the display name, all of it). */
    private void indexForSearch(String userId, String nameKey, String displayName) {
        String table = clients.table();
        clients.dynamo().getItem(r -> r.tableName(table).key(key("USER#" + userId, "SEARCHINDEX")).consistentRead(true));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(nameKey);
        String[] words = displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (String word : words) {
            if (!word.isEmpty()) {
                keys.add(word);
            }
        }
        keys.add(String.join("", words));
        Map<String, String> prefixes = new LinkedHashMap<>();
        keys.forEach(k -> {
            for (int i = 1; i <= k.length(); i++) {
                prefixes.putIfAbsent(k.substring(0, i), k);
            }
        });
        List<WriteRequest> entries = new ArrayList<>();
        prefixes.forEach((prefix, k) -> {
            Map<String, AttributeValue> entry = item("SEARCH#" + prefix, "9#" + k + "#" + userId, "search-entry");
            entry.put("userId", s(userId));
            entry.put("keys", AttributeValue.fromSs(List.of(k)));
            entries.add(WriteRequest.builder().putRequest(PutRequest.builder().item(entry).build()).build());
        });
        for (int from = 0; from < entries.size(); from += BATCH) {
            List<WriteRequest> batch = entries.subList(from, Math.min(entries.size(), from + BATCH));
            clients.dynamo().batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
        }
        Map<String, AttributeValue> index = item("USER#" + userId, "SEARCHINDEX", "search-index");
        index.put("rank", n(9));
        index.put("keys", AttributeValue.fromL(keys.stream().map(DynamoItems::s).toList()));
        clients.dynamo().putItem(r -> r.tableName(table).item(index));
    }
}
