package ru.rossgram.thumbnails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.ThumbnailSpec;

class ThumbnailConfigTest {

    private final ThumbnailConfig defaults = new ThumbnailConfig(List.of(1080, 640, 320), 150, 320, 320, 0.82f, 100);

    @Test
    void aPostPhotoGetsTheFeedWidthsAndTheGridSquare() {
        ThumbnailSpec spec = defaults.postSpec();
        assertEquals(List.of(1080, 640, 320), spec.widths());
        assertEquals(150, spec.squareSize());
        assertEquals(0, spec.previewWidth(), "a free photo has no preview");
        assertEquals(100_000_000L, spec.maxPixels());
        assertEquals(0.82f, spec.jpegQuality());
    }

    @Test
    void aPaidPostPhotoGetsTheSameRenditions_andABlurredPreview() {
        ThumbnailSpec spec = defaults.paidPostSpec();
        assertEquals(List.of(1080, 640, 320), spec.widths());
        assertEquals(150, spec.squareSize());
        assertEquals(320, spec.previewWidth());
        assertEquals(defaults.postSpec().toBuilder().previewWidth(320).build(), spec);
    }

    @Test
    void anAvatarGetsOneSquareAndTheSameLimits() {
        ThumbnailSpec spec = defaults.avatarSpec();
        assertEquals(List.of(), spec.widths());
        assertEquals(320, spec.squareSize());
        assertEquals(100_000_000L, spec.maxPixels());
    }

    @Test
    void aConfigurationAskingForNothingIsRefusedAtStartUp() {
        ThumbnailConfig noAvatar = new ThumbnailConfig(List.of(1080), 150, 0, 320, 0.82f, 100);
        assertThrows(IllegalArgumentException.class, noAvatar::avatarSpec);
        ThumbnailConfig badQuality = new ThumbnailConfig(List.of(1080), 150, 320, 320, 1.5f, 100);
        assertThrows(IllegalArgumentException.class, badQuality::postSpec);
    }
}
