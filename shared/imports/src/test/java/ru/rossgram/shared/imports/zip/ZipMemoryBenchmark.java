package ru.rossgram.shared.imports.zip;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Measures that memory stays bounded whatever the archive's size: builds (once) a ZIP64 archive of several GB of
 * incompressible 8 MiB "photos" (mostly STORED, every eighth DEFLATED) and small JSON files, then lists and reads
 * every entry through a {@link FileRangeSource}, and prints the peak heap and the throughput. Run it in a JVM of
 * its own with a small heap:
 *
 * <pre>{@code
 * java -Xmx64m -cp shared/imports/target/classes:shared/imports/target/test-classes \
 *     ru.rossgram.shared.imports.zip.ZipMemoryBenchmark /tmp/zip-bench/export.zip 4608
 * }</pre>
 *
 * The second argument is the archive's size in MiB of photos (default 4,608, past ZIP64's 4 GiB).
 */
public final class ZipMemoryBenchmark {

    private static final int PHOTO_BYTES = 8 << 20;
    private static final int JSON_FILES = 2000;

    private ZipMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args.length > 0 ? args[0] : "/tmp/zip-bench/export.zip");
        int photoMiB = args.length > 1 ? Integer.parseInt(args[1]) : 4608;
        if (!Files.exists(archive)) {
            long started = System.nanoTime();
            build(archive, photoMiB / 8);
            System.out.printf("built %s: %,d bytes in %.1f s%n", archive, Files.size(archive), seconds(started));
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long baseline = usedHeap(heap);

        long started = System.nanoTime();
        long bytes = 0;
        int entries;
        try (FileRangeSource source = FileRangeSource.open(archive)) {
            RangedZip zip = RangedZip.open(source, ZipLimits.defaults());
            entries = zip.entries().size();
            byte[] buffer = new byte[64 << 10];
            for (ArchiveEntry entry : zip.entries()) {
                try (InputStream in = zip.open(entry)) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        bytes += n;
                    }
                }
            }
        }
        double seconds = seconds(started);
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("archive %,d bytes, %,d entries, every entry read and verified: %,d bytes in %.1f s"
                        + " = %.0f MB/s%n", Files.size(archive), entries, bytes, seconds, bytes / seconds / 1e6);
        System.out.printf("heap: max %,d bytes (-Xmx), in use before reading %,d, peak while reading %,d"
                        + " (sum of the heap pools' peaks, garbage included)%n",
                Runtime.getRuntime().maxMemory(), baseline, peak);
    }

    private static void build(Path archive, int photos) throws IOException {
        Files.createDirectories(archive.getParent());
        Random random = new Random(17);
        byte[][] chunks = new byte[4][PHOTO_BYTES];
        long[] crcs = new long[chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            random.nextBytes(chunks[i]);
            CRC32 crc = new CRC32();
            crc.update(chunks[i]);
            crcs[i] = crc.getValue();
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 20);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < JSON_FILES; i++) {
                zip.putNextEntry(new ZipEntry("your_instagram_activity/content/posts_" + (i + 1) + ".json"));
                zip.write(("[{\"media\": [{\"uri\": \"media/posts/" + i + ".jpg\", \"creation_timestamp\": "
                        + (1_600_000_000 + i) + ", \"title\": \"\\u00d0\\u00bf\\u00d1\\u0080\"}]}")
                        .repeat(20).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (int i = 0; i < photos; i++) {
                int chunk = i % chunks.length;
                ZipEntry photo = new ZipEntry("media/posts/2023" + (i % 12 + 10) + "/photo_" + i + ".jpg");
                if (i % 8 != 0) {
                    photo.setMethod(ZipEntry.STORED);
                    photo.setSize(PHOTO_BYTES);
                    photo.setCrc(crcs[chunk]);
                }
                zip.putNextEntry(photo);
                zip.write(chunks[chunk]);
                zip.closeEntry();
            }
        }
    }

    private static long usedHeap(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
