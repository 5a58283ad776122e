package ru.rossgram.imaging;

/**
 * One encoded thumbnail.
 *
 * @param name        {@code w1080}, {@code w640}, {@code w320}, {@code square150}: "w" or "square" followed by
 *                    the size asked for (not the size made), so names stay stable; {@code preview} for a paid
 *                    post's locked preview
 * @param width       its width in pixels
 * @param height      its height in pixels
 * @param contentType always {@code image/jpeg} for now
 * @param bytes       the encoded file, with no metadata; the maker keeps no reference to it, but two renditions
 *                    of the same size from a small original share one array
 */
public record Rendition(String name, int width, int height, String contentType, byte[] bytes) {
    public Rendition {
        if (name == null || name.isEmpty() || width <= 0 || height <= 0 || contentType == null || bytes == null) {
            throw new IllegalArgumentException("incomplete rendition " + name);
        }
    }

    @Override
    public String toString() {
        return "Rendition[" + name + " " + width + "x" + height + " " + contentType + " " + bytes.length + " bytes]";
    }
}
