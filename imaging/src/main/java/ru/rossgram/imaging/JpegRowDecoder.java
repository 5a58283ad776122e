package ru.rossgram.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Our "shrink on load" for JPEG. The JDK's reader is native libjpeg (libjpeg-turbo on some distributions), the
 * fastest JPEG decoder a JVM has without extra native code; it decodes every scanline even when asked to
 * subsample, and subsampling would only skip pixels (aliasing). So we take every scanline as it is decoded and
 * box-average it on the spot ({@link RowSinkRaster}, {@link BoxShrinker}): full quality, in a few megabytes.
 *
 * <p>libjpeg cannot scale in the DCT domain through this API; no maintained Java library exposes that
 * without bundling native code, so this is the best a pure-JVM build gets (see docs/imaging-benchmark.md).
 */
final class JpegRowDecoder {
    private JpegRowDecoder() {
    }

    /**
     * @return the original shrunk by {@code factor}, in the JPEG's own colour space (its ICC profile attached);
     *         empty when this reader cannot stream it, and the caller should use {@link ImageIoDecoder}
     * @throws ImageRejectedException {@code CORRUPT} when libjpeg reports truncated or damaged data
     */
    static Optional<RgbImage> decode(byte[] jpeg, OriginalHeader header, int factor) throws ImageRejectedException {
        ImageReader reader = Codecs.jdkJpegReader();
        CorruptDataWarnings warnings = new CorruptDataWarnings();
        reader.addIIOReadWarningListener(warnings);
        try (ImageInputStream in = new GuardedImageInputStream(jpeg)) {
            reader.setInput(in, true, true);
            ImageTypeSpecifier type = rowType(reader, header.jpegFrame().components());
            if (type == null) {
                return Optional.empty();
            }
            int width = header.width();
            int height = header.height();
            BoxShrinker shrinker = new BoxShrinker(width, height, factor, type.getSampleModel().getNumBands());
            BufferedImage sink = new BufferedImage(type.getColorModel(),
                    new RowSinkRaster(type.getSampleModel(width, height), shrinker), false, null);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setDestination(sink);
            reader.read(0, param);
            warnings.throwIfDamaged(ImageFormat.JPEG);
            return shrinker.isComplete() ? Optional.of(shrinker.image(profileToApply(type))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            warnings.throwIfDamaged(ImageFormat.JPEG);
            return Optional.empty(); // TwelveMonkeys copes with more broken files; let it try before refusing
        } finally {
            reader.dispose();
        }
    }

    /**
     * Grey for grey JPEGs; for colour, the type in the file's own ICC colour space when it has one, because
     * any other makes the reader convert colours scanline by scanline (slow, and at full size).
     */
    private static ImageTypeSpecifier rowType(ImageReader reader, int components) throws IOException {
        ImageTypeSpecifier srgb = null;
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            ColorSpace space = type.getColorModel().getColorSpace();
            int bands = type.getSampleModel().getNumBands();
            if (components == 1) {
                if (bands == 1 && space.getType() == ColorSpace.TYPE_GRAY) {
                    return type;
                }
            } else if (bands == 3 && space.getType() == ColorSpace.TYPE_RGB) {
                if (!space.isCS_sRGB() && space instanceof ICC_ColorSpace) {
                    return type;
                }
                if (srgb == null && space.isCS_sRGB()) {
                    srgb = type;
                }
            }
        }
        return srgb;
    }

    private static ICC_Profile profileToApply(ImageTypeSpecifier type) {
        ColorSpace space = type.getColorModel().getColorSpace();
        return space instanceof ICC_ColorSpace icc && !space.isCS_sRGB() && space.getType() == ColorSpace.TYPE_RGB
                ? icc.getProfile() : null;
    }
}
