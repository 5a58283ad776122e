package ru.rossgram.shared.imports.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.imports.zip.BytesRangeSource;
import ru.rossgram.shared.imports.zip.RangedZip;
import ru.rossgram.shared.imports.zip.ZipLimits;

class ZipExportSourceTest {

    @Test
    void anArchivesFiles_areTheExportsEntries_withTheirSizesAndModificationTimes_foldersLeftOut() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("media/"));
            out.closeEntry();
            ZipEntry photo = new ZipEntry("media/posts/202311/a.jpg");
            photo.setTimeLocal(java.time.LocalDateTime.parse("2023-11-05T18:42:16"));
            out.putNextEntry(photo);
            out.write("jpeg".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        ZipExportSource source = new ZipExportSource(RangedZip.open(new BytesRangeSource(bytes.toByteArray()),
                ZipLimits.defaults()));

        assertEquals(List.of("media/posts/202311/a.jpg"), List.copyOf(source.entryNames()));
        assertEquals(4, source.declaredSize("media/posts/202311/a.jpg"));
        assertEquals(Optional.of(Instant.parse("2023-11-05T18:42:16Z")), source.modifiedAt("media/posts/202311/a.jpg"));
        try (InputStream in = source.open("media/posts/202311/a.jpg")) {
            assertArrayEquals("jpeg".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
        }
        assertEquals(-1, source.declaredSize("missing.jpg"));
    }
}
