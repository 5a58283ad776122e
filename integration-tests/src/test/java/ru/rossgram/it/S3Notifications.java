package ru.rossgram.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3 event notifications as S3 sends them to a function (event structure version 2.1, one record per message),
 * the same shape the local runner's storage events have ({@code ru.rossgram.local.S3EventJson}, which is that
 * module's own).
 */
final class S3Notifications {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final AtomicLong SEQUENCER = new AtomicLong(System.currentTimeMillis() << 16);

    private S3Notifications() {
    }

    /**
     * {@code ObjectCreated:Put} of {@code key} in {@code bucket}.
     *
     * @param eTag the object's ETag, without the quotes S3's HTTP header has
     */
    static String objectCreated(String region, String bucket, String key, long size, String eTag) {
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", region)
                .put("eventTime", EVENT_TIME.format(Instant.now()))
                .put("eventName", "ObjectCreated:Put");
        // A phone's PUT is signed by the create-upload function's role: S3 names that role's session.
        record.putObject("userIdentity").put("principalId", "AWS:AROA4QWERTYEXAMPLE7:rossgram-CreateUploadFunction");
        record.putObject("requestParameters").put("sourceIPAddress", "203.0.113.42");
        record.putObject("responseElements")
                .put("x-amz-request-id", hex(8))
                .put("x-amz-id-2", java.util.Base64.getEncoder().encodeToString(randomBytes(48)));
        // Named as the local runner names the template's two subscriptions (originals/, then avatars/).
        ObjectNode s3 = record.putObject("s3")
                .put("s3SchemaVersion", "1.0")
                .put("configurationId", "MakeThumbnailsFunctionS3Event" + (key.startsWith("avatars/") ? 2 : 1));
        ObjectNode bucketNode = s3.putObject("bucket").put("name", bucket);
        bucketNode.putObject("ownerIdentity").put("principalId", "A3NL1KOZZKExample");
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object")
                .put("key", encodeKey(key))
                .put("size", size)
                .put("eTag", eTag)
                .put("sequencer", Long.toHexString(SEQUENCER.incrementAndGet()).toUpperCase(Locale.ROOT));
        ObjectNode message = JSON.createObjectNode();
        message.putArray("Records").add(record);
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys in events are form-URL-encoded ({@code +} for a space), with {@code /} left as it is. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String hex(int bytes) {
        return HexFormat.of().withUpperCase().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
