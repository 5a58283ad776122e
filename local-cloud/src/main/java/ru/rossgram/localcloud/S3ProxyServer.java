package ru.rossgram.localcloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.apis.ApiMetadata;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * S3Proxy in this JVM on 127.0.0.1, backed by jclouds' in-memory ("transient") or
 * on-disk ("filesystem") blob store, with AWS signature checks on, so that a wrong signature
 * or an expired presigned URL is refused as S3 would refuse it.
 */
final class S3ProxyServer implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext blobStore;
    private final NotifyingBlobStore served;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, BlobStoreContext blobStore, NotifyingBlobStore served, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.served = served;
        this.endpoint = endpoint;
    }

    /**
     * @param baseDirectory where buckets live as directories, or null for in memory
     * @param port the port on 127.0.0.1, 0 for a free one
     * @param cors the server-wide CORS rule, or null for none
     * @param guard what every request meets before S3Proxy (the Yandex profile's limits), or null for nothing
     */
    static S3ProxyServer start(Path baseDirectory, int port, String accessKeyId, String secretAccessKey,
            CrossOriginResourceSharing cors, ObjectStorageGuard guard) throws Exception {
        BlobStoreContext blobStore = blobStore(baseDirectory);
        S3Proxy proxy = null;
        try {
            NotifyingBlobStore served = new NotifyingBlobStore(blobStore.getBlobStore());
            S3Proxy.Builder builder = S3Proxy.builder()
                    .blobStore(served)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey);
            if (cors != null) {
                builder.corsRules(cors);
            }
            proxy = builder.build();
            if (guard != null) {
                S3ProxyFilters.install(proxy, guard);
            }
            proxy.start();
            return new S3ProxyServer(proxy, blobStore, served, URI.create("http://127.0.0.1:" + proxy.getPort()));
        } catch (Exception e) {
            S3Proxy started = proxy;
            Closer.closeAll(e, started == null ? null : started::stop, blobStore);
            throw e;
        }
    }

    private static BlobStoreContext blobStore(Path baseDirectory) {
        Properties properties = new Properties();
        // By API rather than by id: looking up an id instantiates every jclouds provider on the
        // classpath, including S3Proxy's Azure and Google ones whose libraries we leave out.
        ApiMetadata api = new TransientApiMetadata();
        if (baseDirectory != null) {
            api = new FilesystemApiMetadata();
            try {
                properties.setProperty("jclouds.filesystem.basedir",
                        Files.createDirectories(baseDirectory).toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + baseDirectory, e);
            }
        }
        // The blob store's own credentials are never checked; S3Proxy checks the clients'.
        return ContextBuilder.newBuilder(api)
                .credentials("local", "local")
                .overrides(properties)
                .modules(List.of(new SLF4JLoggingModule()))
                .buildView(BlobStoreContext.class);
    }

    /** The store itself, not the one S3Proxy serves: writes here announce nothing. */
    BlobStore blobStore() {
        return blobStore.getBlobStore();
    }

    /** Tells {@code listener} of every object stored through S3Proxy from now on. */
    void onObjectCreated(Consumer<ObjectCreated> listener) {
        served.addListener(listener);
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
