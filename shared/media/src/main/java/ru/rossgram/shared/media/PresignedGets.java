package ru.rossgram.shared.media;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GETs of the media bucket's objects: query-string SigV4 with {@code host} the only signed header
 * and an unsigned payload, exactly the URLs {@link S3Presigner} makes (the unit test compares them, signature
 * included, with the SDK's own signer at the same instant).
 *
 * <p>Why not the SDK per URL: a feed page carries one URL per rendition (about 40 to 80). {@link S3Presigner}
 * spends ~120 µs on each, mostly resolving the bucket's endpoint through its rules engine to the same answer;
 * the SDK's signer alone still ~35 µs, building request objects and deriving the signing key every time. Here
 * the endpoint is resolved once, by the presigner itself (the URL it gives for a probe key, whatever the
 * addressing style, endpoint override or region), the signing key once per day and secret, and a URL costs
 * one SHA-256 and one HMAC.
 */
public final class PresignedGets {
    private static final String PROBE_KEY = "thumbnails/probe";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    /** The probe key's URL without query and without the key: the key is appended to it. */
    private final String bucketBase;
    private final String canonicalPathBase;
    private final String hostHeader;
    private volatile SigningKey signingKey;

    /** Resolves the bucket's endpoint once, through {@code presigner}; makes no network call. */
    public PresignedGets(S3Presigner presigner, AwsCredentialsProvider credentials, Region region, String bucket) {
        this(presigner, credentials, region, bucket, Clock.systemUTC());
    }

    PresignedGets(S3Presigner presigner, AwsCredentialsProvider credentials, Region region, String bucket, Clock clock) {
        this.credentials = credentials;
        this.region = region.id();
        this.clock = clock;
        URI probe = URI.create(presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                .getObjectRequest(get -> get.bucket(bucket).key(PROBE_KEY))).url().toString());
        String path = probe.getRawPath();
        if (!path.endsWith("/" + PROBE_KEY)) {
            throw new IllegalStateException("unexpected presigned URL shape: " + probe);
        }
        this.canonicalPathBase = path.substring(0, path.length() - PROBE_KEY.length());
        this.bucketBase = probe.getScheme() + "://" + probe.getRawAuthority() + canonicalPathBase;
        this.hostHeader = probe.getRawAuthority(); // host[:port], as sent in the Host header
    }

    /**
     * A GET of {@code key}, valid for {@code ttl}. Our keys are letters, digits, '/', '.', '-' and '_', so the
     * key is its own encoding.
     */
    URI presign(String key, Duration ttl) {
        Instant now = clock.instant();
        AwsCredentials identity = credentials.resolveCredentials();
        String amzDate = AMZ_DATE.format(now);
        String day = amzDate.substring(0, 8);
        String scope = day + "/" + region + "/s3/aws4_request";

        // Parameters in code-point order of their names, as the canonical query string requires.
        StringBuilder query = new StringBuilder(384)
                .append("X-Amz-Algorithm=").append(ALGORITHM)
                .append("&X-Amz-Credential=").append(encode(identity.accessKeyId() + "/" + scope))
                .append("&X-Amz-Date=").append(amzDate)
                .append("&X-Amz-Expires=").append(ttl.toSeconds());
        if (identity instanceof AwsSessionCredentials session) {
            query.append("&X-Amz-Security-Token=").append(encode(session.sessionToken()));
        }
        query.append("&X-Amz-SignedHeaders=host");

        String canonicalRequest = "GET\n" + canonicalPathBase + key + "\n" + query + "\nhost:" + hostHeader
                + "\n\nhost\nUNSIGNED-PAYLOAD";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + HEX.formatHex(sha256(canonicalRequest));
        String signature = HEX.formatHex(hmac(signingKey(identity.secretAccessKey(), day), stringToSign));
        return URI.create(bucketBase + key + "?" + query + "&X-Amz-Signature=" + signature);
    }

    /** The day's key, derived again only when the day or the secret changes (rotated credentials). */
    private byte[] signingKey(String secret, String day) {
        SigningKey cached = signingKey;
        if (cached == null || !cached.day.equals(day) || !cached.secret.equals(secret)) {
            byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, "s3");
            cached = new SigningKey(secret, day, hmac(key, "aws4_request"));
            signingKey = cached;
        }
        return cached.key;
    }

    private record SigningKey(String secret, String day, byte[] key) {
    }

    /** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, as upper-case %XX. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(UPPER_HEX.toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        MessageDigest digest = SHA256.get();
        return digest.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a SigV4 key is always a valid HMAC key", e);
        }
    }

    /** Looking up a JCA algorithm is a good part of a URL's cost; each thread keeps its instances. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> jca(() -> MessageDigest.getInstance("SHA-256")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> jca(() -> Mac.getInstance("HmacSHA256")));

    private interface JcaLookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T jca(JcaLookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JDK", e);
        }
    }
}
