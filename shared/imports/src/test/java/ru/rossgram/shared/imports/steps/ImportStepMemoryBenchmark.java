package ru.rossgram.shared.imports.steps;

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
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import ru.rossgram.shared.imports.instagram.ExportLimits;
import ru.rossgram.shared.imports.instagram.ExportedMedia;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.instagram.InstagramExport;
import ru.rossgram.shared.imports.instagram.InstagramExportReader;
import ru.rossgram.shared.imports.zip.FileRangeSource;
import ru.rossgram.shared.imports.zip.RangedZip;
import ru.rossgram.shared.imports.zip.ZipLimits;

/**
 * Measures what a posts step holds while it reads an export: builds (once) an export of 1,000 posts (every fifth a
 * carousel of three) of 1 MiB incompressible photos, and one post with a 24 MiB photo, near the 25 MiB cap; then reads
 * it as a step does (the central directory, the posts streamed, each photo read whole with the post importer's cap,
 * one at a time) and prints the peak heap. Run it in a JVM of its own with a small heap:
 *
 * <pre>{@code
 * java -Xmx96m -cp <shared/imports test class path> ru.rossgram.shared.imports.steps.ImportStepMemoryBenchmark /tmp/steps-bench/export.zip
 * }</pre>
 */
public final class ImportStepMemoryBenchmark {
    private static final int POSTS = 1000;
    private static final int PHOTO_BYTES = 1 << 20;
    private static final int LARGE_PHOTO_BYTES = 24 << 20;
    private static final long CAP = 25L << 20; // the uploads' maxBytes, which PostImporter reads up to

    private ImportStepMemoryBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path archive = Path.of(args.length > 0 ? args[0] : "/tmp/steps-bench/export.zip");
        if (!Files.exists(archive)) {
            build(archive);
        }
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long baseline = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        long started = System.nanoTime();
        long photos = 0;
        long bytes = 0;
        long posts = 0;
        try (FileRangeSource file = FileRangeSource.open(archive)) {
            ArchivedExport source = new ArchivedExport(List.of(new ZipExportSource(RangedZip.open(file, ZipLimits.defaults()))));
            InstagramExport export = new InstagramExportReader(ExportLimits.DEFAULT).read(source);
            try (Stream<ExportedPost> all = export.posts().open()) {
                for (Iterator<ExportedPost> it = all.iterator(); it.hasNext(); ) {
                    ExportedPost post = it.next();
                    posts++;
                    for (ExportedMedia m : post.importableMedia()) {
                        source.checkOpenable(m.entryName());
                        try (InputStream in = source.open(m.entryName())) {
                            bytes += in.readNBytes((int) (CAP + 1)).length; // as PostImporter.readCapped
                        }
                        photos++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%,d posts, %,d photos, %,d bytes read in %.1f s (%.0f MB/s), archive %,d bytes%n",
                posts, photos, bytes, seconds, bytes / seconds / 1e6, Files.size(archive));
        System.out.printf("heap: max %,d (-Xmx), in use before %,d, peak while reading %,d (pools' peaks, garbage included)%n",
                Runtime.getRuntime().maxMemory(), baseline, peak);
    }

    private static void build(Path archive) throws IOException {
        Files.createDirectories(archive.getParent());
        Random random = new Random(17);
        byte[] photo = new byte[PHOTO_BYTES];
        random.nextBytes(photo);
        byte[] large = new byte[LARGE_PHOTO_BYTES];
        random.nextBytes(large);
        StringBuilder json = new StringBuilder("[");
        int next = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(archive), 1 << 20);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int p = 0; p <= POSTS; p++) {
                int count = p % 5 == 0 && p < POSTS ? 3 : 1;
                json.append(p == 0 ? "" : ",").append("{\"title\": \"\\u00d0\\u00bf\\u00d1\\u0080\", \"creation_timestamp\": ")
                        .append(1_600_000_000L + p).append(", \"media\": [");
                for (int m = 0; m < count; m++) {
                    String uri = "media/posts/202301/photo_" + next++ + ".jpg";
                    json.append(m == 0 ? "" : ",").append("{\"uri\": \"").append(uri).append("\"}");
                    byte[] bytes = p == POSTS ? large : photo;
                    stored(zip, uri, bytes);
                }
                json.append("]}");
            }
            json.append("]");
            zip.putNextEntry(new ZipEntry("your_instagram_activity/content/posts_1.json"));
            zip.write(json.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
