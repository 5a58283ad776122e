package ru.rossgram.shared.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class PresignedGetsTest {
    private static final String KEY = "thumbnails/01JD0000000000000000000000/01JD0000000000000000000001/w320.jpg";
    private static final Duration TTL = Duration.ofHours(1);

    @Test
    void pathStyleEndpoint_givesTheUrlThePresignerGives() {
        assertSameAsPresigner(Region.US_EAST_1, URI.create("http://127.0.0.1:9000"), true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("localAccessKey", "localSecretKey")));
    }

    @Test
    void awsVirtualHostedBucket_withSessionCredentials_givesTheUrlThePresignerGives() {
        assertSameAsPresigner(Region.EU_CENTRAL_1, null, false, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "session-token/with+chars=")));
    }

    @Test
    void anotherCloudsEndpoint_givesTheUrlThePresignerGives() {
        assertSameAsPresigner(Region.of("ru-central1"), URI.create("https://storage.yandexcloud.net"), true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("YCAJE", "YCsecret")));
    }

    /**
     * Where the URL points and every query parameter but the date and signature match the presigner's URL made
     * a moment earlier; all of it, signature included, matches the SDK's own SigV4 signer at the same instants
     * (two days apart, so the day's signing key is derived again). S3Proxy checks the signatures for real in
     * the integration tests.
     */
    private static void assertSameAsPresigner(Region region, URI endpoint, boolean pathStyle, AwsCredentialsProvider credentials) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        try (S3Presigner presigner = builder.build()) {
            URI expected = URI.create(presigner.presignGetObject(r -> r.signatureDuration(TTL)
                    .getObjectRequest(get -> get.bucket("rossgram-media-test").key(KEY))).url().toString());
            URI actual = new PresignedGets(presigner, credentials, region, "rossgram-media-test").presign(KEY, TTL);

            assertEquals(base(expected), base(actual));
            Map<String, String> expectedQuery = query(expected);
            Map<String, String> actualQuery = query(actual);
            assertEquals(expectedQuery.keySet(), actualQuery.keySet());
            for (String name : expectedQuery.keySet()) {
                if (!name.equals("X-Amz-Date") && !name.equals("X-Amz-Signature")) {
                    assertEquals(expectedQuery.get(name), actualQuery.get(name), name);
                }
            }

            MutableClock clock = new MutableClock(Instant.parse("2026-12-01T23:59:58Z"));
            PresignedGets gets = new PresignedGets(presigner, credentials, region, "rossgram-media-test", clock);
            for (int day = 0; day < 2; day++) {
                URI ours = gets.presign(KEY, TTL);
                URI sdks = sdkSigned(ours, region, credentials, clock.instant());
                assertEquals(base(sdks), base(ours));
                assertEquals(query(sdks), query(ours), "signed at " + clock.instant());
                clock.now = clock.now.plus(Duration.ofDays(1));
            }
        }
    }

    /** The same GET signed by the SDK's SigV4 signer at {@code at}, as S3Presigner signs it. */
    private static URI sdkSigned(URI url, Region region, AwsCredentialsProvider credentials, Instant at) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(base(url))).build();
        return AwsV4HttpSigner.create().sign(r -> r.request(request).identity(credentials.resolveCredentials())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id())
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, TTL)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request().getUri();
    }

    private static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return parameters;
    }
}
