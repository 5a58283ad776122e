package ru.rossgram.shared.media;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GETs of the media bucket's objects, signed with the SDK's SigV4 signer directly. Every post in a
 * response carries one URL per rendition (a feed page, about 80), and {@link S3Presigner} spends most of its
 * ~120 µs a URL resolving the bucket's endpoint through its rules engine, the same answer each time; the
 * signer alone takes ~35 µs. So the endpoint is resolved once, by the presigner itself (the URL it gives for a
 * probe key, whatever the addressing style, endpoint override or region), and each URL is the same request
 * signed for its key. The URLs are what the presigner makes: query-string SigV4, {@code host} the only signed
 * header, an unsigned payload.
 */
public final class PresignedGets {
    private static final String PROBE_KEY = "thumbnails/probe";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsProvider credentials;
    private final String region;
    /** The probe key's URL without query and without the key: the key is appended to it. */
    private final URI bucketBase;

    /** Resolves the bucket's endpoint once, through {@code presigner}; makes no network call. */
    public PresignedGets(S3Presigner presigner, AwsCredentialsProvider credentials, Region region, String bucket) {
        this.credentials = credentials;
        this.region = region.id();
        URI probe = URI.create(presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(get -> get.bucket(bucket).key(PROBE_KEY))).url().toString());
        String path = probe.getRawPath();
        if (!path.endsWith("/" + PROBE_KEY)) {
            throw new IllegalStateException("unexpected presigned URL shape: " + probe);
        }
        this.bucketBase = URI.create(probe.getScheme() + "://" + probe.getRawAuthority()
                + path.substring(0, path.length() - PROBE_KEY.length()));
    }

    /**
     * A GET of {@code key}, valid for {@code ttl}. Our keys are letters, digits, '/', '.', '-' and '_', so the
     * key is its own encoding.
     */
    URI presign(String key, Duration ttl) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(bucketBase.resolve(key)).build();
        return signer.sign(r -> r.request(request).identity(credentials.resolveCredentials())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, ttl)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
                .request().getUri();
    }
}
