package ru.rossgram.localcloud;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob store S3Proxy writes through, telling listeners of every object it has stored. S3Proxy
 * turns PutObject (presigned or not) into {@code putBlob}, CompleteMultipartUpload into
 * {@code completeMultipartUpload} and CopyObject into {@code copyBlob}, so these three cover every
 * way an object lands; a call that throws stores nothing and announces nothing.
 *
 * <p>Listeners run on S3Proxy's request thread, after the object is stored and before the client
 * has its response, so they must be quick; what they throw is logged and otherwise ignored.
 */
final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);

    private final List<Consumer<ObjectCreated>> listeners = new CopyOnWriteArrayList<>();

    NotifyingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    /** Adds a listener; it sees objects stored from now on. */
    void addListener(Consumer<ObjectCreated> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    // Both overloads: S3Proxy's PutObject calls the one with options, its browser-form POST the other.
    @Override
    public String putBlob(String container, Blob blob) {
        String eTag = super.putBlob(container, blob);
        announcePut(container, blob, eTag);
        return eTag;
    }

    @Override
    public String putBlob(String container, Blob blob, PutOptions options) {
        String eTag = super.putBlob(container, blob, options);
        announcePut(container, blob, eTag);
        return eTag;
    }

    @Override
    public String completeMultipartUpload(MultipartUpload upload, List<MultipartPart> parts) {
        String eTag = super.completeMultipartUpload(upload, parts);
        announce(upload.containerName(), upload.blobName(), null, eTag, ObjectCreated.COMPLETE_MULTIPART_UPLOAD);
        return eTag;
    }

    @Override
    public String copyBlob(String fromContainer, String fromName, String toContainer, String toName,
            CopyOptions options) {
        String eTag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
        announce(toContainer, toName, null, eTag, ObjectCreated.COPY);
        return eTag;
    }

    private void announcePut(String container, Blob blob, String eTag) {
        // S3Proxy sets the decoded length (x-amz-decoded-content-length for aws-chunked bodies).
        Long declared = blob.getMetadata().getContentMetadata().getContentLength();
        announce(container, blob.getMetadata().getName(), declared, eTag, ObjectCreated.PUT);
    }

    private void announce(String container, String key, Long knownSize, String eTag, String eventName) {
        if (listeners.isEmpty()) {
            return;
        }
        Instant time = Instant.now();
        ObjectCreated event;
        try {
            // A copy or a completed upload carries no size: read it back from what was stored.
            long size = knownSize != null ? knownSize : storedSize(container, key);
            event = new ObjectCreated(container, key, size, unquote(eTag), eventName, time);
        } catch (RuntimeException e) {
            LOG.warn("stored {}/{} but cannot describe it for listeners", container, key, e);
            return;
        }
        for (Consumer<ObjectCreated> listener : listeners) {
            try {
                listener.accept(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // The object is stored: the client must hear so whatever a listener does.
                LOG.warn("an ObjectCreated listener failed on {}/{}", container, key, e);
            }
        }
    }

    private long storedSize(String container, String key) {
        BlobMetadata metadata = delegate().blobMetadata(container, key);
        Long size = metadata == null ? null : metadata.getSize();
        if (size == null) {
            size = metadata == null ? null : metadata.getContentMetadata().getContentLength();
        }
        if (size == null) {
            throw new IllegalStateException("the store reports no size for " + container + "/" + key);
        }
        return size;
    }

    private static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
