package ru.rossgram.shared.imports.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.zip.RangedZipTest.readAll;
import static ru.rossgram.shared.imports.zip.RangedZipTest.refusal;
import static ru.rossgram.shared.imports.zip.ZipBytes.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/** Archives built to hurt their reader, each refused with its reason before it can. */
class HostileArchiveTest {

    private static final ZipLimits LIMITS = ZipLimits.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "media/../../x.jpg", "..", "/etc/passwd", "C:/Windows/x.dll",
            "c:x.dll", "media\\..\\x.jpg", "a\0.jpg", ""})
    void unsafeNames_areRefused_whenTheArchiveIsOpened(String name) {
        byte[] archive = new ZipBytes().add(entry("ok.json", "{}")).add(entry(name, "x")).build();

        assertEquals(Reason.UNSAFE_PATH, refusal(() -> open(archive)));
    }

    @Test
    void namesThatMerelyContainDots_areFine() throws IOException {
        byte[] archive = new ZipBytes().add(entry("a..b/..c/d...json", "{}")).build();

        assertEquals("a..b/..c/d...json", open(archive).entries().get(0).name());
    }

    @Test
    void aSecondEntryOfTheSameName_isRefused() {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", "{}")).add(entry("posts_1.json", "[]")).build();

        assertEquals(Reason.DUPLICATE_ENTRY, refusal(() -> open(archive)));
    }

    @Test
    void moreEntriesThanTheLimit_areRefused_beforeTheDirectoryIsRead() {
        ZipBytes zip = new ZipBytes();
        for (int i = 0; i < 11; i++) {
            zip.add(entry("photo" + i + ".jpg", "x"));
        }
        byte[] archive = zip.build();

        assertEquals(Reason.TOO_MANY_ENTRIES,
                refusal(() -> RangedZip.open(new BytesRangeSource(archive), LIMITS.withMaxEntries(10))));
    }

    @Test
    void aDirectoryLargerThanTheBound_isRefused_beforeItIsRead() {
        ZipBytes zip = new ZipBytes();
        for (int i = 0; i < 100; i++) {
            zip.add(entry("media/posts/" + i + ".jpg", "x"));
        }
        byte[] archive = zip.build();
        CountingSource source = new CountingSource(archive);

        assertEquals(Reason.DIRECTORY_TOO_LARGE,
                refusal(() -> RangedZip.open(source, LIMITS.withMaxCentralDirectoryBytes(1000))));
        assertEquals(1, source.reads.get(), "only the tail was read");
    }

    @Test
    void aDeclaredSizeAboveTheLimit_isRefused_whenTheEntryIsOpened() throws IOException {
        byte[] archive = new ZipBytes().add(entry("reel.mp4", new byte[5000]).stored()).build();
        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), LIMITS.withMaxEntryBytes(4096));

        assertEquals(Reason.ENTRY_TOO_LARGE, refusal(() -> zip.open(zip.entries().get(0))));
    }

    @Test
    void aZipBombDeclaringItsTrueSize_isRefusedByRatio_withoutInflatingAByte() throws IOException {
        byte[] zeros = new byte[20 << 20];
        byte[] archive = new ZipBytes().add(entry("posts_1.json", zeros)).build();
        RangedZip zip = open(archive);
        assertTrue(zip.entries().get(0).compressedSize() < 30_000, "20 MiB of zeros deflate to about 20 KB");

        assertEquals(Reason.COMPRESSION_RATIO, refusal(() -> zip.open(zip.entries().get(0))));
    }

    @Test
    void aZipBombLyingAboutItsSize_isStoppedOneByteAfterTheDeclaredSize() throws IOException {
        byte[] zeros = new byte[20 << 20];
        byte[] archive = new ZipBytes().add(entry("posts_1.json", zeros).declaredSize(1000)).build();
        RangedZip zip = open(archive);
        long[] delivered = {0};

        Reason reason = refusal(() -> {
            try (InputStream in = zip.open(zip.entries().get(0))) {
                byte[] buffer = new byte[64 << 10];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    delivered[0] += n;
                }
            }
        });

        assertEquals(Reason.SIZE_MISMATCH, reason);
        assertEquals(1000, delivered[0], "not one byte past the declared size reaches the reader");
    }

    @Test
    void entriesSharingOneCompressedStream_areRefusedAsOverlapping() {
        // David Fifield's non-recursive bomb: many central headers, one local header and its kernel.
        ZipBytes zip = new ZipBytes().add(entry("kernel", new byte[1 << 20]));
        for (int i = 0; i < 5; i++) {
            zip.add(entry("copy" + i, new byte[1 << 20]).sharesHeaderOf(0));
        }
        byte[] archive = zip.build();

        assertEquals(Reason.OVERLAPPING_ENTRIES, refusal(() -> open(archive)));
    }

    @Test
    void anEntryWhoseDataRunsIntoTheNext_isRefusedAsOverlapping() {
        byte[] archive = new ZipBytes().add(entry("a.jpg", new byte[100]).stored())
                .add(entry("b.jpg", new byte[100]).stored()).build();
        // Move b's local header offset (central header field at 42) 50 bytes back, into a's data.
        int central = indexOf(archive, new byte[] {'P', 'K', 1, 2}, indexOf(archive, new byte[] {'P', 'K', 1, 2}, 0)
                + 1);
        archive[central + 42] -= 50;

        assertEquals(Reason.OVERLAPPING_ENTRIES, refusal(() -> open(archive)));
    }

    @Test
    void anEncryptedEntry_isRefusedWhenOpened() throws IOException {
        RangedZip zip = open(new ZipBytes().add(entry("posts_1.json", "{}").flags(1)).build());

        assertEquals(Reason.ENCRYPTED, refusal(() -> zip.open(zip.entries().get(0))));
    }

    @Test
    void anUnsupportedMethod_isRefusedWhenOpened() throws IOException {
        RangedZip zip = open(new ZipBytes().add(entry("posts_1.json", "{}").stored().method(12)).build());

        assertEquals(Reason.UNSUPPORTED_METHOD, refusal(() -> zip.open(zip.entries().get(0))));
    }

    @Test
    void aRenamedNonZip_isNotAZip() {
        byte[] html = "<html><body>posts_1.html</body></html>".repeat(100).getBytes(StandardCharsets.UTF_8);

        assertEquals(Reason.NOT_A_ZIP, refusal(() -> open(html)));
        assertEquals(Reason.NOT_A_ZIP, refusal(() -> open(new byte[3])));
    }

    @Test
    void anArchiveCutShort_isTruncated_whetherItsEndRecordOrItsDataIsMissing() throws IOException {
        byte[] archive = new ZipBytes().add(entry("photo.jpg", RangedZipTest.randomBytes(100_000, 4)).stored())
                .add(entry("posts_1.json", "{}")).build();

        assertEquals(Reason.TRUNCATED, refusal(() -> open(Arrays.copyOf(archive, archive.length / 2))));
        assertEquals(Reason.TRUNCATED, refusal(() -> open(Arrays.copyOf(archive, archive.length - 10))));
    }

    @Test
    void aDirectoryDeclaredBeyondTheEnd_isTruncated() {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", "{}")).build();
        archive[archive.length - 22 + 16] = (byte) 0x7F;   // the directory's offset, now far past the end
        archive[archive.length - 22 + 18] = (byte) 0x7F;

        assertEquals(Reason.TRUNCATED, refusal(() -> open(archive)));
    }

    @Test
    void aDirectoryWithFewerHeadersThanDeclared_isCorrupt() {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", "{}")).build();
        archive[archive.length - 22 + 10] = 2;   // total entries: 2, but one header follows
        archive[archive.length - 22 + 8] = 2;

        assertEquals(Reason.CORRUPT, refusal(() -> open(archive)));
    }

    @Test
    void aLocalHeaderThatIsNotOne_isCorrupt() throws IOException {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", "{}")).build();
        archive[0] = 'X';
        RangedZip zip = open(archive);

        assertEquals(Reason.CORRUPT, refusal(() -> readAll(zip, zip.entries().get(0))));
    }

    @Test
    void aCorruptDeflateStream_isCorrupt() throws IOException {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", "{\"a\": 1}".repeat(50))).build();
        int data = 30 + "posts_1.json".length() + 8;
        archive[data] = (byte) 0xFF;   // a reserved block type
        RangedZip zip = open(archive);

        assertEquals(Reason.CORRUPT, refusal(() -> readAll(zip, zip.entries().get(0))));
    }

    private static RangedZip open(byte[] archive) throws IOException {
        return RangedZip.open(new BytesRangeSource(archive), LIMITS);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Counts ranged reads. */
    private static final class CountingSource implements RangeSource {
        private final BytesRangeSource bytes;
        final AtomicLong reads = new AtomicLong();

        CountingSource(byte[] archive) {
            bytes = new BytesRangeSource(archive);
        }

        @Override
        public long size() {
            return bytes.size();
        }

        @Override
        public InputStream open(long offset, long length) {
            reads.incrementAndGet();
            return bytes.open(offset, length);
        }
    }
}
