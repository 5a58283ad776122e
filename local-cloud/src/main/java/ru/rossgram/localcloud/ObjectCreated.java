package ru.rossgram.localcloud;

import java.time.Instant;
import java.util.Objects;

/**
 * An object stored in one of the cloud's buckets: what S3 would announce as an
 * {@code s3:ObjectCreated:*} event notification. See {@link LocalCloud#onObjectCreated}.
 *
 * @param bucket the bucket's physical name, e.g. {@code rossgram-media-local}
 * @param key the object key as stored, not URL-encoded
 * @param size the object's size in bytes
 * @param eTag the object's ETag without surrounding quotes; for a multipart upload, S3's
 *     {@code <hex>-<parts>} form
 * @param eventName {@value #PUT}, {@value #COMPLETE_MULTIPART_UPLOAD} or {@value #COPY}, as S3
 *     names the event (no {@code s3:} prefix)
 * @param time when the store finished writing the object
 */
public record ObjectCreated(String bucket, String key, long size, String eTag, String eventName, Instant time) {

    /** The event name of a PutObject, presigned or not. */
    public static final String PUT = "ObjectCreated:Put";
    /** The event name of a completed multipart upload. */
    public static final String COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload";
    /** The event name of a CopyObject, for the destination object. */
    public static final String COPY = "ObjectCreated:Copy";

    /**
     * Validates the components.
     *
     * @param bucket see {@link #bucket()}
     * @param key see {@link #key()}
     * @param size see {@link #size()}
     * @param eTag see {@link #eTag()}
     * @param eventName see {@link #eventName()}
     * @param time see {@link #time()}
     * @throws NullPointerException when bucket, key, eventName or time is null
     */
    public ObjectCreated {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(time, "time");
    }
}
