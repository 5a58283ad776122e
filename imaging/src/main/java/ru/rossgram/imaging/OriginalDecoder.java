package ru.rossgram.imaging;

import java.util.Optional;

/** Decodes an original into a working image no larger than its renditions need, by the best route for it. */
final class OriginalDecoder {
    private OriginalDecoder() {
    }

    /**
     * Plain 8-bit JPEGs go to our own decoder, which shrinks them in the DCT domain; what it declines to the JDK's
     * native reader, streamed into a box average; CMYK, YCCK, lossless JPEGs and every other format to ImageIO.
     *
     * @throws ImageRejectedException {@code CORRUPT} when no codec reads it cleanly
     */
    static DecodedOriginal decode(byte[] bytes, OriginalHeader header, RenditionPlan plan, int uprightWidth,
            int uprightHeight) throws ImageRejectedException {
        int shrinkFactor = plan.shrinkFactor(uprightWidth, uprightHeight);
        if (header.format() == ImageFormat.JPEG && header.jpegFrame().isPlainHuffman8Bit()) {
            RenditionPlan.JpegLoad load = plan.jpegLoad(uprightWidth, uprightHeight);
            Optional<RgbImage> scaled = DctJpegDecoder.decode(bytes, load.dctScale(), load.boxFactor());
            if (scaled.isEmpty()) {
                scaled = JpegRowDecoder.decode(bytes, header, shrinkFactor);
            }
            if (scaled.isPresent()) {
                return new DecodedOriginal(scaled.get(), false);
            }
        }
        return ImageIoDecoder.decode(bytes, header, shrinkFactor);
    }
}
