package ru.rossgram.imaging;

import java.util.List;
import java.util.Optional;

/**
 * Everything made from one original.
 *
 * @param width         the original's width, upright (after its EXIF orientation)
 * @param height        the original's height, upright
 * @param dominantColor its most common colour, {@code #rrggbb} in lower case, painted while images load
 * @param placeholder   a <a href="https://blurha.sh">BlurHash</a> of it (about 30 characters), which the apps
 *                      decode into a blurry preview while the real image loads
 * @param hadAlpha      the original had transparent pixels; they were composited over white
 * @param sourceFormat  what the original was, by its bytes
 * @param renditions    in the order the spec lists them: widths, then the square, then the locked preview
 */
public record Thumbnails(int width, int height, String dominantColor, String placeholder, boolean hadAlpha,
                         ImageFormat sourceFormat, List<Rendition> renditions) {
    public Thumbnails {
        renditions = List.copyOf(renditions);
    }

    /** The rendition called {@code name}, if the spec asked for it. */
    public Optional<Rendition> rendition(String name) {
        return renditions.stream().filter(r -> r.name().equals(name)).findFirst();
    }
}
