package ru.rossgram.local;

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
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.ObjectCreated;
import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Objects stored through the real S3Proxy reach the test template's functions, hosted in this JVM,
 * as S3 event notifications with Lambda's asynchronous retries.
 */
class StorageEventsTest {

    private static final Duration RETRY_DELAY = Duration.ofMillis(30);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Queue<String> EVENT_LOG = new ConcurrentLinkedQueue<>();

    private static LocalCloud cloud;
    private static FunctionHost host;
    private static StorageEvents events;
    private static String bucket;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(StorageEventsTest.class.getResource("/storage-events/template.yaml").toURI());
        cloud = LocalCloud.start(SamTemplate.load(template), LocalCloudOptions.defaults());
        host = new FunctionHost(fn -> cloud.functionEnvironment(fn, Map.of()));
        events = new StorageEvents(cloud.template(), cloud::physicalName, host, RetryDelays.fixed(RETRY_DELAY),
                cloud.region(), line -> {
                    EVENT_LOG.add(line);
                    System.out.println(line);
                });
        cloud.onObjectCreated(events::deliver);
        bucket = cloud.physicalName("MediaBucket");
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (host != null) {
            host.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aPresignedPutReachesTheSubscribedFunctionOnceAsS3WouldSendIt() throws Exception {
        String key = "uploads/red flower.jpg";
        byte[] body = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};

        assertEquals(200, presignedPut(key, body).statusCode());
        assertTrue(events.awaitIdle(SETTLE));

        List<S3Received> received = RecordingS3Handler.receivedFor(key);
        assertEquals(1, received.size(), () -> "received: " + received);
        S3Received event = received.get(0);
        assertEquals(1, event.records());
        assertEquals("ObjectCreated:Put", event.eventName());
        assertEquals("us-east-1", event.region());
        assertEquals("rossgram-local-mediabucket", event.bucket());
        assertEquals("arn:aws:s3:::rossgram-local-mediabucket", event.bucketArn());
        assertEquals("uploads/red+flower.jpg", event.key());
        assertEquals(key, event.urlDecodedKey());
        assertEquals(body.length, event.size());
        assertEquals(md5(body), event.eTag());
        assertEquals("RecordingFunctionS3Event1", event.configurationId());
        assertTrue(logged("S3 ObjectCreated:Put rossgram-local-mediabucket/uploads/red flower.jpg -> RecordingFunction"
                + " attempt 1 ok "), () -> "event log: " + EVENT_LOG);
        assertTrue(FlakyS3Handler.attemptsFor(key).isEmpty());
    }

    @Test
    void keysOutsideThePrefixOrWithAnotherSuffixTriggerNothing() throws Exception {
        List<String> keys = List.of("other/outside.jpg", "uploads/picture.png", "uploads.jpg", "UPLOADS/upper.jpg",
                "uploads/picture.jpg.tmp");
        for (String key : keys) {
            assertEquals(200, presignedPut(key, new byte[] {1, 2, 3}).statusCode());
        }
        cloud.s3Client().putObject(r -> r.bucket(bucket).key("not-flaky/x.txt"), RequestBody.fromString("x"));
        assertTrue(events.awaitIdle(SETTLE));

        for (String key : keys) {
            assertTrue(RecordingS3Handler.receivedFor(key).isEmpty(), key);
            assertFalse(logged("/" + key + " ->"), key);
        }
        assertTrue(FlakyS3Handler.attemptsFor("not-flaky/x.txt").isEmpty());
    }

    @Test
    void aFlakyFunctionIsInvokedThreeTimesAndSucceedsOnTheThird() throws Exception {
        String key = "flaky/third-time-lucky.txt";
        cloud.s3Client().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("retry me"));
        assertTrue(events.awaitIdle(SETTLE));

