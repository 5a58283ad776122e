package ru.rossgram.imaging.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;

/** Peak signal-to-noise ratio between two JPEGs of the same size, over their RGB samples, as ImageIO decodes them. */
public final class Psnr {
    private Psnr() {
    }

    /** @return the PSNR in dB (infinite when identical); empty when the two differ in size */
    static OptionalDouble rgb(Path first, Path second) throws IOException {
        BufferedImage a = ImageIO.read(first.toFile());
        BufferedImage b = ImageIO.read(second.toFile());
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(of(a, b));
    }

    /** The PSNR in dB over R, G and B of two pictures of the same size (infinite when identical). */
    public static double of(BufferedImage a, BufferedImage b) {
        double squaredError = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    int difference = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
                    squaredError += difference * difference;
                }
            }
        }
        double meanSquaredError = squaredError / (3.0 * a.getWidth() * a.getHeight());
        return 10 * Math.log10(255.0 * 255.0 / meanSquaredError);
    }
}
