package ru.rossgram.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Where data lives: kept in a data directory across restarts, private to each in-memory cloud. */
class LocalCloudDataTest {

    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("ACCOUNT#1"), "sk", AttributeValue.fromS("PROFILE"));

    @Test
    void aDataDirectoryKeepsItemsAndObjectsAcrossRestarts(@TempDir Path data) {
        LocalCloudOptions options = LocalCloudOptions.builder().dataDirectory(data).build();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            cloud.dynamoDbClient().putItem(r -> r.tableName(cloud.physicalName("MainTable"))
                    .item(Map.of("pk", KEY.get("pk"), "sk", KEY.get("sk"), "name", AttributeValue.fromS("Ross"))));
            cloud.s3Client().putObject(r -> r.bucket(cloud.physicalName("MediaBucket")).key("avatars/1.jpg")
                    .contentType("image/jpeg"), RequestBody.fromString("jpeg bytes"));
        }
        try (LocalCloud cloud = LocalCloud.start(options)) {
            Map<String, AttributeValue> item = cloud.dynamoDbClient()
                    .getItem(r -> r.tableName(cloud.physicalName("MainTable")).key(KEY)).item();
            assertEquals("Ross", item.get("name").s());
            var object = cloud.s3Client().getObjectAsBytes(r -> r.bucket(cloud.physicalName("MediaBucket"))
                    .key("avatars/1.jpg"));
            assertEquals("jpeg bytes", object.asUtf8String());
            assertEquals("image/jpeg", object.response().contentType());
            assertEquals("expiresAt", cloud.dynamoDbClient().describeTimeToLive(
                    r -> r.tableName(cloud.physicalName("MainTable"))).timeToLiveDescription().attributeName());
        }
    }

    @Test
    void closingEndsEveryEngineThread() throws InterruptedException {
        try (LocalCloud cloud = LocalCloud.start()) {
            cloud.dynamoDbClient().putItem(r -> r.tableName(cloud.physicalName("MainTable")).item(KEY));
            Thread.sleep(200);  // lets DynamoDB Local's lazily started background jobs settle into their sleep
        }
        // Those jobs run in non-daemon threads: one left behind would keep a JVM from exiting.
        assertEquals(List.of(), Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().isAlive())
                .filter(thread -> List.of(thread.getValue()).stream()
                        .anyMatch(frame -> frame.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local")
                                || frame.getClassName().startsWith("org.gaul.s3proxy")))
                .map(thread -> thread.getKey().getName())
                .toList());
    }

    @Test
    void inMemoryCloudsDoNotShareData() {
        try (LocalCloud first = LocalCloud.start(); LocalCloud second = LocalCloud.start()) {
            String table = first.physicalName("MainTable");
            String bucket = first.physicalName("MediaBucket");
            first.dynamoDbClient().putItem(r -> r.tableName(table).item(KEY));
            first.s3Client().putObject(r -> r.bucket(bucket).key("only-here"), RequestBody.fromString("x"));

            assertTrue(first.dynamoDbClient().getItem(r -> r.tableName(table).key(KEY)).hasItem());
            assertFalse(second.dynamoDbClient().getItem(r -> r.tableName(table).key(KEY)).hasItem());
            assertThrows(NoSuchKeyException.class,
                    () -> second.s3Client().headObject(r -> r.bucket(bucket).key("only-here")));
        }
    }

    @Test
    void usesFixedPortsWhenAsked() throws IOException {
        int dynamoPort = freePort();
        int s3Port = freePort();
        LocalCloudOptions options = LocalCloudOptions.builder().dynamoDbPort(dynamoPort).s3Port(s3Port).build();
        try (LocalCloud cloud = LocalCloud.start(options)) {
            assertEquals(dynamoPort, cloud.dynamoEndpoint().getPort());
            assertEquals(s3Port, cloud.s3Endpoint().getPort());
        }
    }

    @Test
    void failsClearlyWhenAPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (LocalCloudOptions options : List.of(
                    LocalCloudOptions.builder().dynamoDbPort(taken.getLocalPort()).build(),
                    LocalCloudOptions.builder().s3Port(taken.getLocalPort()).build())) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocalCloud.start(options));
                assertTrue(e.getMessage().contains("cannot start"), e.getMessage());
            }
        }
        // Whichever engine had started before the failure was stopped again.
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("dynamodb-local") || name.startsWith("S3Proxy-Jetty")).toList());
    }

    @Test
    void refusesAnAccessKeyDynamoDbLocalWouldRefuse() {
        assertThrows(IllegalArgumentException.class,
                () -> LocalCloudOptions.builder().credentials("local-access-key", "secret").build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
