package ru.rossgram.imaging;

import java.awt.Rectangle;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes with an ordinary ImageIO reader: PNG, WebP, and the JPEGs the row decoder does not stream (CMYK, YCCK,
 * lossless, or ones the JDK's reader rejects). These readers build whole images in memory, so an original above
 * {@link #DECODE_BUDGET_PIXELS} is read as bands of full-resolution rows, each within the budget, and
 * box-averaged band by band ({@link BandedReader}): every pixel counts, as on the streamed JPEG path, where
 * source subsampling would keep one pixel in n and alias.
 */
final class ImageIoDecoder {
    /** About 64 MB as 4-byte pixels, plus our 3-byte copy: the largest decode we allow ourselves. */
    static final long DECODE_BUDGET_PIXELS = 16_000_000L;
    /**
     * Thinner bands mean an absurdly wide original (a strip about a million pixels long), where the shrinker's
     * per-column sums would outweigh the band itself; such an original is still read with source subsampling.
     */
    static final int MIN_BAND_ROWS = 16;

    private ImageIoDecoder() {
    }

    /**
     * @param shrinkFactor how much smaller than the original the result may be; an original above the budget is
     *                     shrunk further if the budget needs it
     * @throws ImageRejectedException {@code CORRUPT} when the reader fails or warns of damaged data
     */
    static DecodedOriginal decode(byte[] bytes, OriginalHeader header, int shrinkFactor) throws ImageRejectedException {
        ImageReader reader = switch (header.format()) {
            case JPEG -> Codecs.twelveMonkeysJpegReader();
            case PNG -> Codecs.pngReader();
            case WEBP -> Codecs.webpReader();
        };
        CorruptDataWarnings warnings = new CorruptDataWarnings();
        reader.addIIOReadWarningListener(warnings);
        try {
            int step = subsamplingStep(header.pixels());
            int rowsPerBand = (int) Math.min(header.height(), DECODE_BUDGET_PIXELS / header.width());
            DecodedOriginal flat;
            if (step == 1 || rowsPerBand < MIN_BAND_ROWS) {
                flat = shrunk(readWhole(reader, bytes, step, warnings, header.format()), shrinkFactor / step);
            } else {
                flat = BandedReader.read(region -> readRegion(reader, bytes, region), header.width(), header.height(),
                        Math.max(step, shrinkFactor), rowsPerBand);
                warnings.throwIfDamaged(header.format());
            }
            return new DecodedOriginal(withProfile(flat.image(), header), flat.hadAlpha());
        } catch (IOException | RuntimeException e) {
            warnings.throwIfDamaged(header.format());
            throw Rejections.unreadable(header.format(), e);
        } finally {
            reader.dispose();
        }
    }

    /** The smallest step that brings the decode within budget: 1 for all but the largest originals. */
    static int subsamplingStep(long pixels) {
        int step = 1;
        while (pixels / ((long) step * step) > DECODE_BUDGET_PIXELS) {
            step++;
        }
        return step;
    }

    /** The whole image, every {@code step}-th pixel of it (1 for every pixel), flattened. */
    private static DecodedOriginal readWhole(ImageReader reader, byte[] bytes, int step, CorruptDataWarnings warnings,
            ImageFormat format) throws IOException, ImageRejectedException {
        try (ImageInputStream in = open(reader, bytes)) {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            warnings.throwIfDamaged(format);
            return Flattener.flatten(image);
        }
    }

    /** One band; a stream of its own, so the guard against looping decoders counts each band's decode alone. */
    private static BufferedImage readRegion(ImageReader reader, byte[] bytes, Rectangle region) throws IOException {
        try (ImageInputStream in = open(reader, bytes)) {
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceRegion(region);
            return reader.read(0, param);
        }
    }

    private static ImageInputStream open(ImageReader reader, byte[] bytes) {
        ImageInputStream in = new GuardedImageInputStream(bytes);
        // Metadata ignored: the PNG reader would otherwise inflate every text chunk, a zip-bomb vector.
        reader.setInput(in, true, true);
        return in;
    }

    /** Every rendition would pay for this reduction again; pay once. */
    private static DecodedOriginal shrunk(DecodedOriginal decoded, int factor) {
        return factor >= 2 ? new DecodedOriginal(BoxShrinker.shrink(decoded.image(), factor), decoded.hadAlpha()) : decoded;
    }

    /** A PNG's iCCP profile, which the JDK's reader ignores; applied later, when the renditions are small. */
    private static RgbImage withProfile(RgbImage image, OriginalHeader header) {
        if (header.iccProfile() == null) {
            return image;
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(header.iccProfile());
            boolean rgb = profile.getColorSpaceType() == ColorSpace.TYPE_RGB && profile.getNumComponents() == 3;
            return rgb ? new RgbImage(image.width(), image.height(), image.rgb(), profile) : image;
        } catch (IllegalArgumentException e) {
            return image; // an unusable profile is ignored, as browsers do
        }
    }
}
