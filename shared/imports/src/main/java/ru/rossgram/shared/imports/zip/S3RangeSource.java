package ru.rossgram.shared.imports.zip;

import java.io.IOException;
import java.io.InputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An object in S3 (or a compatible store) as a {@link RangeSource}: its size and ETag from one {@code HeadObject},
 * each range from one ranged {@code GetObject} pinned to that ETag ({@code If-Match}), so that an object replaced
 * while it is read is refused rather than read half old, half new. A connection dropped mid-range is resumed from
 * the first byte not yet delivered, up to {@value #RESUMES} times (after 0.2, 0.4, 0.8 s); the SDK's own retries
 * cover requests that fail before their body.
 */
public final class S3RangeSource implements RangeSource {

    static final int RESUMES = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private HeadObjectResponse head;

    /** Makes no request until the size or a range is asked for. */
    public S3RangeSource(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    /**
     * @throws ObjectUnavailableException when the object does not exist or cannot be read
     * @throws IOException when storage cannot be reached
     */
    @Override
    public synchronized long size() throws IOException {
        return head().contentLength();
    }

    private synchronized HeadObjectResponse head() throws IOException {
        if (head == null) {
            try {
                head = s3.headObject(r -> r.bucket(bucket).key(key));
            } catch (S3Exception e) {
                throw new ObjectUnavailableException("s3://" + bucket + "/" + key + " cannot be read: "
                        + e.statusCode(), e);
            } catch (SdkClientException e) {
                throw new IOException("s3://" + bucket + "/" + key + " is out of reach", e);
            }
        }
        return head;
    }

    /**
     * @throws ObjectUnavailableException when the object is gone, refused or replaced since its size was read
     * @throws IOException when storage cannot be reached, {@value #RESUMES} resumes included
     */
    @Override
    public InputStream open(long offset, long length) throws IOException {
        RangeSource.checkRange(offset, length, size());
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String eTag = head().eTag();
        return new ResumingInputStream((from, count) -> get(from, count, eTag), offset, length, RESUMES,
                FIRST_BACKOFF_MILLIS);
    }

    private InputStream get(long offset, long length, String eTag) throws IOException {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key)
                .range("bytes=" + offset + "-" + (offset + length - 1))
                .ifMatch(eTag)
                .build();
        try {
            return new Aborting(s3.getObject(request), length);
        } catch (S3Exception e) {
            throw new ObjectUnavailableException("s3://" + bucket + "/" + key + " bytes " + offset + "+" + length
                    + " cannot be read: " + e.statusCode(), e);
        } catch (SdkClientException e) {
            throw new IOException("s3://" + bucket + "/" + key + " is out of reach", e);
        }
    }

    /**
     * Closes a response read to its end normally (the connection is reused) and one left early by aborting it,
     * so that leaving a multi-gigabyte entry does not drain it over the network.
     */
    private static final class Aborting extends InputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private long left;

        Aborting(ResponseInputStream<GetObjectResponse> response, long length) {
            this.response = response;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            int b = response.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = response.read(b, off, len);
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (left > 0) {
                response.abort();
            }
            response.close();
        }
    }
}
