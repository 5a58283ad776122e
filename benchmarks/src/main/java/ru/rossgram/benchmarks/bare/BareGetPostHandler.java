package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The cold-start baseline for get-post ({@code GET /v1/posts/{postId}}): verifies the bearer token, then makes the
 * requests GetPostFunction's first call makes, in the same order: a consistent GetItem of {@code POST#<id> / POST};
 * one consistent BatchGetItem of the author's profile, the blocks both ways and the reader's follow edge; a
 * consistent GetItem of the author's profile (the real function reads it again to show the author); and a
 * presigned GET per thumbnail rendition (no request: signing only). Answers 200 with the post's id, caption, author
 * and URLs. Leaves out: Micronaut, Jackson, Nimbus, the visibility rules' decisions (a published public post of a
 * stranger is visible), likes and unlock logic (none apply to a free post).
 */
public class BareGetPostHandler extends BareHttpHandler {
    public BareGetPostHandler() {
        this(System.getenv());
    }

    public BareGetPostHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Caller caller = caller(event);
        if (caller == null) {
            return unauthorized();
        }
        String postId = event.getPathParameters() == null ? null : event.getPathParameters().get("postId");
        String table = clients.table();
        Map<String, AttributeValue> post = postId == null ? Map.of() : clients.dynamo().getItem(r -> r.tableName(table)
                .key(key("POST#" + postId, "POST")).consistentRead(true)).item();
        if (post == null || post.isEmpty() || !"published".equals(string(post, "status"))) {
            return response(404, "{\"type\":\"not-found\"}");
        }
        String author = string(post, "authorId");
        String me = caller.userId();
        List<Map<String, AttributeValue>> keys = List.of(key("USER#" + author, "PROFILE"), key("USER#" + me, "BLOCKS#" + author),
                key("USER#" + author, "BLOCKS#" + me), key("USER#" + me, "FOLLOWS#" + author));
        var found = clients.dynamo().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))).responses().get(table);
        boolean blocked = found.stream().anyMatch(item -> string(item, "sk").startsWith("BLOCKS#"));
        if (blocked) {
            return response(404, "{\"type\":\"not-found\"}");
        }
        Map<String, AttributeValue> profile = clients.dynamo().getItem(r -> r.tableName(table)
                .key(key("USER#" + author, "PROFILE")).consistentRead(true)).item();
        try {
            return response(200, postJson(post, profile, DynamoItems.downloadUrls(clients.presigner(), clients.bucket(),
                    DynamoItems.renditionKeys(post))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A post's id, caption, author and photo URLs as JSON. */
    static String postJson(Map<String, AttributeValue> post, Map<String, AttributeValue> author, List<URI> urls) {
        return "{\"id\":" + JsonFields.quote(string(post, "postId"))
                + ",\"caption\":" + JsonFields.quote(String.valueOf(string(post, "caption")))
                + ",\"author\":" + BareGetMeHandler.profileJson(author)
                + ",\"photos\":[" + urls.stream().map(u -> JsonFields.quote(u.toString())).collect(Collectors.joining(","))
                + "]}";
    }
}
