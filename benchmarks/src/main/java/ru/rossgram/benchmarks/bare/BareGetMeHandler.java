package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start baseline for get-me ({@code GET /v1/me}): verifies the bearer token, then makes the one request
 * GetMeFunction's first call makes - a consistent GetItem of the caller's {@code USER#<id> / PROFILE} - and answers
 * 200 with the profile's fields. Leaves out: Micronaut, Jackson, Nimbus, the account view's badges and membership.
 */
public class BareGetMeHandler extends BareHttpHandler {
    public BareGetMeHandler() {
        this(System.getenv());
    }

    public BareGetMeHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Caller caller = caller(event);
        if (caller == null) {
            return unauthorized();
        }
        Map<String, AttributeValue> profile = clients.dynamo().getItem(r -> r.tableName(clients.table())
                .key(key("USER#" + caller.userId(), "PROFILE")).consistentRead(true)).item();
        if (profile == null || profile.isEmpty()) {
            return response(404, "{\"type\":\"not-found\"}");
        }
        return response(200, profileJson(profile));
    }

    /** The public fields of a profile item as JSON. */
    static String profileJson(Map<String, AttributeValue> profile) {
        return "{\"id\":" + JsonFields.quote(String.valueOf(string(profile, "userId")))
                + ",\"username\":" + JsonFields.quote(String.valueOf(string(profile, "username")))
                + ",\"displayName\":" + JsonFields.quote(String.valueOf(string(profile, "displayName")))
                + ",\"bio\":" + JsonFields.quote(String.valueOf(string(profile, "bio"))) + "}";
    }
}
