package ru.rossgram.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The Yandex profile's S3 endpoint refuses what Yandex Object Storage documents it does not take, with S3's error
 * XML; each request is shown to pass on the AWS profile, so the refusal is the guard's.
 */
class YandexObjectStorageTest extends BothProfiles {

    private static final String BUCKET = "rossgram-media-local";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] BODY = "a photo".getBytes(StandardCharsets.UTF_8);

    @Test
    void deleteObjects_withTheSdksDefaultCrc32_andNoContentMd5_isRefused() {
        List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
        Consumer<LocalCloud> deleteWithSdkDefaults = cloud -> {
            try (S3Client s3 = s3(cloud, cloud.region(), sent)) {
                String key = storedObject(cloud);
                s3.deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(ObjectIdentifier.builder().key(key).build())));
            }
        };
        deleteWithSdkDefaults.accept(aws);
        S3Exception refused = assertThrows(S3Exception.class, () -> deleteWithSdkDefaults.accept(yandex));

        assertEquals(400, refused.statusCode());
        assertEquals("InvalidRequest", refused.awsErrorDetails().errorCode());
        assertEquals("Missing required header for this request: Content-MD5", refused.awsErrorDetails().errorMessage());
        SdkHttpRequest delete = sent.get(sent.size() - 1);
        assertTrue(delete.firstMatchingHeader("x-amz-checksum-crc32").isPresent(), "the SDK sends a CRC32 instead");
        assertFalse(delete.firstMatchingHeader("Content-MD5").isPresent());
    }

    @Test
    void deleteObjects_withContentMd5_passes_asTheLocalCloudsOwnClientSendsIt() {
        String key = storedObject(yandex);
        yandex.s3Client().deleteObjects(r -> r.bucket(BUCKET).delete(d -> d.objects(ObjectIdentifier.builder().key(key)
                .build())));
        assertThrows(S3Exception.class, () -> yandex.s3Client().headObject(r -> r.bucket(BUCKET).key(key)));
    }

    @Test
    void presignedPut_withChecksumParameters_isRefused() throws Exception {
        CRC32 crc = new CRC32();
        crc.update(BODY);
        String checksum = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        Map<String, String> parameters = Map.of("x-amz-sdk-checksum-algorithm", "CRC32", "x-amz-checksum-crc32", checksum);

        assertEquals(200, put(presignedWith(aws, parameters), Map.of()).statusCode());
        HttpResponse<String> refused = put(presignedWith(yandex, parameters), Map.of());

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<Code>InvalidArgument</Code>"), refused.body());
        assertTrue(refused.body().contains("takes no checksum in a presigned URL"), refused.body());
    }

    @Test
    void presignedPut_signingAChecksumHeader_isRefused() throws Exception {
        Map<String, String> checksumHeader = Map.of("x-amz-sdk-checksum-algorithm", "CRC32");
        assertEquals(200, put(presignedBySdk(aws, ChecksumAlgorithm.CRC32), checksumHeader).statusCode());
        HttpResponse<String> refused = put(presignedBySdk(yandex, ChecksumAlgorithm.CRC32), checksumHeader);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<ArgumentName>X-Amz-SignedHeaders</ArgumentName>"), refused.body());

        assertEquals(200, put(presignedBySdk(yandex, null), Map.of()).statusCode());
    }

    @Test
    void requests_signedForAnotherRegion_areRefused() {
        try (S3Client awsRegion = s3(aws, "us-east-1", new CopyOnWriteArrayList<>());
                S3Client toYandex = s3(yandex, "us-east-1", new CopyOnWriteArrayList<>())) {
            awsRegion.headBucket(r -> r.bucket(BUCKET));
            S3Exception refused = assertThrows(S3Exception.class, () -> toYandex.listObjectsV2(r -> r.bucket(BUCKET)));

            assertEquals(400, refused.statusCode());
            assertEquals("AuthorizationHeaderMalformed", refused.awsErrorDetails().errorCode());
            assertEquals("The authorization header is malformed; the region 'us-east-1' is wrong; expecting"
                    + " 'ru-central1'", refused.awsErrorDetails().errorMessage());
        }
        yandex.s3Client().listObjectsV2(r -> r.bucket(BUCKET));
    }

    @Test
    void presignedUrls_signedForAnotherRegion_areRefused() throws Exception {
        String key = storedObject(yandex);
        URI signedForUsEast1;
        try (S3Presigner presigner = presigner(yandex, "us-east-1")) {
            signedForUsEast1 = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(BUCKET).key(key))).url().toURI();
        }
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(signedForUsEast1).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("<Code>AuthorizationQueryParametersError</Code>"), refused.body());
        assertTrue(refused.body().contains("<Region>ru-central1</Region>"), refused.body());
        URI signedForTheProfile = yandex.s3Presigner().presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(BUCKET).key(key))).url().toURI();
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(signedForTheProfile).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void bucketNotifications_doNotExist() {
        S3Exception refused = assertThrows(S3Exception.class, () -> yandex.s3Client().putBucketNotificationConfiguration(
                r -> r.bucket(BUCKET).notificationConfiguration(n -> n.queueConfigurations(q -> q
                        .queueArn("arn:aws:sqs:ru-central1:000000000000:photos").events(Event.S3_OBJECT_CREATED)))));

        assertEquals(501, refused.statusCode());
        assertEquals("NotImplemented", refused.awsErrorDetails().errorCode());
        // S3Proxy has none either; the guard says why, whatever S3Proxy grows.
        assertTrue(refused.awsErrorDetails().errorMessage().contains("a Cloud Functions trigger"),
                refused.awsErrorDetails().errorMessage());
    }

    @Test
    void functions_signForTheProfilesRegion() {
        Map<String, String> environment = yandex.functionEnvironment(
                yandex.template().function("SignUpFunction").orElseThrow(), Map.of("AccessTokenSecret", "x"));
        assertEquals("ru-central1", environment.get("AWS_REGION"));
        assertEquals(yandex.s3Endpoint().toString(), environment.get("AWS_ENDPOINT_URL_S3"));
        assertEquals(yandex.dynamoEndpoint().toString(), environment.get("AWS_ENDPOINT_URL_DYNAMODB"));
    }

    private static String storedObject(LocalCloud cloud) {
        String key = "guard/" + UUID.randomUUID();
        cloud.s3Client().putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromBytes(BODY));
        return key;
    }

    /** A PUT URL signed (SigV4, query string, unsigned payload) with extra query parameters, as other SDKs make. */
    private static URI presignedWith(LocalCloud cloud, Map<String, String> parameters) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create(cloud.s3Endpoint() + "/" + BUCKET + "/guard/" + UUID.randomUUID()));
        parameters.forEach(request::putRawQueryParameter);
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create(cloud.accessKeyId(), cloud.secretAccessKey()))
                        .request(request.build())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, cloud.region())
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
                .request().getUri();
    }

    private static URI presignedBySdk(LocalCloud cloud, ChecksumAlgorithm checksum) throws Exception {
        return cloud.s3Presigner().presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(BUCKET).key("guard/" + UUID.randomUUID()).checksumAlgorithm(checksum)))
                .url().toURI();
    }

    private static HttpResponse<String> put(URI url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(BODY));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An S3 client as the SDK builds it by default (CRC32 checksums), signing for {@code region}. */
    private static S3Client s3(LocalCloud cloud, String region, List<SdkHttpRequest> sent) {
        return S3Client.builder()
                .endpointOverride(cloud.s3Endpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials(cloud))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        sent.add(context.httpRequest());
                    }
                }))
                .build();
    }

    private static S3Presigner presigner(LocalCloud cloud, String region) {
        return S3Presigner.builder()
                .endpointOverride(cloud.s3Endpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials(cloud))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    private static StaticCredentialsProvider credentials(LocalCloud cloud) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey()));
    }
}