        List<S3Received> attempts = firstEventsAttempts(key);
        assertEquals(3, attempts.size(), () -> "attempts: " + attempts);
        for (int i = 1; i < attempts.size(); i++) {
            long gapNanos = attempts.get(i).nanoTime() - attempts.get(i - 1).nanoTime();
            assertTrue(gapNanos >= RETRY_DELAY.toNanos(), "retry " + i + " came after " + gapNanos + " ns");
        }
        String line = "S3 ObjectCreated:Put rossgram-local-mediabucket/" + key + " -> FlakyFunction attempt ";
        assertTrue(logged(line + "1 failed"), () -> "event log: " + EVENT_LOG);
        assertTrue(logged(line + "2 failed"), () -> "event log: " + EVENT_LOG);
        assertTrue(logged(line + "3 ok "), () -> "event log: " + EVENT_LOG);
        assertFalse(logged(line + "3 failed"));
    }

    @Test
    void aFunctionThatAlwaysFailsIsGivenUpAfterThreeAttempts() throws Exception {
        String key = "flaky/always-fails.txt";
        cloud.s3Client().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("never processed"));
        assertTrue(events.awaitIdle(SETTLE));
        Thread.sleep(RETRY_DELAY.toMillis() * 3);  // would a fourth attempt come? it must not

        Map<String, List<S3Received>> byEvent = FlakyS3Handler.attemptsFor(key).stream()
                .collect(Collectors.groupingBy(S3Received::sequencer));
        assertFalse(byEvent.isEmpty());
        byEvent.values().forEach(attempts -> assertEquals(3, attempts.size(), () -> "attempts: " + attempts));
        String prefix = "S3 ObjectCreated:Put rossgram-local-mediabucket/" + key + " -> FlakyFunction attempt 3 failed";
        assertTrue(EVENT_LOG.stream().anyMatch(l -> l.startsWith(prefix) && l.endsWith("giving up after 3 attempts")),
                () -> "event log: " + EVENT_LOG);
    }

    @Test
    void eachFunctionGetsOnlyTheEventTypesItSubscribedTo() throws Exception {
        cloud.s3Client().putObject(r -> r.bucket(bucket).key("originals/source.jpg"), RequestBody.fromString("jpeg"));
        // RecordingFunction takes s3:ObjectCreated:*, FlakyFunction only s3:ObjectCreated:Put.
        cloud.s3Client().copyObject(r -> r.sourceBucket(bucket).sourceKey("originals/source.jpg")
                .destinationBucket(bucket).destinationKey("uploads/copied.jpg"));
        cloud.s3Client().copyObject(r -> r.sourceBucket(bucket).sourceKey("originals/source.jpg")
                .destinationBucket(bucket).destinationKey("flaky/copied.jpg"));
        assertTrue(events.awaitIdle(SETTLE));

        List<S3Received> received = RecordingS3Handler.receivedFor("uploads/copied.jpg");
        assertEquals(1, received.size());
        assertEquals("ObjectCreated:Copy", received.get(0).eventName());
        assertEquals(4, received.get(0).size());
        assertTrue(FlakyS3Handler.attemptsFor("flaky/copied.jpg").isEmpty());
    }

    @Test
    void theUploadDoesNotWaitForTheFunction() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingS3Handler.slowKeys = release;
        try {
            String key = "uploads/slow.jpg";
            assertEquals(200, presignedPut(key, new byte[] {9}).statusCode());

            assertFalse(events.awaitIdle(Duration.ofMillis(200)), "the function is still running");
            release.countDown();
            assertTrue(events.awaitIdle(SETTLE));
            assertEquals(1, RecordingS3Handler.receivedFor(key).size());
        } finally {
            release.countDown();
        }
    }

    @Test
    void afterCloseDeliveriesAreDroppedAndLogged() throws Exception {
        Queue<String> log = new ConcurrentLinkedQueue<>();
        StorageEvents closing = new StorageEvents(cloud.template(), cloud::physicalName, host,
                RetryDelays.fixed(RETRY_DELAY), cloud.region(), log::add);
        ObjectCreated object = new ObjectCreated(bucket, "uploads/after-close.jpg", 1, "etag", ObjectCreated.PUT,
                Instant.now());
        closing.close();

        closing.deliver(object);

        assertTrue(closing.awaitIdle(Duration.ZERO));
        assertTrue(RecordingS3Handler.receivedFor("uploads/after-close.jpg").isEmpty());
        assertEquals(List.of("S3 ObjectCreated:Put rossgram-local-mediabucket/uploads/after-close.jpg"
                + " -> RecordingFunction dropped: storage events are stopped"), List.copyOf(log));
    }

    private static HttpResponse<String> presignedPut(String key, byte[] body) throws Exception {
        PresignedPutObjectRequest presigned = cloud.s3Presigner().presignPutObject(r -> r
                .signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType("image/jpeg")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(presigned.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "image/jpeg")
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /**
     * The attempts at the first event for {@code key}. The SDK client may retry a PutObject whose
     * response it missed; the object is then stored twice and, as on S3, two events follow, each
     * retried on its own. Lambda retries one event unchanged: same sequencer, all but the clock.
     */
    private static List<S3Received> firstEventsAttempts(String key) {
        List<S3Received> all = FlakyS3Handler.attemptsFor(key);
        assertFalse(all.isEmpty(), "no attempt for " + key);
        String first = all.get(0).sequencer();
        return all.stream().filter(r -> r.sequencer().equals(first)).toList();
    }

    private static boolean logged(String fragment) {
        return EVENT_LOG.stream().anyMatch(line -> line.contains(fragment));
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
