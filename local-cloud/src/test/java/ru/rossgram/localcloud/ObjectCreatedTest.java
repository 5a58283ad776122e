package ru.rossgram.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** Objects stored through the real S3Proxy, announced by {@link LocalCloud#onObjectCreated}. */
class ObjectCreatedTest {

    private static final String BUCKET = "rossgram-media-local";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Queue<ObjectCreated> SEEN = new ConcurrentLinkedQueue<>();

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start();
        cloud.onObjectCreated(SEEN::add);
        cloud.onObjectCreated(event -> {
            if (event.key().contains("listener-throws")) {
                throw new IllegalStateException("a listener's own failure");
            }
        });
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void announcesAPresignedPutOnceBeforeTheClientHasItsResponse() throws Exception {
        byte[] body = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        String key = "created/presigned photo.jpg";
        PresignedPutObjectRequest presigned = cloud.s3Presigner().presignPutObject(r -> r
                .signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(BUCKET).key(key).contentType("image/jpeg")));
        Instant before = Instant.now();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(presigned.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "image/jpeg")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        // No waiting: listeners run before S3Proxy answers.
        ObjectCreated event = only(key);
        assertEquals(BUCKET, event.bucket());
        assertEquals(body.length, event.size());
        assertEquals(ObjectCreated.PUT, event.eventName());
        assertEquals(md5(body), event.eTag());
        assertEquals(response.headers().firstValue("ETag").orElseThrow(), "\"" + event.eTag() + "\"");
        assertFalse(event.time().isBefore(before));
    }

    @Test
    void announcesAnSdkPutObjectOnce() {
        String key = "created/sdk.txt";
        byte[] body = "hello, objects".getBytes(StandardCharsets.UTF_8);
        // One attempt only: an SDK retry (seen once on a loaded machine) is a second PUT, and a second event.
        try (S3Client noRetries = S3Client.builder()
                .endpointOverride(cloud.s3Endpoint()).region(Region.of(cloud.region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            noRetries.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        }

        ObjectCreated event = only(key);
        assertEquals(BUCKET, event.bucket());
        assertEquals(body.length, event.size());
        assertEquals(ObjectCreated.PUT, event.eventName());
        assertEquals(md5(body), event.eTag());
    }

    @Test
    void announcesTheDestinationOfACopy() {
        byte[] body = "copied bytes".getBytes(StandardCharsets.UTF_8);
        cloud.s3Client().putObject(r -> r.bucket(BUCKET).key("created/copy-source.txt"), RequestBody.fromBytes(body));
        cloud.s3Client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("created/copy-source.txt")
                .destinationBucket(BUCKET).destinationKey("created/copy-target.txt"));

        ObjectCreated event = only("created/copy-target.txt");
        assertEquals(ObjectCreated.COPY, event.eventName());
        assertEquals(body.length, event.size());
        assertEquals(1, SEEN.stream().filter(e -> e.key().equals("created/copy-source.txt")).count());
    }

    @Test
    void announcesACompletedMultipartUploadOnceAndNotItsParts() {
        String key = "created/multipart.bin";
        byte[] part = "a single, last and therefore small part".getBytes(StandardCharsets.UTF_8);
        String uploadId = cloud.s3Client().createMultipartUpload(r -> r.bucket(BUCKET).key(key)).uploadId();
        String partETag = cloud.s3Client().uploadPart(r -> r.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)).eTag();
        assertTrue(SEEN.stream().noneMatch(e -> e.key().equals(key)), "nothing is created before completion");

        cloud.s3Client().completeMultipartUpload(r -> r.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(partETag).build())));

        ObjectCreated event = only(key);
        assertEquals(ObjectCreated.COMPLETE_MULTIPART_UPLOAD, event.eventName());
        assertEquals(part.length, event.size());
    }

    @Test
    void aFailingListenerNeitherFailsTheUploadNorSilencesTheOthers() {
        String key = "created/listener-throws.txt";
        cloud.s3Client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString("still stored"));

        assertEquals(12, cloud.s3Client().headObject(r -> r.bucket(BUCKET).key(key)).contentLength());
        assertEquals(12, only(key).size());
    }

    @Test
    void announcesObjectsStoredOnDiskToo(@TempDir Path data) {
        List<ObjectCreated> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        byte[] body = "kept across runs".getBytes(StandardCharsets.UTF_8);
        try (LocalCloud onDisk = LocalCloud.start(SamTemplate.locate(),
                LocalCloudOptions.builder().dataDirectory(data).build())) {
            onDisk.onObjectCreated(seen::add);
            onDisk.s3Client().putObject(r -> r.bucket(BUCKET).key("created/on-disk.txt"), RequestBody.fromBytes(body));
            onDisk.s3Client().copyObject(r -> r.sourceBucket(BUCKET).sourceKey("created/on-disk.txt")
                    .destinationBucket(BUCKET).destinationKey("created/on-disk-copy.txt"));
        }
        assertEquals(List.of("created/on-disk.txt", "created/on-disk-copy.txt"),
                seen.stream().map(ObjectCreated::key).toList());
        assertEquals(List.of((long) body.length, (long) body.length),
                seen.stream().map(ObjectCreated::size).toList());
        assertEquals(md5(body), seen.get(0).eTag());
    }

    private static ObjectCreated only(String key) {
        List<ObjectCreated> events = SEEN.stream().filter(e -> e.key().equals(key)).toList();
        assertEquals(1, events.size(), () -> "events for " + key + ": " + events);
        return events.get(0);
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
