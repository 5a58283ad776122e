package ru.rossgram.shared.imports.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive {@link ZipMemoryBenchmark} built, uploaded to the local S3 (S3Proxy on its file-system store) and
 * read back entry by entry through {@link S3RangeSource}: throughput over HTTP and the requests made. S3Proxy runs
 * in this JVM, so the heap measured here is the benchmark's; {@link ZipMemoryBenchmark} measures the reader's.
 *
 * <pre>{@code
 * java -cp "shared/imports/target/classes:shared/imports/target/test-classes:$(cat classpath.txt)" \
 *     ru.rossgram.shared.imports.zip.S3ZipBenchmark /tmp/zip-bench/export.zip /tmp/zip-bench/s3
 * }</pre>
 */
public final class S3ZipBenchmark {

    private static final String BUCKET = "rossgram-imports-benchmark";

    private S3ZipBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args[0]);
        Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.builder().dataDirectory(Path.of(args[1])).build());
                S3Client s3 = S3Client.builder()
                        .endpointOverride(cloud.s3Endpoint())
                        .region(Region.of(cloud.region()))
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())))
                        .forcePathStyle(true)
                        .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                            @Override
                            public void beforeTransmission(Context.BeforeTransmission context,
                                    ExecutionAttributes attributes) {
                                requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                                        name -> new AtomicInteger()).incrementAndGet();
                            }
                        }))
                        .build()) {
            if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            long started = System.nanoTime();
            s3.putObject(b -> b.bucket(BUCKET).key("export.zip"), RequestBody.fromFile(archive));
            System.out.printf("uploaded %,d bytes in %.1f s%n", Files.size(archive), seconds(started));
            requests.clear();

            started = System.nanoTime();
            long bytes = 0;
            RangedZip zip = RangedZip.open(new S3RangeSource(s3, BUCKET, "export.zip"), ZipLimits.defaults());
            Map<String, Integer> forDirectory = snapshot(requests);
            byte[] buffer = new byte[64 << 10];
            for (ArchiveEntry entry : zip.entries()) {
                try (InputStream in = zip.open(entry)) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        bytes += n;
                    }
                }
            }
            double seconds = seconds(started);
            System.out.printf("%,d entries, %,d bytes read and verified in %.1f s = %.0f MB/s; requests for the"
                            + " directory %s, in all %s%n", zip.entries().size(), bytes, seconds,
                    bytes / seconds / 1e6, forDirectory, snapshot(requests));
        }
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> requests) {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
