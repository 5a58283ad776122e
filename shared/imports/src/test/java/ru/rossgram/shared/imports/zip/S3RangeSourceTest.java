package ru.rossgram.shared.imports.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.rossgram.localcloud.LocalCloud;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Archives in the real local S3 (S3Proxy), read where they lie, counting every request. */
class S3RangeSourceTest {

    private static final String BUCKET = "rossgram-imports-zip-test";
    private static final Map<String, AtomicInteger> REQUESTS = new ConcurrentHashMap<>();

    private static LocalCloud cloud;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start();
        s3 = S3Client.builder()
                .endpointOverride(cloud.s3Endpoint())
                .region(Region.of(cloud.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey())))
                .forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                            ExecutionAttributes attributes) {
                        REQUESTS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                                name -> new AtomicInteger()).incrementAndGet();
                    }
                }))
                .build();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void aSmallExport_costsOneHeadOneGetForTheDirectory_andOneGetPerEntry() throws IOException {
        List<byte[]> contents = List.of(RangedZipTest.randomBytes(200_000, 6),
                "{\"media\": []}".repeat(5000).getBytes(StandardCharsets.UTF_8),
                RangedZipTest.randomBytes(1_500_000, 7), new byte[0]);
        put("export-small.zip", zip("media/posts/", contents));
        RangedZip zip = RangedZip.open(new S3RangeSource(s3, BUCKET, "export-small.zip"), ZipLimits.defaults());
        assertEquals(Map.of("HeadObject", 1, "GetObject", 1), counts());

        for (int i = 0; i < contents.size(); i++) {
            assertArrayEquals(contents.get(i), RangedZipTest.readAll(zip, zip.entries().get(i)));
        }

        assertEquals(Map.of("HeadObject", 1, "GetObject", 1 + contents.size()), counts());
    }

    @Test
    void aDirectoryLargerThanTheTail_costsOneMoreGet() throws IOException {
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            contents.add(("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        put("export-many.zip", zip("your_instagram_activity/content/with/a/long/enough/path/", contents));

        RangedZip zip = RangedZip.open(new S3RangeSource(s3, BUCKET, "export-many.zip"), ZipLimits.defaults());

        assertEquals(1500, zip.entries().size());
        assertEquals(Map.of("HeadObject", 1, "GetObject", 2), counts());
        assertEquals("{\"n\": 1499}", new String(RangedZipTest.readAll(zip, zip.entries().get(1499)),
                StandardCharsets.UTF_8));
    }

    @Test
    void anEntryLeftEarly_closesItsRange_andTheNextEntryStillReads() throws IOException {
        List<byte[]> contents = List.of(RangedZipTest.randomBytes(3_000_000, 8), "{}".getBytes(StandardCharsets.UTF_8));
        put("export-early.zip", zip("", contents));
        RangedZip zip = RangedZip.open(new S3RangeSource(s3, BUCKET, "export-early.zip"), ZipLimits.defaults());

        try (InputStream in = zip.open(zip.entries().get(0))) {
            assertEquals(1000, in.readNBytes(1000).length);
        }

        assertArrayEquals(contents.get(1), RangedZipTest.readAll(zip, zip.entries().get(1)));
    }

    @Test
    void aMissingObject_isUnavailable() {
        S3RangeSource source = new S3RangeSource(s3, BUCKET, "never-uploaded.zip");

        assertThrows(ObjectUnavailableException.class, () -> RangedZip.open(source, ZipLimits.defaults()));
    }

    @Test
    void anObjectReplacedWhileRead_isUnavailable_notReadHalfOldHalfNew() throws IOException {
        put("export-replaced.zip", zip("", List.of("{\"v\": 1}".getBytes(StandardCharsets.UTF_8))));
        RangedZip zip = RangedZip.open(new S3RangeSource(s3, BUCKET, "export-replaced.zip"), ZipLimits.defaults());
        put("export-replaced.zip", zip("", List.of("{\"v\": 2}".getBytes(StandardCharsets.UTF_8))));

        assertThrows(ObjectUnavailableException.class, () -> RangedZipTest.readAll(zip, zip.entries().get(0)));
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        REQUESTS.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
    }

    private static void put(String key, byte[] bytes) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
        REQUESTS.clear();
    }

    private static byte[] zip(String folder, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < contents.size(); i++) {
                zip.putNextEntry(new ZipEntry(folder + "entry_" + i + ".bin"));
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
