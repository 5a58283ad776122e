package ru.rossgram.imaging;

import java.io.IOException;
import java.util.Iterator;
import java.util.function.Supplier;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;

/**
 * The ImageIO plug-ins the pipeline uses, each chosen by name rather than by whichever registered first:
 * TwelveMonkeys puts its JPEG reader ahead of the JDK's, and we want both, for different jobs.
 * Found once per class loader; every call returns a new reader or writer (they are not thread-safe).
 */
final class Codecs {
    private static final ImageReaderSpi JDK_JPEG_READER = reader("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi", null);
    private static final ImageReaderSpi JDK_PNG_READER = reader("com.sun.imageio.plugins.png.PNGImageReaderSpi", null);
    private static final ImageReaderSpi TWELVEMONKEYS_JPEG_READER = reader(
            "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
            com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi::new);
    private static final ImageReaderSpi TWELVEMONKEYS_WEBP_READER = reader(
            "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi",
            com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi::new);
    private static final ImageWriterSpi JDK_JPEG_WRITER = writer("com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi");

    private Codecs() {
    }

    /** The JDK's native libjpeg reader: fast, and it hands over each scanline as it decodes it. */
    static ImageReader jdkJpegReader() {
        return create(JDK_JPEG_READER);
    }

    /** TwelveMonkeys' reader: CMYK, YCCK, inverted Adobe CMYK, broken ICC profiles, lossless JPEG. */
    static ImageReader twelveMonkeysJpegReader() {
        return create(TWELVEMONKEYS_JPEG_READER);
    }

    static ImageReader pngReader() {
        return create(JDK_PNG_READER);
    }

    /** TwelveMonkeys' pure-Java WebP reader (lossy, lossless, alpha); there is no writer. */
    static ImageReader webpReader() {
        return create(TWELVEMONKEYS_WEBP_READER);
    }

    /** The JDK's native libjpeg writer: the reference the tests hold our own writer to. */
    static ImageWriter jpegWriter() {
        try {
            return JDK_JPEG_WRITER.createWriterInstance();
        } catch (IOException e) {
            throw new IllegalStateException("the JDK's JPEG writer is unavailable", e);
        }
    }

    private static ImageReader create(ImageReaderSpi spi) {
        try {
            return spi.createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException(spi.getDescription(null) + " is unavailable", e);
        }
    }

    /**
     * The registered provider of that class; registers {@code fallback} first if the service files were not
     * seen (a shaded jar that lost them, or a class loader ImageIO did not scan).
     */
    private static ImageReaderSpi reader(String className, Supplier<ImageReaderSpi> fallback) {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        ImageReaderSpi found = find(registry.getServiceProviders(ImageReaderSpi.class, true), className);
        if (found == null && fallback != null) {
            registry.registerServiceProvider(fallback.get(), ImageReaderSpi.class);
            found = find(registry.getServiceProviders(ImageReaderSpi.class, true), className);
        }
        if (found == null) {
            throw new IllegalStateException(className + " is not available in this runtime");
        }
        return found;
    }

    private static ImageWriterSpi writer(String className) {
        ImageWriterSpi found = find(IIORegistry.getDefaultInstance().getServiceProviders(ImageWriterSpi.class, true), className);
        if (found == null) {
            throw new IllegalStateException(className + " is not available in this runtime");
        }
        return found;
    }

    private static <T> T find(Iterator<T> providers, String className) {
        while (providers.hasNext()) {
            T provider = providers.next();
            if (provider.getClass().getName().equals(className)) {
                return provider;
            }
        }
        return null;
    }
}
