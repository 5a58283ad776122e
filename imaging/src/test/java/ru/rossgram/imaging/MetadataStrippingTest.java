package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixture carries GPS, the owner's name in EXIF and XMP, a comment and an ICC profile; no output may. */
class MetadataStrippingTest {

    @Test
    void renditions_carryNoExifGpsXmpIccOrComment() throws Exception {
        byte[] original = Fixtures.resource("with-gps.jpg");
        GpsDirectory gps = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original))
                .getFirstDirectoryOfType(GpsDirectory.class);
        assertNotNull(gps, "the fixture has a GPS position to leak");
        assertNotNull(gps.getGeoLocation());

        Thumbnails thumbnails = new ThumbnailMaker(ThumbnailSpec.builder().withLockedPreview().build()).make(original);

        for (Rendition rendition : thumbnails.renditions()) {
            byte[] bytes = rendition.bytes();
            // Only JFIF's APP0, tables, the progressive frame header and the first scan.
            for (int marker : Fixtures.markers(bytes)) {
                assertTrue(marker == 0xE0 || marker == 0xDB || marker == 0xC4 || marker == 0xC2 || marker == 0xDA
                        || marker == 0xDD, rendition.name() + " has segment 0x" + Integer.toHexString(marker));
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String leak : List.of("Exif", "ICC_PROFILE", "http://ns.adobe.com/xap", "Ivan Petrov", "home")) {
                assertFalse(text.contains(leak), rendition.name() + " contains " + leak);
            }
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            List<String> directories = new ArrayList<>();
            for (Directory directory : metadata.getDirectories()) {
                directories.add(directory.getName());
            }
            assertEquals(0, metadata.getDirectoriesOfType(GpsDirectory.class).size(), rendition.name());
            assertTrue(directories.stream().noneMatch(d -> d.startsWith("Exif") || d.equals("XMP")
                    || d.equals("ICC Profile") || d.equals("JpegComment")), rendition.name() + ": " + directories);
        }
    }
}
