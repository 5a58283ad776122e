package ru.rossgram.imaging;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

/**
 * The eight EXIF orientations: how the stored pixels must be turned to show the photo upright.
 * Phones store portrait photos sideways and set orientation 6 or 8, so this is the common case, not a corner.
 */
enum Orientation {
    NORMAL(1),
    MIRROR_HORIZONTAL(2),
    ROTATE_180(3),
    MIRROR_VERTICAL(4),
    TRANSPOSE(5),
    ROTATE_90_CLOCKWISE(6),
    TRANSVERSE(7),
    ROTATE_90_ANTICLOCKWISE(8);

    private final int exifValue;

    Orientation(int exifValue) {
        this.exifValue = exifValue;
    }

    int exifValue() {
        return exifValue;
    }

    /** Whether the upright image's width is the stored height. */
    boolean swapsAxes() {
        return exifValue >= 5;
    }

    /** The orientation a raw EXIF (TIFF) block records; {@link #NORMAL} when it is absent, unreadable or out of range. */
    static Orientation fromExif(byte[] tiff) {
        if (tiff == null || tiff.length == 0) {
            return NORMAL;
        }
        try {
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(tiff), metadata);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return value == null ? NORMAL : of(value);
        } catch (RuntimeException e) {
            // Damaged EXIF is common and harmless to the pixels: show the photo as stored rather than refuse it.
            return NORMAL;
        }
    }

    static Orientation of(int exifValue) {
        for (Orientation o : values()) {
            if (o.exifValue == exifValue) {
                return o;
            }
        }
        return NORMAL;
    }

    /** The stored image turned upright; the same instance when nothing needs turning. */
    RgbImage apply(RgbImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        int uprightWidth = swapsAxes() ? h : w;
        int uprightHeight = swapsAxes() ? w : h;
        // Every orientation is a walk over the stored pixels: a start and a step per upright column and row.
        int start;
        int stepX;
        int stepY;
        switch (this) {
            case MIRROR_HORIZONTAL -> { start = w - 1; stepX = -1; stepY = w; }
            case ROTATE_180 -> { start = h * w - 1; stepX = -1; stepY = -w; }
            case MIRROR_VERTICAL -> { start = (h - 1) * w; stepX = 1; stepY = -w; }
            case TRANSPOSE -> { start = 0; stepX = w; stepY = 1; }
            case ROTATE_90_CLOCKWISE -> { start = (h - 1) * w; stepX = -w; stepY = 1; }
            case TRANSVERSE -> { start = h * w - 1; stepX = -w; stepY = -1; }
            case ROTATE_90_ANTICLOCKWISE -> { start = w - 1; stepX = w; stepY = -1; }
            default -> throw new AssertionError(this);
        }
        byte[] from = stored.rgb();
        RgbImage upright = stored.blankLike(uprightWidth, uprightHeight);
        byte[] to = upright.rgb();
        int out = 0;
        for (int y = 0; y < uprightHeight; y++) {
            int source = start + y * stepY;
            for (int x = 0; x < uprightWidth; x++, source += stepX) {
                int in = source * 3;
                to[out++] = from[in];
                to[out++] = from[in + 1];
                to[out++] = from[in + 2];
            }
        }
        return upright;
    }
}
