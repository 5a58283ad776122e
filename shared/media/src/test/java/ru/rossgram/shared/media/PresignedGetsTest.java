package ru.rossgram.shared.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
     * Signatures carry the second they were made, so two signers agree on everything else: where the URL points
     * and every query parameter but the date and signature (which S3Proxy checks in the integration tests).
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

            assertEquals(expected.getScheme() + "://" + expected.getRawAuthority() + expected.getRawPath(),
                    actual.getScheme() + "://" + actual.getRawAuthority() + actual.getRawPath());
            Map<String, String> expectedQuery = query(expected);
            Map<String, String> actualQuery = query(actual);
            assertEquals(expectedQuery.keySet(), actualQuery.keySet());
            for (String name : expectedQuery.keySet()) {
                if (!name.equals("X-Amz-Date") && !name.equals("X-Amz-Signature")) {
                    assertEquals(expectedQuery.get(name), actualQuery.get(name), name);
                }
            }
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
