package ru.rossgram.imaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The JDK's native libjpeg writer, as the pipeline used it before {@link ProgressiveJpegWriter}: the reference our
 * writer's output and speed are checked against (ProgressiveJpegWriterTest, bench.JpegWriterBenchmark).
 */
final class JpegEncoder {
    private final float quality;

    JpegEncoder(float quality) {
        this.quality = quality;
    }

    byte[] encode(RgbImage image) {
        ImageWriter writer = Codecs.jpegWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.width() * image.height() / 4 + 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            // Progressive: the feed shows a whole, blurry photo at once instead of a band painting downwards,
            // and libjpeg optimises the Huffman tables for it, which makes files a few percent smaller.
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image.asSrgbImage(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
