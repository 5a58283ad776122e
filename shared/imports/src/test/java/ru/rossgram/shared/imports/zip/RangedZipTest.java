package ru.rossgram.shared.imports.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.shared.imports.zip.ZipBytes.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/** Archives as writers really produce them, listed and read back through ranged reads. */
class RangedZipTest {

    private static final String CAPTION = "{\"title\": \"\\u00d0\\u00bf\\u00d1\\u0080\\u00d0\\u00b8\"}";

    @Test
    void listsAndReadsAnExportWrittenByZipOutputStream_withDataDescriptors() throws IOException {
        byte[] photo = randomBytes(300_000, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("your_instagram_activity/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("your_instagram_activity/content/posts_1.json"));
            zip.write(CAPTION.repeat(1000).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            ZipEntry stored = new ZipEntry("media/posts/202301/photo.jpg");
            stored.setMethod(ZipEntry.STORED);
            stored.setSize(photo.length);
            stored.setCrc(crc(photo));
            zip.putNextEntry(stored);
            zip.write(photo);
            zip.closeEntry();
            zip.setComment("exported by a test");
        }
        RangedZip zip = RangedZip.open(new BytesRangeSource(bytes.toByteArray()), ZipLimits.defaults());

        List<ArchiveEntry> entries = zip.entries();
        assertEquals(List.of("your_instagram_activity/", "your_instagram_activity/content/posts_1.json",
                "media/posts/202301/photo.jpg"), entries.stream().map(ArchiveEntry::name).toList());
        assertTrue(entries.get(0).isDirectory());
        ArchiveEntry json = entries.get(1);
        assertTrue((json.flags() & 8) != 0, "ZipOutputStream writes DEFLATED entries with a data descriptor");
        assertEquals(CAPTION.repeat(1000), new String(readAll(zip, json), StandardCharsets.UTF_8));
        assertArrayEquals(photo, readAll(zip, zip.entry("media/posts/202301/photo.jpg").orElseThrow()));
        assertArrayEquals(new byte[0], readAll(zip, entries.get(0)));
    }

    @Test
    void readsZip64Entries_andTheZip64EndRecords() throws IOException {
        byte[] data = randomBytes(70_000, 2);
        byte[] archive = new ZipBytes()
                .add(entry("posts_1.json", CAPTION).zip64())
                .add(entry("photo.webp", data).stored().zip64().dataDescriptor())
                .zip64Directory()
                .build();
        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertEquals(CAPTION, new String(readAll(zip, zip.entries().get(0)), StandardCharsets.UTF_8));
        assertArrayEquals(data, readAll(zip, zip.entries().get(1)));
    }

    @Test
    void findsTheEndRecord_behindACommentThatContainsItsSignature() throws IOException {
        String fakeEndRecord = "PK\u0005\u0006" + "\0".repeat(18);
        byte[] archive = new ZipBytes().add(entry("a.json", "{}")).comment("see " + fakeEndRecord + " here").build();

        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertEquals("{}", new String(readAll(zip, zip.entries().get(0)), StandardCharsets.UTF_8));
    }

    @Test
    void findsTheEndRecord_behindTheLongestComment() throws IOException {
        byte[] archive = new ZipBytes().add(entry("a.json", "{}")).comment("c".repeat(0xFFFF)).build();

        assertEquals(1, RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults()).entries().size());
    }

    @Test
    void aCorruptedByte_isACrcMismatch_atTheEndOfTheEntry() throws IOException {
        byte[] archive = new ZipBytes().add(entry("photo.jpg", randomBytes(5000, 3)).stored()).build();
        archive[100] ^= 1;
        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertEquals(Reason.CRC_MISMATCH, refusal(() -> readAll(zip, zip.entries().get(0))));
    }

    @Test
    void aWrongDeclaredCrc_isRefusedForADeflatedEntryToo() throws IOException {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", CAPTION).declaredCrc(12345)).build();
        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertEquals(Reason.CRC_MISMATCH, refusal(() -> readAll(zip, zip.entries().get(0))));
    }

    @Test
    void anEntryShorterThanDeclared_isASizeMismatch() throws IOException {
        byte[] archive = new ZipBytes().add(entry("posts_1.json", CAPTION).declaredSize(CAPTION.length() + 10))
                .build();
        RangedZip zip = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertEquals(Reason.SIZE_MISMATCH, refusal(() -> readAll(zip, zip.entries().get(0))));
    }

    @Test
    void namesAreDecoded_asUtf8WhenFlaggedOrValid_elseAsIbm437() throws IOException {
        byte[] cyrillic = "фото/привет.jpg".getBytes(StandardCharsets.UTF_8);
        byte[] ibm437 = {'c', 'a', 'f', (byte) 0x82, '.', 't', 'x', 't'};
        byte[] archive = new ZipBytes()
                .add(entry("x", "1").rawName(cyrillic).flags(0x800))
                .add(entry("x", "2").rawName(("unflagged/" + "привет.jpg").getBytes(StandardCharsets.UTF_8)))
                .add(entry("x", "3").rawName(ibm437))
                .build();

        List<String> names = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults()).entries().stream()
                .map(ArchiveEntry::name).toList();

        assertEquals(List.of("фото/привет.jpg", "unflagged/привет.jpg", "café.txt"), names);
    }

    @Test
    void readsAnArchiveFromAFile(@TempDir Path folder) throws IOException {
        byte[] photo = randomBytes(100_000, 9);
        Path file = folder.resolve("export.zip");
        Files.write(file, new ZipBytes().add(entry("photo.jpg", photo).dataDescriptor()).build());

        try (FileRangeSource source = FileRangeSource.open(file)) {
            RangedZip zip = RangedZip.open(source, ZipLimits.defaults());
            assertArrayEquals(photo, readAll(zip, zip.entries().get(0)));
        }
    }

    @Test
    void anEntryOfAnotherArchive_cannotBeOpened() throws IOException {
        byte[] archive = new ZipBytes().add(entry("a.json", "{}")).build();
        RangedZip one = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());
        RangedZip other = RangedZip.open(new BytesRangeSource(archive), ZipLimits.defaults());

        assertThrows(IllegalArgumentException.class, () -> other.open(one.entries().get(0)));
        assertFalse(other.entry("b.json").isPresent());
    }

    static byte[] readAll(RangedZip zip, ArchiveEntry entry) throws IOException {
        try (InputStream in = zip.open(entry)) {
            return in.readAllBytes();
        }
    }

    static Reason refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(UnsafeArchiveException.class, action).reason();
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
