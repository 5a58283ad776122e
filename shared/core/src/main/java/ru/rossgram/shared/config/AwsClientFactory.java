package ru.rossgram.shared.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the DynamoDB client, and what every SDK client shares (HTTP client, region, credentials), once per
 * container; S3's clients are built in the media module's {@code S3Clients}, so functions that never touch S3
 * do not carry it. Region, endpoints and credentials come from the standard
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
        endpointOverride(endpoint).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** The endpoint a service's {@code AWS_ENDPOINT_URL_<SERVICE>} names; empty (the SDK's own) when unset or blank. */
    public static Optional<URI> endpointOverride(String configured) {
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(URI.create(configured));
    }

    /** The region every client names explicitly; S3's clients (in the media module) use it too. */
    @Singleton
    Region region() {
        return region;
    }

    @Singleton
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
