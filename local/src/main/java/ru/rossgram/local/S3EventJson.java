package ru.rossgram.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import ru.rossgram.localcloud.ObjectCreated;

/**
 * The S3 event notification a function receives, in the shape S3 sends (event structure version
 * 2.1, see "Event message structure" in the S3 user guide): one record per message.
 */
final class S3EventJson {

    /** Who caused the event and who owns the bucket: locally there is one account, and no IAM. */
    static final String LOCAL_PRINCIPAL = "AWS:LOCAL";
    static final String LOCAL_BUCKET_OWNER = "LOCAL";
    /** S3Proxy listens on loopback only, so every request came from here. */
    static final String SOURCE_IP = "127.0.0.1";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Always three fraction digits, as S3 writes them; Instant.toString drops zero millis.
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3EventJson() {
    }

    /**
     * @param object the stored object
     * @param region the region the bucket is in
     * @param configurationId the notification configuration that matched
     * @param ids the request's ids and the event's sequencer, the same for every function notified
     * @return {@code {"Records":[...]}} with a single record
     */
    static String of(ObjectCreated object, String region, String configurationId, EventIds ids) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", EVENT_TIME.format(object.time()))
                .put("eventName", object.eventName());
        record.putObject("userIdentity").put("principalId", LOCAL_PRINCIPAL);
        record.putObject("requestParameters").put("sourceIPAddress", SOURCE_IP);
        record.putObject("responseElements")
                .put("x-amz-request-id", ids.requestId())
                .put("x-amz-id-2", ids.hostId());
        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket").put("name", object.bucket());
        bucket.putObject("ownerIdentity").put("principalId", LOCAL_BUCKET_OWNER);
        bucket.put("arn", "arn:aws:s3:::" + object.bucket());
        // No versionId: S3 leaves it out for a bucket without versioning, as the template's are.
        s3.putObject("object")
                .put("key", encodeKey(object.key()))
                .put("size", object.size())
                .put("eTag", object.eTag())
                .put("sequencer", ids.sequencer());
        ObjectNode message = JSON.createObjectNode();
        message.putArray("Records").add(record);
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an S3 event for " + object, e);
        }
    }

    /**
     * The key as S3 puts it in events: form-URL-encoded (a space becomes {@code +}, a {@code +}
     * becomes {@code %2B}) with {@code /} left as it is.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /**
     * What S3 generates per request: x-amz-request-id, x-amz-id-2, and the object's sequencer.
     *
     * @param requestId 16 upper-case hex digits
     * @param hostId base64, as in x-amz-id-2
     * @param sequencer upper-case hex that grows with each event, for ordering events on one key
     */
    record EventIds(String requestId, String hostId, String sequencer) {
    }
}
