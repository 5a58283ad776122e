package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.key;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;
import static ru.rossgram.benchmarks.bare.DynamoItems.string;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The cold-start baseline for create-post ({@code POST /v1/posts}) of photos uploaded but not processed yet (the usual
 * case: the app posts right after its PUTs): verifies the bearer token, then makes the requests CreatePostFunction's
 * first call makes, in order: one consistent BatchGetItem of the {@code UPLOAD#<id>} records; one S3 HeadObject per
 * photo (has it arrived?); one TransactWriteItems putting the post ({@code POST#<id> / POST}, status processing, only
 * if absent) and updating each upload with the post id (conditions: the caller owns it, a post upload, not yet used,
 * still pending); and a consistent GetItem of the author's profile to show her. Answers 201. Leaves out: Micronaut,
 * Jackson, Nimbus, the caption's hashtag and mention parsing, validation, ULIDs (random UUIDs instead).
 */
public class BareCreatePostHandler extends BareHttpHandler {
    private static final Pattern UPLOADS = Pattern.compile("\"uploads\"\\s*:\\s*\\[([^\\]]*)\\]");

    public BareCreatePostHandler() {
        this(System.getenv());
    }

    public BareCreatePostHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Caller caller = caller(event);
        if (caller == null) {
            return unauthorized();
        }
        String body = body(event);
        List<String> uploadIds = uploadIds(body);
        if (uploadIds.isEmpty()) {
            return response(400, "{\"type\":\"invalid-request\"}");
        }
        String table = clients.table();
        List<Map<String, AttributeValue>> keys = uploadIds.stream().map(id -> key("UPLOAD#" + id, "UPLOAD")).toList();
        List<Map<String, AttributeValue>> uploads = clients.dynamo().batchGetItem(r -> r.requestItems(Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build()))).responses().get(table);
        if (uploads.size() != uploadIds.size()) {
            return response(422, "{\"type\":\"unknown-upload\"}");
        }
        for (Map<String, AttributeValue> upload : uploads) {
            clients.s3().headObject(r -> r.bucket(clients.bucket()).key(string(upload, "objectKey")));
        }

        String postId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        Map<String, AttributeValue> post = item("POST#" + postId, "POST", "post");
        post.put("postId", s(postId));
        post.put("authorId", s(caller.userId()));
        String caption = JsonFields.string(body, "caption");
        post.put("caption", s(caption == null ? "" : caption));
        List<AttributeValue> photos = new ArrayList<>();
        uploadIds.forEach(id -> photos.add(AttributeValue.fromM(Map.of("uploadId", s(id)))));
        post.put("photos", AttributeValue.fromL(photos));
        post.put("photoCount", n(photos.size()));
        post.put("readyCount", n(0));
        post.put("status", s("processing"));
        post.put("version", n(1));
        post.put("createdAt", s(now.toString()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(DynamoItems.putIfAbsent(table, post));
        for (int i = 0; i < uploadIds.size(); i++) {
            int index = i;
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(key("UPLOAD#" + uploadIds.get(i), "UPLOAD"))
                    .updateExpression("SET postId = :postId, photoIndex = :index REMOVE expiresAt")
                    .conditionExpression("ownerId = :owner AND purpose IN (:post, :paidPost) AND attribute_not_exists(postId)"
                            + " AND #status = :seen")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":postId", s(postId), ":index", n(index), ":owner", s(caller.userId()),
                            ":post", s("post"), ":paidPost", s("paid-post"), ":seen", s("pending")))
                    .build()).build());
        }
        clients.dynamo().transactWriteItems(r -> r.transactItems(writes));
        Map<String, AttributeValue> author = clients.dynamo().getItem(r -> r.tableName(table)
                .key(key("USER#" + caller.userId(), "PROFILE")).consistentRead(true)).item();
        return response(201, BareGetPostHandler.postJson(post, author, List.of()));
    }

    private static List<String> uploadIds(String body) {
        Matcher list = UPLOADS.matcher(body);
        List<String> ids = new ArrayList<>();
        if (list.find()) {
            Matcher id = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }
}
