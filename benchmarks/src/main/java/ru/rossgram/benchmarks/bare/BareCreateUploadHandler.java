package ru.rossgram.benchmarks.bare;

import static ru.rossgram.benchmarks.bare.DynamoItems.item;
import static ru.rossgram.benchmarks.bare.DynamoItems.n;
import static ru.rossgram.benchmarks.bare.DynamoItems.s;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The cold-start baseline for create-upload ({@code POST /v1/uploads}): verifies the bearer token, reads the body's
 * content type, length and count, then does what CreateUploadFunction's first call does: one TransactWriteItems
 * putting an {@code UPLOAD#<id> / UPLOAD} record per photo, each only if absent, and then a presigned PUT per photo
 * bound to the content type and length (S3Presigner: signing only, no request). Answers 201 with the upload ids and
 * URLs. Leaves out: Micronaut, Jackson, Nimbus, the request's validation (purpose, type, size and count limits),
 * ULIDs (random UUIDs instead).
 */
public class BareCreateUploadHandler extends BareHttpHandler {
    private static final Duration URL_TTL = Duration.ofMinutes(15);
    private static final Duration RETENTION = Duration.ofDays(7);

    public BareCreateUploadHandler() {
        this(System.getenv());
    }

    public BareCreateUploadHandler(Map<String, String> env) {
        super(env);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Caller caller = caller(event);
        if (caller == null) {
            return unauthorized();
        }
        String body = body(event);
        String contentType = JsonFields.string(body, "contentType");
        long contentLength = JsonFields.number(body, "contentLength");
        long count = Math.max(1, JsonFields.number(body, "count"));
        if (contentType == null || contentLength <= 0) {
            return response(400, "{\"type\":\"invalid-request\"}");
        }
        Instant now = Instant.now();
        List<TransactWriteItem> puts = new ArrayList<>();
        List<String[]> uploads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uploadId = UUID.randomUUID().toString();
            String objectKey = "originals/" + caller.userId() + "/" + uploadId;
            Map<String, AttributeValue> upload = item("UPLOAD#" + uploadId, "UPLOAD", "upload");
            upload.put("uploadId", s(uploadId));
            upload.put("ownerId", s(caller.userId()));
            upload.put("purpose", s("post"));
            upload.put("objectKey", s(objectKey));
            upload.put("contentType", s(contentType));
            upload.put("contentLength", n(contentLength));
            upload.put("status", s("pending"));
            upload.put("createdAt", s(now.toString()));
            upload.put("expiresAt", n(now.plus(RETENTION).getEpochSecond()));
            puts.add(DynamoItems.putIfAbsent(clients.table(), upload));
            uploads.add(new String[] {uploadId, objectKey});
        }
        clients.dynamo().transactWriteItems(r -> r.transactItems(puts));
        StringBuilder json = new StringBuilder("{\"uploads\":[");
        for (String[] upload : uploads) {
            String url = clients.presigner().presignPutObject(r -> r.signatureDuration(URL_TTL).putObjectRequest(put -> put
                    .bucket(clients.bucket()).key(upload[1]).contentType(contentType).contentLength(contentLength)))
                    .url().toString();
            json.append(json.charAt(json.length() - 1) == '[' ? "" : ",").append("{\"uploadId\":").append(JsonFields.quote(upload[0]))
                    .append(",\"method\":\"PUT\",\"url\":").append(JsonFields.quote(url)).append('}');
        }
        return response(201, json.append("]}").toString());
    }
}
