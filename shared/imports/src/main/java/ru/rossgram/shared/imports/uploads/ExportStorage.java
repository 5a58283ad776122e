package ru.rossgram.shared.imports.uploads;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Where an export's files are uploaded: one S3 multipart upload per file at {@code imports/<userId>/<importId>/<index>.zip}
 * in the media bucket, each part sent by the app straight to storage through a presigned UploadPart URL. No function
 * is subscribed to {@code imports/}: the app says when it finished, and only then are the parts assembled.
 */
@Singleton
public class ExportStorage {
    private static final String PREFIX = "imports/";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public ExportStorage(S3Client s3, S3Presigner presigner, RossgramConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = config.mediaBucket();
    }

    /** A part that storage holds. */
    public record StoredPart(int partNumber, long size, String eTag) {
    }

    /** Where the app sends part {@code partNumber}: exactly {@code size} bytes by PUT, until {@code expiresAt}. */
    public record PartUrl(int partNumber, long size, URI url, Instant expiresAt) {
    }

    /** The key of an import's file. */
    public static String fileKey(String userId, String importId, int index) {
        return PREFIX + userId + "/" + importId + "/" + index + ".zip";
    }

    /** Opens a multipart upload at {@code key}: its upload id. */
    public String open(String key) {
        return s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType("application/zip")).uploadId();
    }

    /**
     * Signs an UploadPart of exactly {@code size} bytes ({@code Content-Length} is a signed header, so storage refuses
     * a part of another length). Signing is local; no call is made.
     */
    public PartUrl presignPart(String key, String uploadId, int partNumber, long size, Duration ttl) {
        var presigned = presigner.presignUploadPart(r -> r.signatureDuration(ttl).uploadPartRequest(UploadPartRequest.builder()
                .bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength(size).build()));
        try {
            return new PartUrl(partNumber, size, presigned.url().toURI(), presigned.expiration());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the SDK signs well-formed URLs", e);
        }
    }

    /**
     * The parts stored so far, in part order, every page of the listing read.
     *
     * @return empty when the upload is no longer open (completed or aborted)
     */
    public Optional<List<StoredPart>> parts(String key, String uploadId) {
        try {
            List<StoredPart> parts = new ArrayList<>();
            s3.listPartsPaginator(r -> r.bucket(bucket).key(key).uploadId(uploadId)).parts()
                    .forEach(p -> parts.add(new StoredPart(p.partNumber(), p.size(), p.eTag())));
            parts.sort(Comparator.comparingInt(StoredPart::partNumber));
            return Optional.of(parts);
        } catch (NoSuchUploadException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Assembles the file from {@code parts} (all of them, in order). */
    public void complete(String key, String uploadId, List<StoredPart> parts) {
        List<CompletedPart> completed = parts.stream()
                .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).build()).toList();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(completed)));
    }

    /** Drops an open upload and the parts it holds; an upload already gone is fine. */
    public void abort(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
        } catch (NoSuchUploadException e) {
            // aborted or completed before: nothing left to drop
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
    }

    /** The stored file's length, or empty when there is none. */
    public Optional<Long> size(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes a stored file; none there is fine. */
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
