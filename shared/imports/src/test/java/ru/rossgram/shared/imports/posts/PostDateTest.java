package ru.rossgram.shared.imports.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rossgram.imaging.testing.TestPictures;

class PostDateTest {
    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");
    private static final byte[] JPEG = TestPictures.jpeg(TestPictures.filled(40, 30, 0x996633), 0.9f, false);

    @Test
    void theExportsDate_comesFirst_andThePhotoIsNotEvenAsked() {
        Instant export = Instant.parse("2021-03-01T10:00:00Z");
        assertEquals(Optional.of(export), PostDate.choose(export, () -> fail("EXIF read"), () -> fail("entry time read")));
    }

    @Test
    void withoutOne_thePhotosExifDateTimeOriginal_thenTheEntrysModificationTime() {
        Instant exif = Instant.parse("2019-07-14T18:30:00Z");
        Instant modified = Instant.parse("2019-08-01T00:00:00Z");
        assertEquals(Optional.of(exif), PostDate.choose(null, () -> Optional.of(exif), () -> fail("entry time read")));
        assertEquals(Optional.of(modified), PostDate.choose(null, Optional::empty, () -> Optional.of(modified)));
        assertEquals(Optional.empty(), PostDate.choose(null, Optional::empty, Optional::empty), "never now");
    }

    @Test
    void exifDateTimeOriginal_isRead_asUtcWhenItHasNoOffset() {
        byte[] photo = TestPictures.jpegWithDateTimeOriginal(JPEG, "2019:07:14 18:30:00");
        assertEquals(Optional.of(Instant.parse("2019-07-14T18:30:00Z")), PostDate.exifDateTimeOriginal(photo, NOW));
    }

    @Test
    void noUnsetOrFutureOrMissingExifDate_countsAsADate() {
        assertEquals(Optional.empty(), PostDate.exifDateTimeOriginal(JPEG, NOW));
        assertEquals(Optional.empty(), PostDate.exifDateTimeOriginal(TestPictures.jpegWithDateTimeOriginal(JPEG, "1970:01:01 00:00:00"), NOW));
        assertEquals(Optional.empty(), PostDate.exifDateTimeOriginal(TestPictures.jpegWithDateTimeOriginal(JPEG, "0000:00:00 00:00:00"), NOW));
        assertEquals(Optional.empty(), PostDate.exifDateTimeOriginal(TestPictures.jpegWithDateTimeOriginal(JPEG, "2031:01:01 00:00:00"), NOW));
        assertEquals(Optional.empty(), PostDate.exifDateTimeOriginal("not a photo".getBytes(), NOW));
    }
}
