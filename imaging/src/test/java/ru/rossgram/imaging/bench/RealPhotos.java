package ru.rossgram.imaging.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's real-photograph inputs, the four kinds issue 22 names, made by {@code imaging/scripts/real-photos.sh}
 * from camera photos in Debian's mate-backgrounds 1.26 (GPL-2+), enlarged with Lanczos to the sizes below.
 */
final class RealPhotos {
    record Photo(String label, String file, String description) {
        Path in(Path dir) {
            return dir.resolve(file);
        }
    }

    static final List<Photo> ALL = List.of(
            new Photo("12 MP phone, 4:2:0 (4000 x 3000)", "phone-12mp-420.jpg",
                    "nature/Wood.jpg (2560x1920, Jean-François Fortin Tam), baseline, quality 90, 4:2:0"),
            new Photo("48 MP phone, 4:2:0 (8000 x 6000)", "phone-48mp-420.jpg",
                    "nature/Wood.jpg (2560x1920, Jean-François Fortin Tam), baseline, quality 90, 4:2:0"),
            new Photo("20 MP camera, 4:2:2 (5472 x 3648)", "camera-20mp-422.jpg",
                    "nature/Storm.jpg (1920x1280, Sergey Nazarov), baseline, quality 90, 4:2:2"),
            new Photo("8 MP progressive, 4:2:0 (3264 x 2448)", "progressive-8mp-420.jpg",
                    "nature/Garden.jpg (2560x1600, Charles Barbin; cropped to 4:3), progressive, quality 90, 4:2:0"));

    /** The one whose memory the report measures: the largest. */
    static final Photo LARGEST = ALL.get(1);

    private RealPhotos() {
    }
}
