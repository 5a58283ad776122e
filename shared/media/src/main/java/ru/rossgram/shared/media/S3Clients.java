package ru.rossgram.shared.media;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import ru.rossgram.shared.config.AwsClientFactory;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the S3 clients once per container, with the HTTP client, region and credentials of the core
 * module's {@code AwsClientFactory}, and the endpoint from {@code AWS_ENDPOINT_URL_S3} when it is set.
 */
@Factory
public class S3Clients {
    /** More than the JDK keeps idle connections per host (5, {@code http.maxConnections}), so one attempt is fresh. */
    static final int ATTEMPTS = 7;

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Optional<URI> endpoint;

    public S3Clients(Region region, AwsCredentialsProvider credentials,
                     @Nullable @Value("${aws.endpoint.url.s3:}") String endpoint) {
        this.region = region;
        this.credentials = credentials;
        this.endpoint = AwsClientFactory.endpointOverride(endpoint);
    }

    /**
     * S3 as every store we deploy to takes it, AWS's included: checksums only where the API requires them (the
     * SDK's default since 2.30, a CRC on every request, is refused by several S3-compatible stores; our own uploads
     * go through presigned URLs), and where one is required, DeleteObjects, the {@code Content-MD5} that Yandex
     * Object Storage demands rather than the CRC32 the SDK would send instead (AWS takes either).
     *
     * <p>{@value #ATTEMPTS} attempts, not S3's default 4: the JDK's HTTP client keeps up to 5 idle connections per
     * host for the whole JVM, and after the peer dropped them (a container thawed, a storage node restarted) each
     * attempt can draw another dead one and fail writing its request ("Error writing request body to server"),
     * so only an attempt past all of them is sure to open a live connection.
     */
    @Singleton
    S3Client s3(SdkHttpClient httpClient, RossgramConfig config) {
        var builder = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(httpClient)
                .overrideConfiguration(o -> o.retryStrategy(retries -> retries.maxAttempts(ATTEMPTS)))
                .forcePathStyle(config.s3PathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .addPlugin(LegacyMd5Plugin.create());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Signs URLs for the same endpoint, addressing and credentials as {@link #s3}; makes no network calls. */
    @Singleton
    S3Presigner s3Presigner(RossgramConfig config) {
        var builder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.s3PathStyle()).build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Presigned GETs as {@link #s3Presigner} makes them, signed without its per-URL endpoint resolution. */
    @Singleton
    PresignedGets presignedGets(S3Presigner presigner, RossgramConfig config) {
        return new PresignedGets(presigner, credentials, region, config.mediaBucket());
    }
}
