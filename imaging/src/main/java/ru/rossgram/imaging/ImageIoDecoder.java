package ru.rossgram.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes with an ordinary ImageIO reader: PNG, WebP, and the JPEGs the row decoder does not stream (CMYK, YCCK,
 * lossless, or ones the JDK's reader rejects). These readers build the whole image in memory, so an original
 * above {@link #DECODE_BUDGET_PIXELS} is read with source subsampling to stay inside a 512 MB function.
 */
final class ImageIoDecoder {
    /** About 64 MB as 4-byte pixels, plus our 3-byte copy: the largest decode we allow ourselves. */
    static final long DECODE_BUDGET_PIXELS = 16_000_000L;

    private ImageIoDecoder() {
    }

    /**
     * @throws ImageRejectedException {@code CORRUPT} when the reader fails or warns of damaged data
     */
    static DecodedOriginal decode(byte[] bytes, OriginalHeader header) throws ImageRejectedException {
        ImageReader reader = switch (header.format()) {
            case JPEG -> Codecs.twelveMonkeysJpegReader();
            case PNG -> Codecs.pngReader();
            case WEBP -> Codecs.webpReader();
        };
        CorruptDataWarnings warnings = new CorruptDataWarnings();
        reader.addIIOReadWarningListener(warnings);
        try (ImageInputStream in = new GuardedImageInputStream(bytes)) {
            // Metadata ignored: the PNG reader would otherwise inflate every text chunk, a zip-bomb vector.
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsamplingStep(header.pixels());
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            warnings.throwIfDamaged(header.format());
            DecodedOriginal flat = Flattener.flatten(image);
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
