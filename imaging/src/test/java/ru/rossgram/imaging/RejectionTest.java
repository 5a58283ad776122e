package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.imaging.ImageRejectedException.Reason.CORRUPT;
import static ru.rossgram.imaging.ImageRejectedException.Reason.EMPTY;
import static ru.rossgram.imaging.ImageRejectedException.Reason.NOT_AN_IMAGE;
import static ru.rossgram.imaging.ImageRejectedException.Reason.TOO_MANY_PIXELS;
import static ru.rossgram.imaging.ImageRejectedException.Reason.UNSUPPORTED_FORMAT;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.bench.PhotoLikeImage;
import ru.rossgram.imaging.testing.TestPictures;

class RejectionTest {
    private final ThumbnailMaker maker = new ThumbnailMaker();

    private ImageRejectedException refused(byte[] original) {
        return assertThrows(ImageRejectedException.class, () -> maker.make(original));
    }

    @Test
    void zeroBytes_isEmpty() {
        assertEquals(EMPTY, refused(new byte[0]).reason());
    }

    @Test
    void textNamedJpg_isNotAnImage() {
        ImageRejectedException refusal = refused("holiday photo, honest\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(NOT_AN_IMAGE, refusal.reason());
        assertTrue(refusal.getMessage().contains("JPEG, PNG or WebP"), refusal.getMessage());
    }

    @Test
    void gifPdfBmpTiffAndVideo_areNotImagesWeTake() {
        byte[] gif = Fixtures.encode(Fixtures.filled(10, 10, 0x336699), "gif");
        assertEquals(NOT_AN_IMAGE, refused(gif).reason());
        assertTrue(refused(gif).getMessage().contains("GIF"));
        assertEquals(NOT_AN_IMAGE, refused(Fixtures.encode(Fixtures.filled(10, 10, 0x336699), "bmp")).reason());
        assertEquals(NOT_AN_IMAGE, refused(Fixtures.encode(Fixtures.filled(10, 10, 0x336699), "tiff")).reason());
        assertEquals(NOT_AN_IMAGE, refused("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1)).reason());
        assertEquals(NOT_AN_IMAGE, refused(isoMedia("isom", "isom", "mp42")).reason());
    }

    @Test
    void heicHeifAndAvif_areUnsupported_andTheMessageSaysSendJpeg() {
        byte[] justTheBox = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
        assertEquals(UNSUPPORTED_FORMAT, refused(justTheBox).reason());
        for (byte[] original : new byte[][] {
                isoMedia("heic", "mif1", "heic"), isoMedia("mif1", "mif1", "heic"), isoMedia("heix", "mif1"),
                isoMedia("avif", "mif1", "avif"), isoMedia("msf1", "msf1", "hevc")}) {
            ImageRejectedException refusal = refused(original);
            assertEquals(UNSUPPORTED_FORMAT, refusal.reason());
            assertTrue(refusal.getMessage().contains("JPEG"), refusal.getMessage());
        }
    }

    @Test
    void truncatedJpegs_areCorrupt_notHalfGrey() {
        byte[] baseline = Fixtures.jpeg(PhotoLikeImage.generate(640, 480, 7), 0.9f, false);
        byte[] progressive = Fixtures.jpeg(PhotoLikeImage.generate(640, 480, 7), 0.9f, true);
        for (byte[] whole : new byte[][] {baseline, progressive}) {
            for (double kept : new double[] {0.3, 0.6, 0.95}) {
                byte[] cut = Arrays.copyOf(whole, (int) (whole.length * kept));
                assertEquals(CORRUPT, refused(cut).reason(), "kept " + kept);
            }
        }
    }

    @Test
    void truncatedCmykJpeg_isCorrupt_throughTheOtherReaderToo() {
        byte[] cmyk = Fixtures.resource("cmyk.jpg");
        assertEquals(CORRUPT, refused(Arrays.copyOf(cmyk, cmyk.length * 2 / 3)).reason());
    }

    @Test
    void truncatedPngAndWebp_areCorrupt() {
        byte[] png = Fixtures.png(PhotoLikeImage.generate(300, 200, 8));
        assertEquals(CORRUPT, refused(Arrays.copyOf(png, png.length / 2)).reason());
        byte[] webp = Fixtures.resource("lossy.webp");
        assertEquals(CORRUPT, refused(Arrays.copyOf(webp, webp.length - 40)).reason());
    }

    @Test
    void jpegWithoutImageData_isCorrupt() {
        assertEquals(CORRUPT, refused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}).reason());
        assertEquals(CORRUPT, refused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}).reason());
        byte[] garbage = new byte[5000];
        new Random(9).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertEquals(CORRUPT, refused(garbage).reason());
    }

    @Test
    void pngClaiming50000Squared_isABomb_refusedFromItsHeader() {
        ImageRejectedException refusal = refused(TestPictures.pngHeaderClaiming(50_000, 50_000));
        assertEquals(TOO_MANY_PIXELS, refusal.reason());
        assertTrue(refusal.getMessage().contains("50000 x 50000"), refusal.getMessage());
    }

    @Test
    void jpegClaiming50000Squared_isABomb_refusedFromItsHeader() {
        byte[] small = Fixtures.jpeg(Fixtures.filled(16, 16, 0x808080));
        assertEquals(TOO_MANY_PIXELS, refused(TestPictures.jpegClaiming(small, 50_000, 50_000)).reason());
    }

    @Test
    void progressiveJpeg_tooBigForItsCoefficientBuffer_isRefused_belowThePixelLimit() {
        byte[] small = Fixtures.jpeg(Fixtures.filled(16, 16, 0x808080), 0.9f, true);
        byte[] huge = TestPictures.jpegClaiming(small, 9_500, 9_500); // 90 megapixels, 4:2:0: about 270 MB of coefficients

        ImageRejectedException refusal = refused(huge);

        assertEquals(TOO_MANY_PIXELS, refusal.reason());
        assertTrue(refusal.getMessage().contains("baseline"), refusal.getMessage());
    }

    @Test
    void webpClaimingTheLargestCanvas_isRefusedFromItsHeader() {
        byte[] vp8x = new byte[30];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, vp8x, 0, 4);
        vp8x[4] = 22;
        System.arraycopy("WEBPVP8X".getBytes(StandardCharsets.US_ASCII), 0, vp8x, 8, 8);
        vp8x[16] = 10;
        vp8x[24] = (byte) 0xFE; // width - 1 = 16382
        vp8x[25] = 0x3F;
        vp8x[27] = (byte) 0xFE; // height - 1 = 16382
        vp8x[28] = 0x3F;
        assertEquals(TOO_MANY_PIXELS, refused(vp8x).reason());
    }

    @Test
    void thePixelLimit_isConfigurable() throws Exception {
        byte[] original = Fixtures.jpeg(PhotoLikeImage.generate(400, 300, 10));
        ThumbnailMaker strict = new ThumbnailMaker(ThumbnailSpec.builder().maxPixels(100_000).build());

        ImageRejectedException refusal = assertThrows(ImageRejectedException.class, () -> strict.make(original));

        assertEquals(TOO_MANY_PIXELS, refusal.reason());
        maker.make(original); // the default limit takes it
    }

    @Test
    void animatedWebp_isNotAPhoto() {
        byte[] animated = Fixtures.resource("lossy.webp").clone();
        // Rewrite as an extended file with the animation flag: refused before any frame is read.
        byte[] vp8x = new byte[30];
        System.arraycopy(animated, 0, vp8x, 0, 12);
        System.arraycopy("VP8X".getBytes(StandardCharsets.US_ASCII), 0, vp8x, 12, 4);
        vp8x[16] = 10;
        vp8x[20] = 0x02;
        vp8x[24] = 9;
        vp8x[27] = 9;
        assertEquals(NOT_AN_IMAGE, refused(vp8x).reason());
    }

    /** An ISO-BMFF file: an ftyp box with a major brand and compatible brands, then a stub. */
    static byte[] isoMedia(String major, String... compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        out.writeBytes(new byte[] {0, 0, 0, (byte) size});
        out.writeBytes("ftyp".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(major.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[4]);
        for (String brand : compatible) {
            out.writeBytes(brand.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {0, 0, 0, 8, 'm', 'e', 't', 'a'});
        return out.toByteArray();
    }
}
