package ru.rossgram.imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.IIOException;

/**
 * Reads an original too large to hold whole as horizontal bands of full-resolution rows, flattens each band, and
 * box-averages every row into one working image: the same pixels as {@link BoxShrinker#shrink} of the whole
 * image, with only one band in memory. Source subsampling would have kept every n-th pixel instead, which aliases
 * fine stripes and lettering into moiré before the final filter ever sees them.
 *
 * <p>Readers cannot resume, so each band is a fresh decode from the top of the file. The JDK's PNG reader stops at
 * the band's last row, so n bands cost it about (n + 1) / 2 whole decodes; a reader that decodes everything and
 * crops costs n.
 */
final class BandedReader {
    /** Reads one band: the original's pixels inside {@code region}, as the reader returns them. */
    @FunctionalInterface
    interface BandSource {
        BufferedImage read(Rectangle region) throws IOException;
    }

    private BandedReader() {
    }

    /**
     * @param rowsPerBand how many full-width rows one read may hold
     * @return the original shrunk by {@code factor}, in sRGB, with whether any band had transparent pixels
     * @throws IOException from the reader, or when it returns a band of another size than asked for
     */
    static DecodedOriginal read(BandSource source, int width, int height, int factor, int rowsPerBand)
            throws IOException {
        BoxShrinker shrinker = new BoxShrinker(width, height, factor, 3);
        boolean transparent = false;
        for (int top = 0; top < height; top += rowsPerBand) {
            transparent |= addBand(source, new Rectangle(0, top, width, Math.min(rowsPerBand, height - top)), shrinker);
        }
        return new DecodedOriginal(shrinker.image(null), transparent);
    }

    /** In its own method so that nothing of this band is still referenced while the next one is decoded. */
    private static boolean addBand(BandSource source, Rectangle region, BoxShrinker shrinker) throws IOException {
        DecodedOriginal band = Flattener.flatten(source.read(region));
        RgbImage pixels = band.image();
        if (pixels.width() != region.width || pixels.height() != region.height) {
            throw new IIOException("asked for " + region.width + "x" + region.height + " at row " + region.y
                    + ", the reader returned " + pixels.width() + "x" + pixels.height());
        }
        int stride = region.width * 3;
        for (int y = 0; y < region.height; y++) {
            shrinker.accept(region.y + y, pixels.rgb(), y * stride);
        }
        return band.hadAlpha();
    }
}
