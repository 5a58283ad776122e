package ru.rossgram.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.imaging.Fixtures.BLUE;
import static ru.rossgram.imaging.Fixtures.GREEN;
import static ru.rossgram.imaging.Fixtures.RED;
import static ru.rossgram.imaging.Fixtures.assertColour;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.imaging.bench.PhotoLikeImage;
import ru.rossgram.imaging.testing.TestPictures;

class ThumbnailMakerTest {
    private final ThumbnailMaker maker = new ThumbnailMaker();

    @Test
    void make_givesTheFeedSizes_byDefault() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.jpeg(PhotoLikeImage.generate(2000, 1500, 1)));

        assertEquals(2000, thumbnails.width());
        assertEquals(1500, thumbnails.height());
        assertEquals(ImageFormat.JPEG, thumbnails.sourceFormat());
        assertEquals(List.of("w1080", "w640", "w320", "square150"),
                thumbnails.renditions().stream().map(Rendition::name).toList());
        assertSize(thumbnails, "w1080", 1080, 810);
        assertSize(thumbnails, "w640", 640, 480);
        assertSize(thumbnails, "w320", 320, 240);
        assertSize(thumbnails, "square150", 150, 150);
        for (Rendition rendition : thumbnails.renditions()) {
            assertEquals("image/jpeg", rendition.contentType());
            BufferedImage decoded = Fixtures.decode(rendition);
            assertEquals(rendition.width(), decoded.getWidth(), rendition.name());
            assertEquals(rendition.height(), decoded.getHeight(), rendition.name());
        }
    }

    @Test
    void renditions_areProgressiveJpegs_withFourTwoZeroChroma() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.jpeg(PhotoLikeImage.generate(1200, 900, 2)));

        for (Rendition rendition : thumbnails.renditions()) {
            assertTrue(Fixtures.markers(rendition.bytes()).contains(0xC2), rendition.name() + " is progressive (SOF2)");
            assertEquals(List.of(0x22, 0x11, 0x11), Fixtures.samplingFactors(rendition.bytes()), rendition.name());
        }
    }

    @Test
    void make_neverUpscales_aSmallOriginal() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.jpeg(PhotoLikeImage.generate(500, 400, 3)));

        assertSize(thumbnails, "w1080", 500, 400);
        assertSize(thumbnails, "w640", 500, 400);
        assertSize(thumbnails, "w320", 320, 256);
        assertSize(thumbnails, "square150", 150, 150);
        // The same picture twice is encoded once.
        assertArrayEquals(thumbnails.rendition("w1080").orElseThrow().bytes(), thumbnails.rendition("w640").orElseThrow().bytes());
    }

    @Test
    void make_capsTheSquare_atTheShorterSide_ofATinyOriginal() throws Exception {
        Thumbnails thumbnails = maker.make(Fixtures.png(Fixtures.filled(100, 80, GREEN)));

        assertSize(thumbnails, "w1080", 100, 80);
        assertSize(thumbnails, "square150", 80, 80);
        assertColour(GREEN, Fixtures.decode(thumbnails.rendition("square150").orElseThrow()).getRGB(40, 40), 6, "square");
    }

    @Test
    void square_isTheCentre_croppedNotSquashed() throws Exception {
        // 600x400: a red band on the left, blue on the right, green between, a black dot in the very centre.
        BufferedImage original = Fixtures.filled(600, 400, GREEN);
        Graphics2D g = original.createGraphics();
        g.setColor(new Color(RED));
        g.fillRect(0, 0, 100, 400);
        g.setColor(new Color(BLUE));
        g.fillRect(500, 0, 100, 400);
        g.setColor(Color.BLACK);
        g.fillRect(290, 190, 20, 20);
        g.dispose();

        BufferedImage square = Fixtures.decode(maker.make(Fixtures.png(original)).rendition("square150").orElseThrow());

        assertEquals(150, square.getWidth());
        assertEquals(150, square.getHeight());
        assertColour(0x000000, square.getRGB(75, 75), 30, "the centre dot");
        for (int[] p : new int[][] {{3, 3}, {146, 3}, {3, 146}, {146, 146}, {3, 75}, {146, 75}}) {
            assertColour(GREEN, square.getRGB(p[0], p[1]), 12, "edge " + p[0] + "," + p[1] + " (no red or blue band)");
        }
    }

    @Test
    void make_reportsDominantColourAndBlurHash() throws Exception {
        // Three quarters green, one quarter red.
        BufferedImage original = Fixtures.blocks(100, new int[][] {{GREEN, GREEN}, {GREEN, RED}});

        Thumbnails thumbnails = maker.make(Fixtures.png(original));

        assertTrue(thumbnails.dominantColor().matches("#[0-9a-f]{6}"), thumbnails.dominantColor());
        assertColour(GREEN, Integer.parseInt(thumbnails.dominantColor().substring(1), 16), 4, "dominant colour");
        assertEquals(28, thumbnails.placeholder().length(), thumbnails.placeholder());
        assertTrue(thumbnails.placeholder().matches("[0-9A-Za-z#$%*+,\\-.:;=?@\\[\\]^_{|}~]+"), thumbnails.placeholder());
        assertFalse(thumbnails.hadAlpha());
    }

    @Test
    void lockedPreview_isOffByDefault() throws Exception {
        assertTrue(maker.make(Fixtures.jpeg(PhotoLikeImage.generate(800, 600, 7))).rendition("preview").isEmpty());
    }

    @Test
    void lockedPreview_is320Wide_inThePhotosShape_upright_andNeverUpscaled() throws Exception {
        ThumbnailMaker locked = new ThumbnailMaker(ThumbnailSpec.builder().withLockedPreview().build());

        assertSize(locked.make(Fixtures.jpeg(PhotoLikeImage.generate(1280, 960, 8))), "preview", 320, 240);
        assertSize(locked.make(Fixtures.jpeg(PhotoLikeImage.generate(900, 1600, 9))), "preview", 320, 569);
        assertSize(locked.make(Fixtures.png(Fixtures.filled(200, 100, GREEN))), "preview", 200, 100);
        // Stored 32 x 48 and turned by its EXIF: the preview is upright like every rendition.
        assertSize(locked.make(Fixtures.resource("orientation-6.jpg")), "preview", 48, 32);
        List<String> names = locked.make(Fixtures.jpeg(PhotoLikeImage.generate(640, 480, 10))).renditions().stream()
                .map(Rendition::name).toList();
        assertEquals(List.of("w1080", "w640", "w320", "square150", "preview"), names, "after the usual renditions");
    }

    @Test
    void lockedPreview_leavesNoEdgeOfThePhotoToMakeOut() throws Exception {
        ThumbnailMaker locked = new ThumbnailMaker(ThumbnailSpec.builder().withLockedPreview().build());
        Thumbnails thumbnails = locked.make(Fixtures.png(TestPictures.textLikePage(1280, 960)));

        double sharp = TestPictures.edgeEnergy(Fixtures.decode(thumbnails.rendition("w320").orElseThrow()));
        double blurred = TestPictures.edgeEnergy(Fixtures.decode(thumbnails.rendition("preview").orElseThrow()));

        // Same size, same page: the sharp rendition's letters make edges everywhere; the preview keeps only the
        // page's grey, its grey fading into the white margins over many pixels.
        assertTrue(sharp > 20, "the page is sharp at w320: " + sharp);
        assertTrue(blurred < sharp / 25, "edge energy " + blurred + " in the preview against " + sharp + " at w320");
    }

    @Test
    void make_readsStreamsAndFiles_alike(@TempDir Path dir) throws Exception {
        byte[] original = Fixtures.jpeg(PhotoLikeImage.generate(800, 600, 4));
        Path file = Files.write(dir.resolve("photo.jpg"), original);

        Thumbnails fromBytes = maker.make(original);
        Thumbnails fromStream = maker.make(new ByteArrayInputStream(original));
        Thumbnails fromFile = maker.make(file);

        assertArrayEquals(fromBytes.renditions().get(0).bytes(), fromStream.renditions().get(0).bytes());
        assertArrayEquals(fromBytes.renditions().get(0).bytes(), fromFile.renditions().get(0).bytes());
        assertEquals(fromBytes.placeholder(), fromFile.placeholder());
    }

    @Test
    void make_refusesFilesAboveTheByteLimit_withoutReadingThemWhole() throws Exception {
        ThumbnailMaker strict = new ThumbnailMaker(ThumbnailSpec.builder().maxSourceBytes(1000).build());
        byte[] original = Fixtures.jpeg(PhotoLikeImage.generate(300, 200, 5));

        for (ThrowingCall call : List.<ThrowingCall>of(
                () -> strict.make(original), () -> strict.make(new ByteArrayInputStream(original)))) {
            ImageRejectedException refused = assertThrows(ImageRejectedException.class, call::run);
            assertEquals(ImageRejectedException.Reason.TOO_LARGE, refused.reason());
        }
    }

    @Test
    void oneMaker_servesManyThreads_withTheSameResults() throws Exception {
        byte[] original = Fixtures.jpeg(PhotoLikeImage.generate(1600, 1200, 6));
        Thumbnails expected = maker.make(original);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Thumbnails>> results = threads.invokeAll(
                    Collections.nCopies(8, () -> maker.make(original)));
            for (Future<Thumbnails> result : results) {
                Thumbnails thumbnails = result.get();
                for (int i = 0; i < expected.renditions().size(); i++) {
                    assertArrayEquals(expected.renditions().get(i).bytes(), thumbnails.renditions().get(i).bytes());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void spec_refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> ThumbnailSpec.builder().widths(640, 640).build());
        assertThrows(IllegalArgumentException.class, () -> ThumbnailSpec.builder().widths(0).build());
        assertThrows(IllegalArgumentException.class, () -> ThumbnailSpec.builder().jpegQuality(1.5f).build());
        assertThrows(IllegalArgumentException.class,
                () -> ThumbnailSpec.builder().widths(List.of()).squareSize(0).build());
    }

    static void assertSize(Thumbnails thumbnails, String name, int width, int height) {
        Rendition rendition = thumbnails.rendition(name).orElseThrow(() -> new AssertionError("no " + name));
        assertEquals(width + "x" + height, rendition.width() + "x" + rendition.height(), name);
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }
}
