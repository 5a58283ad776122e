package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The cold-start baseline for the feed ({@code GET /v1/feed?limit=20}): verifies the bearer token, then makes the
 * requests FeedFunction's first page makes when the reader follows no celebrity: a consistent Query of
 * {@code FEED#<me>}, newest first, limit 21 (one more than the page, to know whether there is a next); then one
 * consistent BatchGetItem of the items' posts, the reader's follow edge to each author, her like of each post and each
 * author's profile; and a presigned GET per thumbnail rendition of the posts shown (signing only). Answers 200 with
 * the posts. Leaves out: Micronaut, Jackson, Nimbus, the merge of celebrities' posts (none followed), mutes, the
 * cursor (the page is not full), gated posts' unlocks (none are gated).
 */
public class BareFeedHandler extends BareHttpHandler {
    private static final int LIMIT = 20;

    public BareFeedHandler() {
        this(System.getenv());
    }

    public BareFeedHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Caller caller = caller(event);
        if (caller == null) {
            return unauthorized();
        }
        String me = caller.userId();
        String table = clients.table();
        List<Map<String, AttributeValue>> feed = clients.dynamo().query(r -> r.tableName(table).limit(LIMIT + 1)
                .consistentRead(true).scanIndexForward(false).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("FEED#" + me)))).items();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Set<String> authors = new LinkedHashSet<>();
        List<String> posts = new ArrayList<>();
        for (Map<String, AttributeValue> item : feed.subList(0, Math.min(LIMIT, feed.size()))) {
            String postId = string(item, "sk");
            posts.add(postId);
            authors.add(string(item, "authorId"));
            keys.add(key("POST#" + postId, "POST"));
        }
        authors.forEach(author -> keys.add(key("USER#" + me, "FOLLOWS#" + author)));
        posts.forEach(postId -> keys.add(key("POST#" + postId, "LIKE#" + me)));
        authors.forEach(author -> keys.add(key("USER#" + author, "PROFILE")));
        if (keys.isEmpty()) {
            return response(200, "{\"items\":[]}");
        }
        List<Map<String, AttributeValue>> found = clients.dynamo().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))).responses().get(table);
        StringBuilder json = new StringBuilder("{\"items\":[");
        for (Map<String, AttributeValue> post : found) {
            if (!"POST".equals(string(post, "sk"))) {
                continue;
            }
            Map<String, AttributeValue> author = found.stream().filter(i -> "PROFILE".equals(string(i, "sk"))
                    && string(i, "userId").equals(string(post, "authorId"))).findFirst().orElse(Map.of());
            try {
                json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append(BareGetPostHandler.postJson(post, author,
                        DynamoItems.downloadUrls(clients.presigner(), clients.bucket(), DynamoItems.renditionKeys(post))));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return response(200, json.append("]}").toString());
    }
}
