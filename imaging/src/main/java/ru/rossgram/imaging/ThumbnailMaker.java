package ru.rossgram.imaging;

import static ru.rossgram.imaging.ImageRejectedException.Reason.TOO_LARGE;
import static ru.rossgram.imaging.ImageRejectedException.Reason.TOO_MANY_PIXELS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes a photo's thumbnails: checks what the original really is, refuses what we cannot or should not decode,
 * and encodes upright, stripped, sRGB progressive JPEGs at the sizes the {@link ThumbnailSpec} asks for.
 *
 * <p>Thread-safe and meant to be built once per container: it holds only the spec. A 48-megapixel JPEG needs
 * well under 100 MB of heap (it is never in memory whole); see docs/imaging-benchmark.md.
 */
public final class ThumbnailMaker {
    /**
     * libjpeg holds all of a progressive JPEG's coefficients in native memory while decoding (baseline ones
     * stream): 144 MB for 48 megapixels at 4:2:0. Beyond this, a 512 MB function would be killed, so refuse.
     */
    static final long PROGRESSIVE_JPEG_MEMORY = 256L * 1024 * 1024;

    private final ThumbnailSpec spec;
    private final ProgressiveJpegWriter encoder;

    public ThumbnailMaker(ThumbnailSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.encoder = new ProgressiveJpegWriter(spec.jpegQuality());
    }

    /** With {@link ThumbnailSpec#defaults()}. */
    public ThumbnailMaker() {
        this(ThumbnailSpec.defaults());
    }

    public ThumbnailSpec spec() {
        return spec;
    }

    /**
     * Reads the original to its end (at most {@link ThumbnailSpec#maxSourceBytes()} of it) and makes its thumbnails.
     *
     * @throws ImageRejectedException the original is refused; {@link ImageRejectedException#reason()} says why
     * @throws IOException            reading the stream failed (not the image's fault: worth a retry)
     */
    public Thumbnails make(InputStream original) throws ImageRejectedException, IOException {
        byte[] bytes = original.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, spec.maxSourceBytes() + 1));
        if (bytes.length > spec.maxSourceBytes()) {
            throw tooLarge(bytes.length + "+");
        }
        return make(bytes);
    }

    /**
     * Makes the thumbnails of the file at {@code original}.
     *
     * @throws ImageRejectedException the original is refused; {@link ImageRejectedException#reason()} says why
     * @throws IOException            reading the file failed
     */
    public Thumbnails make(Path original) throws ImageRejectedException, IOException {
        long size = Files.size(original);
        if (size > spec.maxSourceBytes()) {
            throw tooLarge(Long.toString(size));
        }
        return make(Files.readAllBytes(original));
    }

    /**
     * Makes the thumbnails of {@code original}, which is only read.
     *
     * @return the upright size, colour, placeholder and one JPEG per rendition the spec asks for
     * @throws ImageRejectedException the original is empty, too large, not a JPEG/PNG/WebP (HEIC gets its own
     *         reason), claims too many pixels, or is damaged; never an error from a codec, never an
     *         {@link OutOfMemoryError} from a decompression bomb
     */
    public Thumbnails make(byte[] original) throws ImageRejectedException {
        if (original.length > spec.maxSourceBytes()) {
            throw tooLarge(Integer.toString(original.length));
        }
        ImageFormat format = FormatSniffer.sniff(original);
        OriginalHeader header = switch (format) {
            case JPEG -> JpegHeaderReader.read(original);
            case PNG -> PngHeaderReader.read(original);
            case WEBP -> WebpHeaderReader.read(original);
        };
        if (header.pixels() > spec.maxPixels()) {
            throw new ImageRejectedException(TOO_MANY_PIXELS, String.format(
                    "The image is %d x %d, %.1f megapixels; the limit is %.1f.",
                    header.width(), header.height(), header.pixels() / 1e6, spec.maxPixels() / 1e6));
        }
        if (header.jpegFrame() != null && header.jpegFrame().isProgressive()
                && header.jpegFrame().coefficientBytes(header.width(), header.height()) > PROGRESSIVE_JPEG_MEMORY) {
            throw new ImageRejectedException(TOO_MANY_PIXELS, String.format(
                    "The image is a %d x %d progressive JPEG, too large to decode here; send it as a baseline"
                            + " (standard) JPEG.", header.width(), header.height()));
        }

        Orientation orientation = Orientation.fromExif(header.exif());
        int uprightWidth = orientation.swapsAxes() ? header.height() : header.width();
        int uprightHeight = orientation.swapsAxes() ? header.width() : header.height();
        RenditionPlan plan = RenditionPlan.of(spec, uprightWidth, uprightHeight);
        DecodedOriginal decoded = OriginalDecoder.decode(original, header, plan, uprightWidth, uprightHeight);

        RenditionRenderer renderer = new RenditionRenderer(decoded.image(), header.width(), header.height(), orientation);
        // The largest rendition comes from the working image, the others from it, as libvips does when used as a
        // library: far fewer pixels to filter, and it is already upright and in sRGB.
        RenditionPlan.Target largest = plan.largestFull();
        RgbImage largestPixels = renderer.render(largest);
        RenditionRenderer fromLargest = new RenditionRenderer(largestPixels, largestPixels.width(),
                largestPixels.height(), Orientation.NORMAL);
        List<Rendition> renditions = new ArrayList<>();
        // A small original gives several widths the same size: encode it once.
        Map<String, byte[]> encoded = new HashMap<>();
        for (RenditionPlan.Target target : plan.targets()) {
            String sameImage = target.kind() + " " + target.width() + "x" + target.height();
            byte[] bytes = encoded.computeIfAbsent(sameImage, key -> encoder.encode(
                    target.equals(largest) ? largestPixels
                            : largest.contains(target) ? fromLargest.render(target) : renderer.render(target)));
            renditions.add(new Rendition(target.name(), target.width(), target.height(), "image/jpeg", bytes));
        }
        RgbImage sample = fromLargest.render(plan.colourSample());
        return new Thumbnails(uprightWidth, uprightHeight, DominantColor.of(sample), BlurHash.encode(sample),
                decoded.hadAlpha(), format, renditions);
    }

    private ImageRejectedException tooLarge(String size) {
        return new ImageRejectedException(TOO_LARGE,
                "The file is " + size + " bytes; the limit is " + spec.maxSourceBytes() + ".");
    }
}
