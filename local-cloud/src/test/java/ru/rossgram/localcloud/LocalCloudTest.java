package ru.rossgram.localcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplateException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/** One in-memory cloud on the project's template, shared by the tests of this class. */
class LocalCloudTest {

    private static final String TABLE = "rossgram-local-MainTable";
    private static final String BUCKET = "rossgram-media-local";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void listensOnLoopback() {
        assertEquals("127.0.0.1", cloud.dynamoEndpoint().getHost());
        assertEquals("127.0.0.1", cloud.s3Endpoint().getHost());
        assertTrue(cloud.dynamoEndpoint().getPort() > 0);
        assertTrue(cloud.s3Endpoint().getPort() > 0);
    }

    @Test
    void namesResourcesStably() {
        assertEquals(TABLE, cloud.physicalName("MainTable"));
        assertEquals(BUCKET, cloud.physicalName("MediaBucket"));
        assertEquals("rossgram-local-SignUpFunction", cloud.physicalName("SignUpFunction"));
        assertThrows(IllegalArgumentException.class, () -> cloud.physicalName("NoSuchThing"));
    }

    @Test
    void createsTheTableWithItsIndexAndTimeToLive() {
        TableDescription table = cloud.dynamoDbClient().describeTable(r -> r.tableName(TABLE)).table();
        assertEquals(List.of("pk", "sk"), table.keySchema().stream().map(k -> k.attributeName()).toList());
        GlobalSecondaryIndexDescription gsi1 = table.globalSecondaryIndexes().get(0);
        assertEquals("gsi1", gsi1.indexName());
        assertEquals(List.of("gsi1pk", "gsi1sk"), gsi1.keySchema().stream().map(k -> k.attributeName()).toList());
        assertEquals("ALL", gsi1.projection().projectionTypeAsString());
        assertEquals(IndexStatus.ACTIVE, gsi1.indexStatus());

        TimeToLiveDescription ttl = cloud.dynamoDbClient()
                .describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
        assertEquals("expiresAt", ttl.attributeName());
    }

    @Test
    void failedConditionsAreErrorsForTheClientOnly() {
        var table = cloud.physicalName("MainTable");
        var item = Map.of("pk", AttributeValue.fromS("COND#1"), "sk", AttributeValue.fromS("X"));
        cloud.dynamoDbClient().putItem(r -> r.tableName(table).item(item));
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThrows(ConditionalCheckFailedException.class, () -> cloud.dynamoDbClient().putItem(r -> r
                    .tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")));
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void createsTheBucket() {
        cloud.s3Client().headBucket(r -> r.bucket(BUCKET));
    }

    @Test
    void roundTripsAnObjectThroughTheSdk() {
        byte[] body = "hello, rossgram".getBytes(StandardCharsets.UTF_8);
        cloud.s3Client().putObject(r -> r.bucket(BUCKET).key("sdk/hello.txt").contentType("text/plain"),
                RequestBody.fromBytes(body));
        var object = cloud.s3Client().getObjectAsBytes(r -> r.bucket(BUCKET).key("sdk/hello.txt"));
        assertArrayEquals(body, object.asByteArray());
        assertEquals("text/plain", object.response().contentType());
    }

    @Test
    void acceptsAPresignedPutAndRefusesATamperedOne() throws Exception {
        PresignedPutObjectRequest presigned = presignPut("presigned/ok.jpg", Duration.ofMinutes(5));

        assertEquals(200, put(presigned.url().toURI(), "image/jpeg").statusCode());
        assertEquals("image/jpeg", cloud.s3Client()
                .headObject(r -> r.bucket(BUCKET).key("presigned/ok.jpg")).contentType());

        URI tampered = URI.create(changeOneSignatureCharacter(presigned.url().toString()));
        HttpResponse<String> refused = put(tampered, "image/jpeg");
        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    void refusesAnExpiredPresignedPut() throws Exception {
        PresignedPutObjectRequest presigned = presignPut("presigned/late.jpg", Duration.ofSeconds(1));
        Thread.sleep(2_100);
        HttpResponse<String> refused = put(presigned.url().toURI(), "image/jpeg");
        assertEquals(403, refused.statusCode(), refused.body());
    }

    @Test
    void refusesUnsignedRequests() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(cloud.s3Endpoint().resolve("/" + BUCKET + "/sdk/hello.txt")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
    }

    @Test
    void answersCorsPreflightsAsTheTemplateSays() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        cloud.s3Endpoint().resolve("/" + BUCKET + "/presigned/x.jpg"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(response.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("PUT"));
    }

    @Test
    void resolvesAFunctionEnvironmentAgainstThisCloud() {
        FunctionSpec signUp = cloud.template().function("SignUpFunction").orElseThrow();
        Map<String, String> env = cloud.functionEnvironment(signUp, Map.of("AccessTokenSecret", "c2VjcmV0"));
        assertEquals(TABLE, env.get("ROSSGRAM_TABLE"));
        assertEquals(BUCKET, env.get("ROSSGRAM_MEDIA_BUCKET"));
        assertEquals("false", env.get("ROSSGRAM_S3_PATH_STYLE"));
        assertEquals("c2VjcmV0", env.get("ROSSGRAM_ACCESS_TOKEN_SECRET"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", env.get("JAVA_TOOL_OPTIONS"));
        assertEquals(cloud.dynamoEndpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
        assertEquals(cloud.s3Endpoint().toString(), env.get("AWS_ENDPOINT_URL_S3"));
        assertEquals("us-east-1", env.get("AWS_REGION"));
        assertEquals("localAccessKey", env.get("AWS_ACCESS_KEY_ID"));
        assertEquals("localSecretKey", env.get("AWS_SECRET_ACCESS_KEY"));

        assertEquals("true", cloud.functionEnvironment(signUp,
                Map.of("AccessTokenSecret", "x", "S3PathStyle", "true")).get("ROSSGRAM_S3_PATH_STYLE"));
        assertThrows(SamTemplateException.class, () -> cloud.functionEnvironment(signUp, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> cloud.functionEnvironment(signUp, Map.of("AccessTokenSecret", "x", "Typo", "y")));
    }

    private static PresignedPutObjectRequest presignPut(String key, Duration validity) {
        return cloud.s3Presigner().presignPutObject(r -> r.signatureDuration(validity)
                .putObjectRequest(p -> p.bucket(BUCKET).key(key).contentType("image/jpeg")));
    }

    private static HttpResponse<String> put(URI url, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}))
                        .header("Content-Type", contentType)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Flips the last hex digit of X-Amz-Signature, keeping it a well-formed signature. */
    private static String changeOneSignatureCharacter(String url) {
        int start = url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        int end = url.indexOf('&', start) < 0 ? url.length() : url.indexOf('&', start);
        char last = url.charAt(end - 1);
        char changed = last == '0' ? '1' : '0';
        return url.substring(0, end - 1) + changed + url.substring(end);
    }
}
