package ru.rossgram.shared.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaKeysTest {
    private static final String USER = "01JD3Z6Q0V8X2K4M6N8P0R2T4W";
    private static final String UPLOAD = "01JD4B5Y8F2W6R0T3P9K7M1XQA";

    @Test
    void keys_areNamedByOwnerAndUpload() {
        assertEquals("originals/" + USER + "/" + UPLOAD, MediaKeys.originalKey(USER, UPLOAD));
        assertEquals("avatars/" + USER + "/" + UPLOAD, MediaKeys.avatarKey(USER, UPLOAD));
        assertEquals("thumbnails/" + USER + "/" + UPLOAD + "/w640.jpg", MediaKeys.thumbnailKey(USER, UPLOAD, "w640"));
    }

    @Test
    void aPreviewKey_isKnownAsItsOwnersOnly() {
        String preview = MediaKeys.previewKey(USER, UPLOAD);
        assertTrue(MediaKeys.isPreviewKeyOf(USER, preview));
        assertFalse(MediaKeys.isPreviewKeyOf(UPLOAD, preview), "another user's");
        for (String other : List.of(MediaKeys.lockedThumbnailKey(USER, UPLOAD, "preview"),
                MediaKeys.thumbnailKey(USER, UPLOAD, "preview"), "previews/" + USER + "/../preview.jpg",
                "previews/" + USER + "/" + UPLOAD + "/w320.jpg")) {
            assertFalse(MediaKeys.isPreviewKeyOf(USER, other), other);
        }
    }

    @Test
    void aStorageEventsKey_leadsBackToItsUpload() {
        assertEquals(Optional.of(new MediaKeys.UploadKey(USER, UPLOAD)), MediaKeys.parseUploadKey(MediaKeys.originalKey(USER, UPLOAD)));
        assertEquals(Optional.of(new MediaKeys.UploadKey(USER, UPLOAD)), MediaKeys.parseUploadKey(MediaKeys.avatarKey(USER, UPLOAD)));
        for (String other : List.of("", "originals/" + USER, MediaKeys.thumbnailKey(USER, UPLOAD, "w320"),
                "originals/" + USER + "/" + UPLOAD + "/x", "originals/../" + UPLOAD)) {
            assertTrue(MediaKeys.parseUploadKey(other).isEmpty(), other);
        }
    }

    @Test
    void photoRecord_refusesRenditionsStoredElsewhere_andMalformedFields() {
        var good = new PhotoRecord.Rendition("w320", MediaKeys.thumbnailKey(USER, UPLOAD, "w320"), 320, 240);
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord.Rendition("w320", "originals/x/w320.jpg", 320, 240));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord.Rendition("W 320", good.key(), 320, 240));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord(0, 10, "#aabbcc", "p", List.of(good)));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord(10, 10, "red", "p", List.of(good)));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord(10, 10, "#aabbcc", "", List.of(good)));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord(10, 10, "#aabbcc", "p", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PhotoRecord(10, 10, "#aabbcc", "p", List.of(good, good)));
    }
}
