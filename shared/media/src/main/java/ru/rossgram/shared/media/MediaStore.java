package ru.rossgram.shared.media;

import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The media bucket's S3 calls: presigned PUTs and GETs, HEAD, reads, thumbnail writes and deletes. Where each
 * object lives is {@link MediaKeys}'.
 */
@Singleton
public class MediaStore {
    private static final String FOREVER = "max-age=31536000, immutable";
    private static final int DELETE_BATCH = 1000; // DeleteObjects' limit

    private final S3Client s3;
    private final S3Presigner presigner;
    private final PresignedGets gets;
    private final String bucket;
    private final MediaConfig config;

    public MediaStore(S3Client s3, S3Presigner presigner, PresignedGets gets, RossgramConfig rossgram, MediaConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.gets = gets;
        this.bucket = rossgram.mediaBucket();
        this.config = config;
    }

    /**
     * Signs a PUT of {@code key} that S3 accepts only with exactly this {@code Content-Type} and
     * {@code Content-Length}: both are signed headers, so a client cannot store another type or size.
     */
    public PresignedUpload presignPut(String key, String contentType, long contentLength, Duration ttl) {
        var presigned = presigner.presignPutObject(r -> r.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("content-length", Long.toString(contentLength));
        // Whatever else the signer bound (none today) the client must send too; host it sends anyway.
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
            }
        });
        return new PresignedUpload(toUri(presigned.url()), headers, presigned.expiration());
    }

    /** A short-lived GET of {@code key}. Signing is local computation; no call to S3 is made. */
    public URI presignGet(String key, Duration ttl) {
        return gets.presign(key, ttl);
    }

    /**
     * Where a client downloads a thumbnail: under the public base URL if one is configured and the key is a public
     * thumbnail's, else a presigned GET (short-lived for a paid photo's rendition).
     */
    public URI thumbnailUrl(String key) {
        if (MediaKeys.isLocked(key)) {
            return presignGet(key, config.paidUrlTtl());
        }
        String base = config.publicBaseUrl() == null ? "" : config.publicBaseUrl().trim();
        if (base.isEmpty() || !MediaKeys.isPublicThumbnail(key)) {
            return presignGet(key, config.downloadUrlTtl());
        }
        return URI.create(base.replaceAll("/+$", "") + "/" + key); // our keys need no escaping
    }

    /** Each rendition's name to its {@link #thumbnailUrl}, smallest first as recorded. */
    public Map<String, URI> thumbnailUrls(PhotoRecord photo) {
        Map<String, URI> urls = new LinkedHashMap<>();
        photo.renditions().forEach(r -> urls.put(r.name(), thumbnailUrl(r.key())));
        return urls;
    }

    /** The stored object's size and type, or empty if there is no object at {@code key}. */
    public Optional<ObjectHead> head(String key) {
        try {
            var head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new ObjectHead(head.contentLength(), head.contentType(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // HEAD answers have no body, so some stores give no error code
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads the object at {@code key} whole, refusing to hold more than {@code maxBytes} of it.
     *
     * @return the bytes, or empty when there is no object at {@code key} (deleted since its event was sent)
     * @throws ObjectTooLargeException when the object is longer than {@code maxBytes}
     * @throws java.io.UncheckedIOException when the download breaks off (worth a retry)
     */
    public Optional<byte[]> read(String key, long maxBytes) {
        try (var object = s3.getObject(r -> r.bucket(bucket).key(key))) {
            Long length = object.response().contentLength();
            if (length != null && length > maxBytes) {
                throw new ObjectTooLargeException(key, length, maxBytes);
            }
            byte[] bytes = object.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new ObjectTooLargeException(key, bytes.length, maxBytes);
            }
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading " + key + " broke off", e);
        }
    }

    /** The object at {@code key} holds more bytes than its reader accepts. */
    public static final class ObjectTooLargeException extends RuntimeException {
        private final long length;

        ObjectTooLargeException(String key, long length, long maxBytes) {
            super(key + " is " + length + " bytes; at most " + maxBytes + " are read");
            this.length = length;
        }

        public long length() {
            return length;
        }
    }

    /**
     * Stores a thumbnail. Thumbnail keys are never reused for other content, so caches may keep them forever; a
     * paid photo's locked renditions only in the buyer's own cache (no shared proxy or CDN keeps a copy to hand out).
     */
    public void putThumbnail(String key, String contentType, byte[] bytes) {
        String cacheControl = (MediaKeys.isLocked(key) ? "private, " : "public, ") + FOREVER;
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }

    /**
     * Stores an original photo the service itself brings (an imported one) at its upload's key, as a phone's PUT to
     * its upload URL would; the storage event then has the thumbnail function process it like any upload.
     */
    public void putOriginal(String key, String contentType, byte[] bytes) {
        if (!MediaKeys.parseUploadKey(key).isPresent()) {
            throw new IllegalArgumentException("not an upload's key: " + key);
        }
        s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));
    }

    /** The bucket every key here lives in. */
    public String bucket() {
        return bucket;
    }

    /**
     * Deletes the objects at {@code keys}; keys with no object are fine (deleting is idempotent).
     *
     * @throws ProblemException 503 when S3 could not delete some of them (retrying the same call is safe)
     */
    public void delete(Collection<String> keys) {
        List<ObjectIdentifier> all = keys.stream().distinct().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int from = 0; from < all.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>(all.subList(from, Math.min(all.size(), from + DELETE_BATCH)));
            var response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw ProblemException.busy("Some photos could not be deleted yet; retry shortly.");
            }
        }
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the SDK signs well-formed URLs", e);
        }
    }
}
