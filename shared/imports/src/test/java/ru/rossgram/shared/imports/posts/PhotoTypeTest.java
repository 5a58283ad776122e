package ru.rossgram.shared.imports.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.testing.TestPictures;

class PhotoTypeTest {

    /** An ISO media file's first box: {@code ftyp} with a major brand and compatible brands, then some bytes. */
    static byte[] isoMedia(String major, String... compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        out.writeBytes(new byte[] {0, 0, 0, (byte) size});
        out.writeBytes(("ftyp" + major).getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[4]); // minor version
        for (String brand : compatible) {
            out.writeBytes(brand.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(new byte[100]);
        return out.toByteArray();
    }

    @Test
    void jpegPngAndWebp_areImported_asWhatTheirBytesSay() {
        byte[] jpeg = TestPictures.jpeg(TestPictures.filled(40, 30, 0x336699), 0.9f, false);
        assertEquals(PhotoType.JPEG, PhotoType.of(jpeg));
        assertEquals("image/jpeg", PhotoType.of(jpeg).contentType());
        assertEquals(PhotoType.PNG, PhotoType.of(TestPictures.png(TestPictures.filled(40, 30, 0x336699))));
        PhotoType webp = PhotoType.of(TestPictures.fixture("lossy.webp"));
        assertEquals(PhotoType.WEBP, webp);
        assertEquals("image/webp", webp.contentType());
        assertTrue(webp.importable());
    }

    @Test
    void heicStills_byMajorOrCompatibleBrand_areLeftOutAsUnsupported() {
        for (byte[] heic : new byte[][] {isoMedia("heic", "mif1", "heic"), isoMedia("heix"), isoMedia("mif1", "heic"),
                isoMedia("msf1", "hevc"), isoMedia("hevc")}) {
            assertEquals(PhotoType.HEIC, PhotoType.of(heic));
            assertFalse(PhotoType.of(heic).importable());
            assertEquals("heic-unsupported", PhotoType.of(heic).leftOutReason());
        }
    }

    @Test
    void videos_withOrWithoutAnExtension_areToldByTheirBytes() {
        for (byte[] video : new byte[][] {isoMedia("isom", "iso2", "avc1", "mp41"), isoMedia("mp42", "isom"),
                isoMedia("qt  "), isoMedia("3gp5"), isoMedia("M4V "),
                {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0}, "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)}) {
            assertEquals(PhotoType.VIDEO, PhotoType.of(video));
            assertEquals("video", PhotoType.of(video).leftOutReason());
        }
    }

    @Test
    void anythingElse_isLeftOutAsUnsupported_avifGifTextAndNothingIncluded() {
        for (byte[] other : new byte[][] {isoMedia("avif", "mif1"), isoMedia("mif1", "avif"),
                "GIF89a....".getBytes(StandardCharsets.ISO_8859_1), "just text".getBytes(StandardCharsets.UTF_8), new byte[0],
                {(byte) 0xFF, (byte) 0xD8}}) {
            assertEquals(PhotoType.OTHER, PhotoType.of(other));
            assertEquals("unsupported-type", PhotoType.of(other).leftOutReason());
        }
    }
}
