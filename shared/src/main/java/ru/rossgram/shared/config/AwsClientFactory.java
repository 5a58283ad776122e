package ru.rossgram.shared.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import ru.rossgram.shared.media.PresignedGets;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK clients once per container. Region, endpoints and credentials come from the standard
 * variables ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_ACCESS_KEY_ID}, ...), read
 * through Micronaut so that tests and the local runner can pass them as properties. Setting them
 * explicitly also skips the SDK's slow provider-chain discovery at cold start.
 */
@Factory
public class AwsClientFactory {
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClientFactory(
            @Nullable @Value("${aws.region:}") String region,
            @Nullable @Value("${aws.access.key.id:}") String accessKeyId,
            @Nullable @Value("${aws.secret.access.key:}") String secretAccessKey,
            @Nullable @Value("${aws.session.token:}") String sessionToken) {
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set; every deployment names its region explicitly");
        }
        this.region = Region.of(region);
        this.credentials = credentials(accessKeyId, secretAccessKey, sessionToken);
    }

    @Singleton
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    @Singleton
    DynamoDbClient dynamoDb(SdkHttpClient httpClient,
                            @Nullable @Value("${aws.endpoint.url.dynamodb:}") String endpoint) {
        var builder = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(httpClient);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /**
     * S3 with checksums only where the API requires them: the SDK's default (a CRC trailer on every upload,
     * since 2.30) is refused by several S3-compatible stores, and our own uploads go through presigned URLs.
     */
    @Singleton
    S3Client s3(SdkHttpClient httpClient, RossgramConfig config,
                @Nullable @Value("${aws.endpoint.url.s3:}") String endpoint) {
        var builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(httpClient)
                .forcePathStyle(config.s3PathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Signs URLs for the same endpoint, addressing and credentials as {@link #s3}; makes no network calls. */
    @Singleton
    S3Presigner s3Presigner(RossgramConfig config, @Nullable @Value("${aws.endpoint.url.s3:}") String endpoint) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.s3PathStyle()).build());
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Presigned GETs as {@link #s3Presigner} makes them, signed without its per-URL endpoint resolution. */
    @Singleton
    PresignedGets presignedGets(S3Presigner presigner, RossgramConfig config) {
        return new PresignedGets(presigner, credentials, region, config.mediaBucket());
    }

    Region region() {
        return region;
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    private static AwsCredentialsProvider credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(sessionToken == null || sessionToken.isBlank()
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }
}
