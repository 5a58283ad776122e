package ru.rossgram.imaging;

import java.util.Optional;

/** Decodes an original into a working image about {@code 1/shrinkFactor} of its size, by the best route for it. */
final class OriginalDecoder {
    private OriginalDecoder() {
    }

    /**
     * @param shrinkFactor how much smaller than the original the working image may be (1 = full size)
     * @throws ImageRejectedException {@code CORRUPT} when no codec reads it cleanly
     */
    static DecodedOriginal decode(byte[] bytes, OriginalHeader header, int shrinkFactor) throws ImageRejectedException {
        if (header.format() == ImageFormat.JPEG && header.jpegFrame().isPlainHuffman8Bit()) {
            Optional<RgbImage> streamed = JpegRowDecoder.decode(bytes, header, shrinkFactor);
            if (streamed.isPresent()) {
                return new DecodedOriginal(streamed.get(), false);
            }
        }
        return ImageIoDecoder.decode(bytes, header, shrinkFactor);
    }
}
