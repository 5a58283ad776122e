package ru.rossgram.localcloud;

import java.nio.file.Path;
import java.util.function.Supplier;

import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3Proxy running with the template's buckets and CORS rules, and a client and presigner for it,
 * built on first use (an S3 client costs a few hundred milliseconds of class loading).
 */
final class S3Engine implements AutoCloseable {

    private final S3ProxyServer server;
    private final Lazy<S3Client> client;
    private final Lazy<S3Presigner> presigner;

    private S3Engine(S3ProxyServer server, SdkClients clients) {
        this.server = server;
        this.client = new Lazy<>(() -> clients.s3(server.endpoint()));
        this.presigner = new Lazy<>(() -> clients.s3Presigner(server.endpoint()));
    }

    static S3Engine start(SamTemplate template, PhysicalNames names, Path baseDirectory, LocalCloudOptions options,
            SdkClients clients) throws Exception {
        ObjectStorageGuard guard = options.profile() == CloudProfile.YANDEX
                ? new ObjectStorageGuard(new ObjectStorageLimits(options.region()))
                : null;
        S3ProxyServer server = S3ProxyServer.start(baseDirectory, options.s3Port(), options.accessKeyId(),
                options.secretAccessKey(), S3ProxyCors.from(template.buckets()), guard);
        try {
            new BucketProvisioner(server.blobStore(), names).provision(template.buckets());
            return new S3Engine(server, clients);
        } catch (Exception e) {
            Closer.closeAll(e, server);
            throw e;
        }
    }

    S3ProxyServer server() {
        return server;
    }

    S3Client client() {
        return client.get();
    }

    S3Presigner presigner() {
        return presigner.get();
    }

    @Override
    public void close() {
        IllegalStateException failure = new IllegalStateException("cannot stop S3Proxy cleanly");
        Closer.closeAll(failure, presigner, client, server);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Built on first {@link #get()}; closing closes it only if it was built. */
    private static final class Lazy<T extends AutoCloseable> implements Supplier<T>, AutoCloseable {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        @Override
        public synchronized void close() throws Exception {
            if (value != null) {
                value.close();
            }
        }
    }
}
